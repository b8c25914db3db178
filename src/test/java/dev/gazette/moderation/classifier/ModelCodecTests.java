package dev.gazette.moderation.classifier;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelCodecTests {

	private final Model model = ShippedModel.get();

	@Test
	void aDecodedModelScoresExactlyAsTheOriginal() {
		Model decoded = ModelCodec.decode(ModelCodec.encode(this.model));
		List<LabelledComment> rows = ShippedData.evaluation();
		for (LabelledComment row : rows) {
			assertThat(decoded.score(row.text())).as(row.id()).isEqualTo(this.model.score(row.text()));
		}
		assertThat(decoded.trainedRows()).isEqualTo(Trainer.shippedData().size());
		assertThat(decoded.nonZeroWeights()).isEqualTo(this.model.nonZeroWeights());
	}

	@Test
	void encodingIsStable() {
		byte[] bytes = ModelCodec.encode(this.model);
		assertThat(ModelCodec.encode(ModelCodec.decode(bytes))).isEqualTo(bytes);
	}

	@Test
	void theEncodedModelIsCompact() {
		// About 5 MB for 12,482 rows: one row of the moderation_model table per version.
		assertThat(ModelCodec.encode(this.model).length).isBetween(1_000, 8_000_000);
	}

	@Test
	void refusesBytesThatAreNotAModel() {
		assertThatThrownBy(() -> ModelCodec.decode("hello world".getBytes())).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("Not a Gazette classifier model");
	}

	@Test
	void refusesAFormatVersionItDoesNotKnow() {
		byte[] bytes = ModelCodec.encode(this.model);
		bytes[4] = 99;
		assertThatThrownBy(() -> ModelCodec.decode(bytes)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("version 99")
			.hasMessageContaining("Retrain");
	}

	@Test
	void refusesATruncatedModel() {
		byte[] bytes = ModelCodec.encode(this.model);
		assertThatThrownBy(() -> ModelCodec.decode(Arrays.copyOf(bytes, bytes.length / 2)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("Corrupt model");
	}
}
