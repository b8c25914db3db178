package dev.gazette.moderation.classifier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ThresholdTuningTests {

	@Test
	void commentsThatShareASentenceFallInTheSameFold() {
		List<LabelledComment> rows = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			rows.add(LabelledComment.civil("c" + i, "Comment number " + i + " is here."));
		}
		rows.add(LabelledComment.withLabels("t1", "Hello there. You utter clown.", Set.of(Label.INSULT)));
		rows.add(LabelledComment.withLabels("t2", "You utter clown! Go away.", Set.of(Label.INSULT)));
		int[] folds = ThresholdTuning.foldsOf(rows, 5, 1);
		assertThat(folds[40]).isEqualTo(folds[41]);
		for (int fold = 0; fold < 5; fold++) {
			int size = 0;
			for (int f : folds) {
				size += (f == fold) ? 1 : 0;
			}
			assertThat(size).isBetween(8, 9);
		}
	}

	@Test
	void aStockSentenceDoesNotBindItsComments() {
		List<LabelledComment> rows = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			rows.add(LabelledComment.civil("c" + i, "Think about that. Point " + i + " stands."));
		}
		int[] folds = ThresholdTuning.foldsOf(rows, 5, 1);
		assertThat(Arrays.stream(folds).distinct().count()).isEqualTo(5);
	}

	@Test
	void civilCommentsThatRepeatAToxicCommentsSentenceAreNotCounted() {
		List<LabelledComment> rows = List.of(
				LabelledComment.withLabels("t", "The dam is late. You clown.", Set.of(Label.INSULT)),
				LabelledComment.civil("c1", "The dam is late!"), LabelledComment.civil("c2", "The dam is on time."));
		assertThat(ThresholdTuning.countedForTuning(rows)).containsExactly(true, false, true);
	}

	@Test
	void holdsAsManyToxicCommentsAsTheCivilBudgetAllows() {
		List<LabelledComment> rows = new ArrayList<>();
		List<Scores> scores = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			rows.add(LabelledComment.civil("c" + i, "civil"));
			scores.add(new Scores(i / 100.0, 0, 0, 0, 0, 0));
			rows.add(LabelledComment.withLabels("t" + i, "toxic", Set.of(Label.THREAT)));
			scores.add(new Scores(0.5 + i / 200.0, 0, 0, (i % 10 == 0) ? 0.9 : 0, 0, 0));
		}
		Thresholds thresholds = ThresholdTuning.choose(rows, scores, 0.05);
		int civilHeld = 0;
		int toxicHeld = 0;
		for (int i = 0; i < rows.size(); i++) {
			if (thresholds.holds(scores.get(i))) {
				if (rows.get(i).isCivil()) {
					civilHeld++;
				}
				else {
					toxicHeld++;
				}
			}
		}
		// The civil comments scored 0.95 to 0.99 use up the budget; above 0.94 the toxic label also holds the eleven
		// toxic comments scored 0.945 to 0.995, and the threat label the ten it marks (one of them among the eleven).
		assertThat(civilHeld).isEqualTo(5);
		assertThat(thresholds.toxic()).isGreaterThan(0.94).isLessThanOrEqualTo(0.945);
		assertThat(thresholds.threat()).isLessThanOrEqualTo(0.9);
		assertThat(toxicHeld).isEqualTo(11 + 10 - 1);
	}
}
