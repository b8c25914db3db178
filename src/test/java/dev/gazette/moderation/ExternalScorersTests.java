package dev.gazette.moderation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.gazette.comment.Submission;
import dev.gazette.support.MutableClock;
import dev.gazette.moderation.internal.ExternalScorers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The optional external moderation services against a real HTTP server on a loopback port: what Gazette sends,
 * how their answers become signals, what a slow or failing service means (fail-open or fail-closed), and the
 * circuit breaker that stops asking a service that keeps failing.
 */
class ExternalScorersTests {

	private final FakeModerationService service = new FakeModerationService();

	private final ObjectMapper json = JsonMapper.builder().build();

	private final MutableClock clock = new MutableClock(Instant.parse("2018-07-22T09:00:00Z"));

	@AfterEach
	void stop() {
		service.close();
	}

	@Test
	void sendsTheCommentWithItsContextAndTakesTheServicesRejection() {
		service.answers(200, "{\"decision\":\"reject\",\"scores\":{\"insult\":0.97}}");
		ExternalScorers scorers = scorers(Map.of("external-url", service.uri("/moderate").toString()));

		List<Signal> signals = scorers.ask(submission("Oğuz Türk says שלום 👋 — you idiot"));

		assertThat(signals).extracting(Signal::action).contains(Signal.Action.REJECT, Signal.Action.HOLD);
		assertThat(signals).extracting(Signal::detail).contains("decided reject", "insult 0.97");
		JsonNode sent = json.readTree(service.received().get(0).body());
		assertThat(sent.path("comment").path("text").asString()).isEqualTo("Oğuz Türk says שלום 👋 — you idiot");
		assertThat(sent.path("article").path("slug").asString()).isEqualTo("the-dam");
		assertThat(sent.path("author").path("name").asString()).isEqualTo("Leyla");
		assertThat(sent.path("parentId").asLong()).isEqualTo(7);
	}

	@Test
	void lowScoresAndAPublishDecisionAddNothing() {
		service.answers(200, "{\"decision\":\"publish\",\"scores\":{\"insult\":0.12,\"threat\":0.79}}");
		ExternalScorers scorers = scorers(Map.of("external-url", service.uri("/moderate").toString()));

		assertThat(scorers.ask(submission("The minister should resign."))).isEmpty();
	}

	@Test
	void aSlowServiceIsGivenUpOnAndFailOpenPublishes() {
		service.answersSlowly(Duration.ofSeconds(3), "{\"decision\":\"reject\"}");
		ExternalScorers scorers = scorers(Map.of("external-url", service.uri("/moderate").toString(),
				"external-timeout", "200ms", "external-fail-open", "true"));

		long started = System.nanoTime();
		List<Signal> signals = scorers.ask(submission("A civil remark."));

		assertThat(signals).singleElement().satisfies(signal -> {
			assertThat(signal.action()).as("publishes, and the record says the service was not heard")
				.isEqualTo(Signal.Action.PUBLISH);
			assertThat(signal.detail()).startsWith("unavailable: ").endsWith("(fail-open)");
		});
		assertThat(Duration.ofNanos(System.nanoTime() - started)).as("gave up at the timeout, not after 3 s")
			.isLessThan(Duration.ofSeconds(2));
	}

	@Test
	void aFailingServiceHoldsTheCommentWhenFailClosed() {
		service.answers(503, "{\"error\":\"overloaded\"}");
		ExternalScorers scorers = scorers(Map.of("external-url", service.uri("/moderate").toString(),
				"external-fail-open", "false"));

		List<Signal> signals = scorers.ask(submission("A civil remark."));

		assertThat(signals).singleElement().satisfies(signal -> {
			assertThat(signal.action()).isEqualTo(Signal.Action.HOLD);
			assertThat(signal.detail()).contains("answered 503").contains("fail-closed");
		});
	}

	@Test
	void anUnreadableAnswerCountsAsAFailure() {
		service.answers(200, "<html>not json</html>");
		ExternalScorers scorers = scorers(Map.of("external-url", service.uri("/moderate").toString(),
				"external-fail-open", "false"));

		assertThat(scorers.ask(submission("A civil remark."))).extracting(Signal::action)
			.containsExactly(Signal.Action.HOLD);
	}

	@Test
	void afterFiveFailuresTheServiceIsLeftAloneForThirtySecondsThenTriedAgain() {
		service.answers(500, "{}");
		ExternalScorers scorers = scorers(Map.of("external-url", service.uri("/moderate").toString(),
				"external-fail-open", "false"));
		for (int i = 0; i < 5; i++) {
			scorers.ask(submission("Remark " + i));
		}
		assertThat(service.received()).hasSize(5);

		List<Signal> whileOpen = scorers.ask(submission("Remark while the circuit is open"));

		assertThat(service.received()).as("not asked while open").hasSize(5);
		assertThat(whileOpen).extracting(Signal::detail).containsExactly("not asked: failing recently (fail-closed)");

		clock.advance(Duration.ofSeconds(30));
		service.answers(200, "{\"decision\":\"publish\"}");
		assertThat(scorers.ask(submission("A trial call"))).isEmpty();
		assertThat(scorers.ask(submission("And the next"))).isEmpty();
		assertThat(service.received()).hasSize(7);
	}

	@Test
	void perspectiveScoresAreMappedToGazettesLabelsAndNothingIsStoredThere() {
		service.answers(200, """
				{"attributeScores": {
				  "TOXICITY": {"summaryScore": {"value": 0.91, "type": "PROBABILITY"}},
				  "THREAT": {"summaryScore": {"value": 0.93, "type": "PROBABILITY"}},
				  "INSULT": {"summaryScore": {"value": 0.20, "type": "PROBABILITY"}}
				}, "languages": ["en"]}""");
		ExternalScorers scorers = scorers(Map.of("perspective-api-key", "test key&x=1",
				"perspective-url", service.uri("/v1alpha1/comments:analyze").toString()));

		List<Signal> signals = scorers.ask(submission("I know where you live."));

		assertThat(signals).extracting(Signal::name).containsOnly("perspective");
		assertThat(signals).extracting(Signal::detail).containsExactlyInAnyOrder("toxic 0.91", "threat 0.93");
		FakeModerationService.Received request = service.received().get(0);
		assertThat(request.query()).isEqualTo("key=test+key%26x%3D1");
		JsonNode sent = json.readTree(request.body());
		assertThat(sent.path("doNotStore").asBoolean()).isTrue();
		assertThat(sent.path("requestedAttributes").has("IDENTITY_ATTACK")).isTrue();
	}

	@Test
	void withNothingConfiguredNoServiceIsAsked() {
		ExternalScorers scorers = scorers(Map.of());

		assertThat(scorers.configured()).isFalse();
		assertThat(scorers.ask(submission("Anything at all."))).isEmpty();
	}

	private ExternalScorers scorers(Map<String, String> settings) {
		return ExternalScorerFixtures.scorers(settings, json, clock);
	}

	private static Submission submission(String text) {
		return ExternalScorerFixtures.submission(text);
	}
}
