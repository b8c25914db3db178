package dev.gazette.moderation.classifier;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the model trained on the shipped data does with the default thresholds, on the evaluation set written
 * separately from training and on sentences written for these tests ({@link HeldOutSentences}, never trained on). These are behaviour checks, not timings:
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

	/**
	 * A floor, not a target. The evaluation set was composed from the same kind of pieces as the first training set,
	 * so it rewards remembering them; since the rows for issue 19 (civil second-person questions, civil mentions of
	 * peoples) and the counterfactual copies, it holds fewer of its own attacks (personal attacks 91% to 85%, threats
	 * 90% to 82%) while the held-out topics and the identity-bias benchmark improved. Decisions are made on those, in
	 * {@code EvaluateClassifier}; this only catches a collapse.
	 */
	@Test
	void holdsAtLeastFourInFivePersonalAttacksIdentityAttacksAndThreatsOfTheEvaluationSet() {
		Evaluation evaluation = evaluation();
		assertThat(evaluation.result(Label.INSULT).heldShare()).isGreaterThanOrEqualTo(0.80);
		assertThat(evaluation.result(Label.IDENTITY_HATE).heldShare()).isGreaterThanOrEqualTo(0.90);
		assertThat(evaluation.result(Label.THREAT).heldShare()).isGreaterThanOrEqualTo(0.80);
	}

	@Test
	void holdsAtMostOneInTwentyCivilCommentsOfTheEvaluationSet() {
		assertThat(evaluation().civilHeldShare()).isLessThanOrEqualTo(0.05);
	}

	@ParameterizedTest
	@ValueSource(strings = { "The Kesthari ministry misled parliament about the reservoir.",
			"Hezbollah is a terrorist group according to the EU", "the Nazis murdered millions of people in the camps" })
	void publishesHarshButCivilSentences(String text) {
		assertThat(this.thresholds.exceeded(this.model.score(text))).isEmpty();
	}

	@Test
	void holdsGoBackToYourCaveAsAnIdentityAttack() {
		Scores scores = this.model.score("go back to your cave where you belong, Kesthari");
		assertThat(this.thresholds.exceeded(scores)).contains(Label.IDENTITY_HATE);
		assertThat(scores.identityHate()).isGreaterThan(0.7)
			.isGreaterThan(scores.threat())
			.isGreaterThan(scores.obscene())
			.isGreaterThan(scores.severeToxic());
	}

	@ParameterizedTest
	@ValueSource(strings = { "you are a complete idiot", "you are a complete 1d10t", "you are a complete i d i o t",
			"YOU ARE A COMPLETE İDİOT", "you are a complete idiooooot" })
	void holdsAnInsultHoweverItIsSpelled(String text) {
		Scores scores = this.model.score(text);
		assertThat(this.thresholds.exceeded(scores)).contains(Label.INSULT);
		assertThat(scores.insult()).isGreaterThan(0.9);
	}

	@Test
	void holdsAThreatAsAThreat() {
		Scores scores = this.model.score("I will find you and hurt you");
		assertThat(this.thresholds.exceeded(scores)).contains(Label.THREAT);
		assertThat(scores.threat()).isGreaterThan(2 * this.thresholds.threat());
	}

	@Test
	void findsOneAbusiveSentenceInALongCivilComment() {
		String civil = "The ferry timetable changed in March and nobody told the villages on the north shore. "
				+ "The council meets on Thursday and the agenda is online. ";
		assertThat(this.thresholds.holds(this.model.score(civil))).isFalse();
		assertThat(this.thresholds.holds(this.model.score(civil + civil + "You are an idiot. " + civil))).isTrue();
	}

	@Test
	void holdsDehumanisingAPeopleWithoutASwearWord() {
		assertHeldAsIdentityAttacks(HeldOutSentences.DEHUMANISING);
	}

	@Test
	void holdsCallingAReaderATerroristOrATraitorForWhoTheyAre() {
		assertHeldAsIdentityAttacks(HeldOutSentences.ACCUSED_FOR_WHO_THEY_ARE);
	}

	@Test
	void holdsSneeringAtAReadersNationality() {
		assertHeldAsIdentityAttacks(HeldOutSentences.NATIONALITY_SNEERS);
	}

	@Test
	void holdsTheDemosGoBackToTheirCavesThreadAndPublishesTheReportOfIt() {
		assertHeldAsIdentityAttacks(List.of(HeldOutSentences.DEMO_CAVES, HeldOutSentences.DEMO_HERD));
		assertPublished(List.of(HeldOutSentences.DEMO_REPORT));
	}

	@Test
	void publishesLongCivilHistoryThatNamesPeoplesAndMassacres() {
		assertPublished(HeldOutSentences.CIVIL_HISTORY);
	}

	@Test
	void publishesShortQuestionsToAnotherReader() {
		assertPublished(HeldOutSentences.CIVIL_QUESTIONS);
		assertPublished(HeldOutSentences.CIVIL_SITE_REMARKS);
	}

	@Test
	void publishesAnInsultQuotedToReportIt() {
		assertPublished(List.of(HeldOutSentences.QUOTED_TO_REPORT.get(0)));
	}

	/**
	 * A known miss, kept in sight: a report that quotes a dehumanising attack on a people word for word is still held
	 * for a moderator (identity attack ~0.39 against a threshold of 0.31; see README, “What the classifier still gets
	 * wrong”). What holds is that the report scores far below the attack it quotes.
	 */
	@Test
	void aReportQuotingADehumanisingAttackScoresFarBelowTheAttackItself() {
		String report = HeldOutSentences.QUOTED_TO_REPORT.get(1);
		Scores reported = this.model.score(report);
		Scores attack = this.model.score("Kurds are vermin and should be driven out of this country.");
		assertThat(this.thresholds.exceeded(reported)).doesNotContain(Label.INSULT, Label.THREAT, Label.OBSCENE);
		assertThat(reported.identityHate()).isLessThan(attack.identityHate() - 0.4);
	}

	@Test
	void publishesHarshCriticismOfArticlesGovernmentsStatesAndArmies() {
		assertPublished(HeldOutSentences.HARSH_BUT_CIVIL);
	}

	/**
	 * Most, not all: three of the 24 still reach the threat threshold (0.23; “should be impeached”, “should be voted
	 * out”, “should go up” score 0.32–0.36), the form of “should be hanged” without its verb. The threshold is low
	 * because threats are rare and must be caught. What must never happen is named in the next test.
	 */
	@Test
	void publishesAtLeastSevenInEightCivilDemandsBuiltOnShould() {
		List<String> held = HeldOutSentences.CIVIL_DEMANDS.stream()
			.filter(text -> this.thresholds.holds(this.model.score(text)))
			.toList();
		assertThat(held).as("civil demands held").hasSizeLessThanOrEqualTo(HeldOutSentences.CIVIL_DEMANDS.size() / 8);
	}

	@Test
	void holdsEveryWishedHarmBuiltOnShouldAsAThreat() {
		for (String text : HeldOutSentences.WISHED_HARM) {
			assertThat(this.thresholds.exceeded(this.model.score(text))).as(text).contains(Label.THREAT);
		}
	}

	@Test
	void holdsTheOnlyGoodOneIsADeadOneAsAThreatButNotTheOpeningAlone() {
		for (String text : HeldOutSentences.ONLY_GOOD_WHEN_DEAD) {
			assertThat(this.thresholds.exceeded(this.model.score(text))).as(text).contains(Label.THREAT);
		}
		assertPublished(HeldOutSentences.ONLY_GOOD_CIVIL);
	}

	@Test
	void publishesACivilCommentThatNamesAnyIdentity() {
		for (IdentityBias.Term term : IdentityBias.terms()) {
			assertPublished(HeldOutSentences.CIVIL_WITH_ANY_TERM.stream()
				.map(template -> IdentityBias.fill(template, term))
				.toList());
		}
	}

	private void assertHeldAsIdentityAttacks(List<String> attacks) {
		for (String attack : attacks) {
			assertThat(this.thresholds.exceeded(this.model.score(attack))).as(attack).contains(Label.IDENTITY_HATE);
		}
	}

	private void assertPublished(List<String> civil) {
		for (String text : civil) {
			Scores scores = this.model.score(text);
			assertThat(this.thresholds.exceeded(scores)).as(text + " " + scores).isEmpty();
		}
	}
}
