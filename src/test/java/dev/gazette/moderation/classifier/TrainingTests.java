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

	@Test
	void moderatorsApprovalsTeachTheModelWhatIsCivil() {
		// In the shipped data this phrase opens many toxic comments, so on its own it is still held.
		String accusation = "Another day, another propaganda piece.";
		List<LabelledComment> withDecisions = new ArrayList<>(Trainer.shippedData());
		withDecisions.add(LabelledComment.civil("c1", "Another day, another propaganda piece from the ministry."));
		withDecisions.add(LabelledComment.civil("c2", "Another propaganda piece. Where are the sources?"));
		withDecisions.add(LabelledComment.civil("c3", "Another day, another piece of government propaganda."));
		Model retrained = Trainer.train(withDecisions, TrainingOptions.defaults());
		assertThat(Thresholds.defaults().holds(ShippedModel.get().score(accusation))).isTrue();
		assertThat(Thresholds.defaults().holds(retrained.score(accusation))).isFalse();
		assertThat(retrained.trainedRows()).isEqualTo(Trainer.shippedData().size() + 3);
	}

	@Test
	void moderatorsRejectionsTeachTheModelNewAbuse() {
		String abuse = "Sit down, you snollygoster.";
		List<LabelledComment> withDecisions = new ArrayList<>(Trainer.shippedData());
		withDecisions.add(LabelledComment.rejected("r1", "The columnist is a snollygoster.", Set.of()));
		withDecisions.add(LabelledComment.rejected("r2", "Only a snollygoster writes this.", Set.of()));
		withDecisions.add(LabelledComment.rejected("r3", "Snollygosters, the lot of you.", Set.of(Label.INSULT)));
		Model retrained = Trainer.train(withDecisions, TrainingOptions.defaults());
		assertThat(retrained.score(abuse).insult()).isGreaterThan(ShippedModel.get().score(abuse).insult() + 0.1);
		assertThat(Thresholds.defaults().holds(retrained.score(abuse))).isTrue();
	}

	@Test
	void aRejectionWithoutLabelsCountsAsAnInsult() {
		assertThat(LabelledComment.rejected("r", "x", Set.of()).labels()).containsExactlyInAnyOrder(Label.TOXIC,
				Label.INSULT);
		assertThat(LabelledComment.rejected("r", "x", Set.of(Label.THREAT)).labels())
			.containsExactlyInAnyOrder(Label.TOXIC, Label.THREAT);
	}
}
