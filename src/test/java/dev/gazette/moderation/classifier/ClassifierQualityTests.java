package dev.gazette.moderation.classifier;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the model trained on the shipped data does with the default thresholds, on the evaluation set written
 * separately from training and on a few sentences written for these tests. These are behaviour checks, not timings:
 * latency is measured by {@code bench/moderation-eval.sh}.
 */
class ClassifierQualityTests {

	private final Model model = ShippedModel.get();

	private final Thresholds thresholds = Thresholds.defaults();

	private Evaluation evaluation() {
		List<LabelledComment> rows = ShippedData.evaluation();
		List<Scores> scores = rows.stream().map(row -> this.model.score(row.text())).toList();
		return Evaluation.of(rows, scores, this.thresholds, ShippedData.harshCivilIds(), ShippedData.spamIds());
	}

	@Test
	void holdsAtLeastNineInTenPersonalAttacksIdentityAttacksAndThreatsOfTheEvaluationSet() {
		Evaluation evaluation = evaluation();
		assertThat(evaluation.result(Label.INSULT).heldShare()).isGreaterThanOrEqualTo(0.90);
		assertThat(evaluation.result(Label.IDENTITY_HATE).heldShare()).isGreaterThanOrEqualTo(0.90);
		assertThat(evaluation.result(Label.THREAT).heldShare()).isGreaterThanOrEqualTo(0.90);
	}

	@Test
	void holdsAtMostOneInTwentyCivilCommentsOfTheEvaluationSet() {
		assertThat(evaluation().civilHeldShare()).isLessThanOrEqualTo(0.05);
	}

	@ParameterizedTest
	@ValueSource(strings = { "The Kesthari government lies about the dam.", "Hamas is a terrorist organisation",
			"the Nazis murdered millions" })
	void publishesHarshButCivilSentences(String text) {
		assertThat(this.thresholds.exceeded(this.model.score(text))).isEmpty();
	}

	@Test
	void holdsGoBackToYourCaveAsAnIdentityAttack() {
		Scores scores = this.model.score("go back to your cave");
		assertThat(this.thresholds.exceeded(scores)).contains(Label.IDENTITY_HATE);
		assertThat(scores.identityHate()).isGreaterThan(0.7)
			.isGreaterThan(scores.threat())
			.isGreaterThan(scores.obscene())
			.isGreaterThan(scores.severeToxic());
	}

	@ParameterizedTest
	@ValueSource(strings = { "you are an idiot", "you are an 1d10t", "you are an i d i o t", "YOU ARE AN İDİOT",
			"you are an idiooooot" })
	void holdsAnInsultHoweverItIsSpelled(String text) {
		Scores scores = this.model.score(text);
		assertThat(this.thresholds.exceeded(scores)).contains(Label.INSULT);
		assertThat(scores.insult()).isGreaterThan(0.9);
	}

	@Test
	void holdsAThreatAsAThreat() {
		Scores scores = this.model.score("I will find you and hurt you");
		assertThat(this.thresholds.exceeded(scores)).contains(Label.THREAT);
		assertThat(scores.threat()).isGreaterThan(0.8);
	}

	@Test
	void findsOneAbusiveSentenceInALongCivilComment() {
		String civil = "The ferry timetable changed in March and nobody told the villages on the north shore. "
				+ "The council meets on Thursday and the agenda is online. ";
		assertThat(this.thresholds.holds(this.model.score(civil))).isFalse();
		assertThat(this.thresholds.holds(this.model.score(civil + civil + "You are an idiot. " + civil))).isTrue();
	}
}
