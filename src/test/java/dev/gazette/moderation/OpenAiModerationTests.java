package dev.gazette.moderation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.gazette.support.MutableClock;
import dev.gazette.moderation.internal.ExternalScorers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import static dev.gazette.moderation.ExternalScorerFixtures.submission;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An OpenAI-compatible moderation endpoint as an extra opinion, against a fake one on a loopback port: what Gazette
 * sends, how each category becomes one of Gazette's labels, which categories are left out, and a slow, broken or
 * failing endpoint leaving the comment to the other checks.
 */
class OpenAiModerationTests {

	private final FakeModerationService service = new FakeModerationService();

	private final ObjectMapper json = JsonMapper.builder().build();

	private final MutableClock clock = new MutableClock(Instant.parse("2018-07-22T09:00:00Z"));

	@AfterEach
	void stop() {
		service.close();
	}

	@Test
	void sendsTheModelAndTheTextWithTheKeyAndHoldsWhatTheServiceFlags() {
		service.answers(200, answer(true, "harassment", 0.93));
		ExternalScorers scorers = scorers(Map.of("openai-moderation.api-key", "sk-test",
				"openai-moderation.model", "omni-moderation-2024-09-26"));

		List<Signal> signals = scorers.ask(submission("You are a pathetic idiot."));

		assertThat(signals).extracting(Signal::name).containsOnly("openai-moderation");
		assertThat(signals).extracting(Signal::detail).containsExactlyInAnyOrder("decided hold", "insult 0.93");
		assertThat(Decision.of(signals, Map.of()).action()).isEqualTo(Signal.Action.HOLD);
		FakeModerationService.Received request = service.received().get(0);
		assertThat(request.path()).isEqualTo("/v1/moderations");
		assertThat(request.authorization()).isEqualTo("Bearer sk-test");
		JsonNode sent = json.readTree(request.body());
		assertThat(sent.path("model").asString()).isEqualTo("omni-moderation-2024-09-26");
		assertThat(sent.path("input").asString()).isEqualTo("You are a pathetic idiot.");
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', value = { "harassment | insult 0.93", "harassment/threatening | threat 0.93",
			"hate | identity_hate 0.93", "hate/threatening | identity_hate 0.93, threat 0.93",
			"sexual | obscene 0.93", "sexual/minors | obscene 0.93, severe_toxic 0.93" })
	void eachCivilityCategoryBecomesGazettesLabel(String category, String labels) {
		service.answers(200, answer(true, category, 0.93));

		List<Signal> signals = scorers(Map.of()).ask(submission("Some comment."));

		List<String> expected = new ArrayList<>(List.of(labels.split(",\\s*")));
		expected.add("decided hold");
		assertThat(signals).extracting(Signal::detail).containsExactlyInAnyOrderElementsOf(expected);
	}

	@ParameterizedTest
	@CsvSource({ "violence", "violence/graphic", "self-harm", "self-harm/intent", "self-harm/instructions", "illicit" })
	void categoriesAboutTheStoryOrTheWriterRatherThanCivilityAreLeftOut(String category) {
		service.answers(200, answer(true, category, 0.97));

		assertThat(scorers(Map.of()).ask(submission("The army shelled the hospital; dozens died."))).isEmpty();
	}

	@Test
	void aLabelTakesTheHighestScoreOfItsCategories() {
		service.answers(200, """
				{"id": "modr-1", "model": "omni-moderation-latest", "results": [{"flagged": false,
				  "categories": {"hate": false, "hate/threatening": false, "harassment/threatening": false},
				  "category_scores": {"hate": 0.41, "hate/threatening": 0.85, "harassment/threatening": 0.30}}]}""");

		List<Signal> signals = scorers(Map.of()).ask(submission("Some comment."));

		assertThat(signals).extracting(Signal::detail).containsExactlyInAnyOrder("identity_hate 0.85", "threat 0.85");
	}

	@Test
	void aCleanCommentAddsNothingAndNoKeyMeansNoAuthorizationHeader() {
		service.answers(200, answer(false, "harassment", 0.02));

		assertThat(scorers(Map.of()).ask(submission("You are simply wrong about the dates."))).isEmpty();
		assertThat(service.received().get(0).authorization()).isNull();
	}

	@Test
	void aServerThatOnlySaysFlaggedIsTakenAtItsWord() {
		service.answers(200, "{\"results\":[{\"flagged\":true}]}");

		assertThat(scorers(Map.of()).ask(submission("Some comment."))).extracting(Signal::detail)
			.containsExactly("decided hold");
	}

	@Test
	void aSlowEndpointIsGivenUpOnAndTheCommentIsPublishedWithASignalSayingSo() {
		service.answersSlowly(Duration.ofSeconds(3), answer(true, "harassment", 0.99));
		ExternalScorers scorers = scorers(Map.of("openai-moderation.timeout", "200ms"));

		long started = System.nanoTime();
		List<Signal> signals = scorers.ask(submission("A civil remark."));

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
		assertThat(signals).singleElement().satisfies(signal -> {
			assertThat(signal.action()).isEqualTo(Signal.Action.PUBLISH);
			assertThat(signal.detail()).startsWith("unavailable: ").endsWith("(fail-open)");
		});
	}

	@Test
	void aBrokenAnswerIsAFailureNotADecision() {
		for (String broken : List.of("<html>Bad gateway</html>", "{\"error\":{\"message\":\"no such model\"}}",
				"{\"results\":[]}")) {
			service.answers(200, broken);

			assertThat(scorers(Map.of()).ask(submission("A civil remark."))).as(broken)
				.singleElement()
				.satisfies(signal -> assertThat(signal.action()).isEqualTo(Signal.Action.PUBLISH));
		}
	}

	@Test
	void anEndpointThatKeepsFailingIsLeftAloneUntilTheCircuitCloses() {
		service.answers(429, "{\"error\":{\"message\":\"rate limited\"}}");
		ExternalScorers scorers = scorers(Map.of("external-fail-open", "false"));
		for (int i = 0; i < 5; i++) {
			assertThat(scorers.ask(submission("Remark " + i))).extracting(Signal::detail)
				.containsExactly("unavailable: answered 429 (fail-closed)");
		}

		assertThat(scorers.ask(submission("While open"))).extracting(Signal::detail)
			.containsExactly("not asked: failing recently (fail-closed)");
		assertThat(service.received()).hasSize(5);

		clock.advance(Duration.ofSeconds(30));
		service.answers(200, answer(false, "harassment", 0.01));
		assertThat(scorers.ask(submission("A trial call"))).isEmpty();
		assertThat(service.received()).hasSize(6);
	}

	private ExternalScorers scorers(Map<String, String> settings) {
		Map<String, String> withUrl = new HashMap<>(settings);
		withUrl.put("openai-moderation.base-url", service.uri("/").toString());
		return ExternalScorerFixtures.scorers(withUrl, json, clock);
	}

	/** One result in the endpoint's shape, with one category scored and (when {@code flagged}) flagged. */
	private static String answer(boolean flagged, String category, double score) {
		return """
				{"id": "modr-1", "model": "omni-moderation-latest", "results": [{"flagged": %s,
				  "categories": {"%s": %s, "illicit/violent": false},
				  "category_scores": {"%s": %s, "illicit/violent": 0.01}}]}"""
			.formatted(flagged, category, flagged, category, score);
	}
}
