package dev.gazette.moderation;

import java.util.List;
import java.util.Map;

import dev.gazette.comment.Screening.Concern;
import dev.gazette.moderation.classifier.Label;
import dev.gazette.moderation.Signal.Action;
import dev.gazette.moderation.internal.Guideline;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a reader is told from a decision's signals: one concern per guideline, every part that triggered it. */
class NudgeConcernsTests {

	@Test
	void twoLabelsForTheSameGuidelineAreNamedOnceWithEachPartOnce() {
		Decision decision = Decision.of(List.of(
				new Signal("classifier", "personal attack 0.97", Action.HOLD,
						Guideline.PERSONAL_ATTACKS.concern(List.of("You are an idiot."))),
				new Signal("classifier", "severely toxic 0.40", Action.HOLD,
						Guideline.PERSONAL_ATTACKS.concern(List.of("You are an idiot.", "Shut up, clown."))),
				new Signal("suspect-words", "“vermin”", Action.HOLD,
						Guideline.DEHUMANISING_WORDS.concern(List.of("vermin")))), Map.of());

		List<Concern> concerns = decision.concerns();

		assertThat(concerns).extracting(Concern::guideline).containsExactly("personal-attacks", "dehumanising-words");
		assertThat(concerns.get(0).parts()).containsExactly("You are an idiot.", "Shut up, clown.");
		assertThat(concerns.get(0).guidelineUrl()).isEqualTo("/guidelines#not-allowed");
	}

	@Test
	void signalsWithoutAConcernOrThatDoNotHoldAreLeftOut() {
		Decision decision = Decision.of(List.of(new Signal("spam", "5 links", Action.HOLD),
				new Signal("classifier", "threat 0.10", Action.PUBLISH, Guideline.THREATS.concern(List.of()))), Map.of());

		assertThat(decision.concerns()).isEmpty();
	}

	@Test
	void everyHeldLabelHasAGuideline() {
		for (Label label : Label.values()) {
			assertThat(Guideline.of(label)).isNotNull();
			assertThat(Guideline.fromKey(Guideline.of(label).key())).contains(Guideline.of(label));
		}
	}
}
