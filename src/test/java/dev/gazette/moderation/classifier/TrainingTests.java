package dev.gazette.moderation.classifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrainingTests {

	private static final List<LabelledComment> SOME_ROWS = Trainer.shippedData().subList(0, 400);

	@Test
	void theSameDataAndOptionsGiveTheSameModelBitForBit() {
		byte[] first = ModelCodec.encode(Trainer.train(SOME_ROWS, TrainingOptions.defaults()));
		byte[] second = ModelCodec.encode(Trainer.train(SOME_ROWS, TrainingOptions.defaults()));
		assertThat(first).isEqualTo(second);
	}

	@Test
	void anotherSeedGivesAnotherModel() {
		TrainingOptions options = TrainingOptions.defaults();
		TrainingOptions reseeded = new TrainingOptions(options.features(), options.epochs(), options.batchSize(),
				options.learningRate(), options.l2(), options.classWeightPower(), options.civilSentences(),
				options.seed() + 1);
		assertThat(ModelCodec.encode(Trainer.train(SOME_ROWS, reseeded)))
			.isNotEqualTo(ModelCodec.encode(Trainer.train(SOME_ROWS, options)));
	}

	@Test
	void scoresAreProbabilities() {
		Scores scores = ShippedModel.get().score("anything at all");
		for (Label label : Label.values()) {
			assertThat(scores.get(label)).isBetween(0.0, 1.0);
		}
		assertThat(ShippedModel.get().score("").toxic()).isBetween(0.0, 1.0);
	}

	@Test
	void nothingToTrainOnIsAnError() {
		assertThatThrownBy(() -> Trainer.train(List.of(), TrainingOptions.defaults()))
			.isInstanceOf(IllegalArgumentException.class);
	}

	/** Moderators' decisions on this site: three approvals and three rejections. */
	private static final List<LabelledComment> DECISIONS = List.of(
			LabelledComment.civil("c1", "Another day, another propaganda piece from the ministry."),
			LabelledComment.civil("c2", "Another propaganda piece. Where are the sources?"),
			LabelledComment.civil("c3", "Another day, another piece of government propaganda."),
			LabelledComment.rejected("r1", "The columnist is a snollygoster.", Set.of()),
			LabelledComment.rejected("r2", "Only a snollygoster writes this.", Set.of()),
			LabelledComment.rejected("r3", "Snollygosters, the lot of you.", Set.of(Label.INSULT)));

	/** The shipped data and the decisions, trained once (a full training) for the two tests below. */
	private static final class Retrained {

		static final Model MODEL = train();

		private static Model train() {
			List<LabelledComment> withDecisions = new ArrayList<>(Trainer.shippedData());
			withDecisions.addAll(DECISIONS);
			return Trainer.train(withDecisions, TrainingOptions.defaults());
		}
	}

	@Test
	void moderatorsApprovalsTeachTheModelWhatIsCivil() {
		String accusation = "Another day, another propaganda piece.";
		assertThat(Retrained.MODEL.score(accusation).toxic())
			.isLessThan(ShippedModel.get().score(accusation).toxic());
		assertThat(Thresholds.defaults().holds(Retrained.MODEL.score(accusation))).isFalse();
		assertThat(Retrained.MODEL.trainedRows()).isEqualTo(Trainer.shippedData().size() + DECISIONS.size());
	}

	@Test
	void moderatorsRejectionsTeachTheModelNewAbuse() {
		String abuse = "Sit down, you snollygoster.";
		assertThat(Retrained.MODEL.score(abuse).insult()).isGreaterThan(ShippedModel.get().score(abuse).insult() + 0.1);
		assertThat(Thresholds.defaults().holds(Retrained.MODEL.score(abuse))).isTrue();
	}

	@Test
	void aRejectionWithoutLabelsCountsAsAnInsult() {
		assertThat(LabelledComment.rejected("r", "x", Set.of()).labels()).containsExactlyInAnyOrder(Label.TOXIC,
				Label.INSULT);
		assertThat(LabelledComment.rejected("r", "x", Set.of(Label.THREAT)).labels())
			.containsExactlyInAnyOrder(Label.TOXIC, Label.THREAT);
	}
}
