package dev.gazette.moderation;

import java.time.Duration;
import java.time.Instant;
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
 * A Llama Guard model behind an OpenAI-compatible chat endpoint (as Ollama, vLLM or a llama.cpp server serve it),
 * against a fake one on a loopback port: the comment goes as the user's turn; "safe" publishes, "unsafe" in a
 * hazard that concerns civility holds with Gazette's label, the other hazards are ignored, and an answer that is
 * late or unreadable leaves the comment to the other checks.
 */
class LlamaGuardTests {

	private final FakeModerationService service = new FakeModerationService();

	private final ObjectMapper json = JsonMapper.builder().build();

	private final MutableClock clock = new MutableClock(Instant.parse("2018-07-22T09:00:00Z"));

	@AfterEach
	void stop() {
		service.close();
	}

	@Test
	void sendsTheCommentAsTheUsersTurnToTheConfiguredModel() {
		service.answers(200, says("safe"));
		ExternalScorers scorers = scorers(Map.of("llama-guard.model", "llama-guard3:1b", "llama-guard.api-key", "k"));

		assertThat(scorers.ask(submission("Oğuz Türk says שלום 👋"))).as("safe adds nothing").isEmpty();

		FakeModerationService.Received request = service.received().get(0);
		assertThat(request.path()).isEqualTo("/v1/chat/completions");
		assertThat(request.authorization()).isEqualTo("Bearer k");
		JsonNode sent = json.readTree(request.body());
		assertThat(sent.path("model").asString()).isEqualTo("llama-guard3:1b");
		assertThat(sent.path("messages")).hasSize(1);
		assertThat(sent.path("messages").path(0).path("role").asString()).isEqualTo("user");
		assertThat(sent.path("messages").path(0).path("content").asString()).isEqualTo("Oğuz Türk says שלום 👋");
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', value = { "S1 | threat 1.00", "S3 | severe_toxic 1.00", "S4 | severe_toxic 1.00",
			"S7 | threat 1.00", "S9 | threat 1.00", "S10 | identity_hate 1.00", "S12 | obscene 1.00" })
	void anUnsafeAnswerInAHazardOfCivilityHoldsWithGazettesLabel(String code, String label) {
		service.answers(200, says("unsafe\n" + code));

		List<Signal> signals = scorers(Map.of()).ask(submission("Some comment."));

		assertThat(signals).extracting(Signal::name).containsOnly("llama-guard");
		assertThat(signals).extracting(Signal::detail).containsExactlyInAnyOrder("decided hold", label);
		assertThat(Decision.of(signals, Map.of()).action()).isEqualTo(Signal.Action.HOLD);
	}

	@ParameterizedTest
	@CsvSource({ "S2", "S5", "S6", "S8", "S11", "S13", "S14" })
	void hazardsThatAreNotAboutCivilityAreIgnored(String code) {
		service.answers(200, says("unsafe\n" + code));

		assertThat(scorers(Map.of()).ask(submission("The minister lied about the election results."))).isEmpty();
	}

	@Test
	void severalCodesOnOneLineEachCount() {
		service.answers(200, says("  unsafe\nS5,S10, S1\n"));

		assertThat(scorers(Map.of()).ask(submission("Some comment."))).extracting(Signal::detail)
			.containsExactlyInAnyOrder("decided hold", "identity_hate 1.00", "threat 1.00");
	}

	@Test
	void unsafeWithoutACodeHolds() {
		service.answers(200, says("unsafe"));

		assertThat(scorers(Map.of()).ask(submission("Some comment."))).extracting(Signal::detail)
			.containsExactly("decided hold");
	}

	@Test
	void anAnswerThatIsNeitherSafeNorUnsafeIsAFailureAndThePostGoesThrough() {
		List<String> broken = List.of(says("I cannot help with that."), "{\"choices\":[]}", "<html>502</html>");
		for (String answer : broken) {
			service.answers(200, answer);

			assertThat(scorers(Map.of()).ask(submission("A civil remark."))).as(answer)
				.singleElement()
				.satisfies(signal -> {
					assertThat(signal.action()).isEqualTo(Signal.Action.PUBLISH);
					assertThat(signal.detail()).startsWith("unavailable: ").endsWith("(fail-open)");
				});
		}
	}

	@Test
	void aSlowModelIsGivenUpOnAtTheTimeout() {
		service.answersSlowly(Duration.ofSeconds(3), says("unsafe\nS10"));
		ExternalScorers scorers = scorers(Map.of("llama-guard.timeout", "200ms"));

		long started = System.nanoTime();
		List<Signal> signals = scorers.ask(submission("A civil remark."));

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
		assertThat(signals).extracting(Signal::action).containsExactly(Signal.Action.PUBLISH);
	}

	@Test
	void aServerThatKeepsFailingIsNotAskedForThirtySeconds() {
		service.answers(500, "{\"error\":\"model not loaded\"}");
		ExternalScorers scorers = scorers(Map.of());
		for (int i = 0; i < 5; i++) {
			scorers.ask(submission("Remark " + i));
		}

		assertThat(scorers.ask(submission("While open"))).extracting(Signal::detail)
			.containsExactly("not asked: failing recently (fail-open)");
		assertThat(service.received()).hasSize(5);

		clock.advance(Duration.ofSeconds(30));
		service.answers(200, says("safe"));
		assertThat(scorers.ask(submission("A trial call"))).isEmpty();
		assertThat(service.received()).hasSize(6);
	}

	private ExternalScorers scorers(Map<String, String> settings) {
		Map<String, String> withUrl = new HashMap<>(settings);
		withUrl.put("llama-guard.base-url", service.uri("").toString());
		return ExternalScorerFixtures.scorers(withUrl, json, clock);
	}

	/** A chat completion whose assistant message is {@code content}. */
	private String says(String content) {
		return json.writeValueAsString(Map.of("id", "chatcmpl-1", "object", "chat.completion", "model", "llama-guard3",
				"choices", List.of(Map.of("index", 0, "finish_reason", "stop", "message",
						Map.of("role", "assistant", "content", content)))));
	}
}
