package dev.gazette.moderation.classifier;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EvaluationTests {

	private static final Thresholds HALF = new Thresholds(0.5, 0.5, 0.5, 0.5, 0.5, 0.5);

	private static Scores toxic(double toxic, double insult) {
		return new Scores(toxic, 0, 0, 0, insult, 0);
	}

	@Test
	void countsHeldFlaggedAndCivilCommentsPerCategory() {
		List<LabelledComment> rows = List.of(
				LabelledComment.withLabels("i1", "a", Set.of(Label.INSULT)),
				LabelledComment.withLabels("i2", "b", Set.of(Label.INSULT)),
				LabelledComment.withLabels("i3", "c", Set.of(Label.INSULT)),
				LabelledComment.civil("c1", "d"), LabelledComment.civil("harsh", "e"),
				LabelledComment.civil("spam", "f"));
		List<Scores> scores = List.of(toxic(0.9, 0.9), toxic(0.9, 0.1), toxic(0.1, 0.1), toxic(0.1, 0.1),
				toxic(0.1, 0.7), toxic(0.9, 0.1));
		Evaluation evaluation = Evaluation.of(rows, scores, HALF, Set.of("harsh"), Set.of("spam"));

		Evaluation.LabelResult insult = evaluation.result(Label.INSULT);
		assertThat(insult.rows()).isEqualTo(3);
		assertThat(insult.held()).isEqualTo(2);
		assertThat(insult.flagged()).isEqualTo(2);
		assertThat(insult.flaggedCorrectly()).isEqualTo(1);
		assertThat(insult.precision()).isEqualTo(0.5);
		assertThat(insult.recall()).isCloseTo(1 / 3.0, within(1e-9));
		assertThat(insult.f1()).isCloseTo(0.4, within(1e-9));
		assertThat(insult.heldShare()).isCloseTo(2 / 3.0, within(1e-9));

		assertThat(evaluation.toxicHeld()).isEqualTo(2);
		assertThat(evaluation.toxicPublished()).isEqualTo(1);
		assertThat(evaluation.civilHeld()).isEqualTo(1);
		assertThat(evaluation.civilPublished()).isEqualTo(1);
		assertThat(evaluation.civilHeldShare()).isEqualTo(0.5);
		assertThat(evaluation.harshCivilHeldShare()).isEqualTo(1.0);
		assertThat(evaluation.spamHeldShare()).isEqualTo(1.0);
	}

	@Test
	void withoutHarshOrSpamIdsThoseSharesAreUnknown() {
		Evaluation evaluation = Evaluation.of(List.of(LabelledComment.civil("c", "x")), List.of(toxic(0, 0)), HALF,
				Set.of(), Set.of());
		assertThat(evaluation.harshCivilHeldShare()).isNaN();
		assertThat(evaluation.spamHeldShare()).isNaN();
	}
}
