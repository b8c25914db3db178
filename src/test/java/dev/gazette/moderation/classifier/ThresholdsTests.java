package dev.gazette.moderation.classifier;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ThresholdsTests {

	private final Thresholds thresholds = new Thresholds(0.6, 0.5, 0.5, 0.3, 0.5, 0.4);

	@Test
	void holdsWhenAnyLabelReachesItsThreshold() {
		assertThat(this.thresholds.holds(new Scores(0.59, 0.49, 0.49, 0.29, 0.49, 0.39))).isFalse();
		assertThat(this.thresholds.holds(new Scores(0.1, 0.1, 0.1, 0.3, 0.1, 0.1))).isTrue();
	}

	@Test
	void namesTheLabelsThatReachedTheirThresholds() {
		assertThat(this.thresholds.exceeded(new Scores(0.9, 0.1, 0.1, 0.1, 0.7, 0.4)))
			.containsExactly(Label.TOXIC, Label.INSULT, Label.IDENTITY_HATE);
	}

	@Test
	void severeToxicityAloneHoldsNothingButIsNamedBesideAnotherLabel() {
		assertThat(this.thresholds.holds(new Scores(0.1, 0.9, 0.1, 0.1, 0.1, 0.1))).isFalse();
		assertThat(this.thresholds.exceeded(new Scores(0.1, 0.9, 0.1, 0.1, 0.1, 0.1))).isEmpty();
		assertThat(this.thresholds.exceeded(new Scores(0.1, 0.9, 0.1, 0.8, 0.1, 0.1)))
			.containsExactly(Label.SEVERE_TOXIC, Label.THREAT);
		assertThat(this.thresholds.holds(new Scores(0.7, 0.9, 0.1, 0.1, 0.1, 0.1))).isTrue();
	}

	@Test
	void aThresholdIsAProbability() {
		assertThatThrownBy(() -> new Thresholds(1.5, 0, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Thresholds(Double.NaN, 0, 0, 0, 0, 0))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void oneThresholdCanBeChanged() {
		assertThat(this.thresholds.with(Label.THREAT, 0.9).threat()).isEqualTo(0.9);
		assertThat(this.thresholds.with(Label.THREAT, 0.9).insult()).isEqualTo(0.5);
	}

	@Test
	void labelsAreKnownByTheirJigsawColumnNames() {
		assertThat(Label.fromColumn("identity_hate")).isEqualTo(Label.IDENTITY_HATE);
		assertThat(Label.fromColumn(" Severe-Toxic ")).isEqualTo(Label.SEVERE_TOXIC);
		assertThat(new Scores(0.1, 0.2, 0.3, 0.4, 0.5, 0.6).byColumn()).containsEntry("identity_hate", 0.6)
			.containsKeys("toxic", "severe_toxic", "obscene", "threat", "insult");
		assertThatThrownBy(() -> Label.fromColumn("rude")).isInstanceOf(IllegalArgumentException.class);
	}
}
