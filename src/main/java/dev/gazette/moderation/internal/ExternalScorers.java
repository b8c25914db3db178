package dev.gazette.moderation.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.gazette.comment.Submission;
import dev.gazette.moderation.ModerationProperties;
import dev.gazette.moderation.Signal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

/**
 * Asks the configured external services (none by default: a generic JSON endpoint, an OpenAI-compatible moderation
 * endpoint, a Llama Guard model on a chat endpoint, Perspective) one after another and turns their answers into
 * signals. A service that fails or times out is skipped after a few failures (circuit breaker); what its silence
 * means is a setting: fail-open (publish, with a signal that says it was not heard) or fail-closed (hold). A failure
 * is never an error for the reader.
 */
@Component
public class ExternalScorers {

	private static final Logger log = LoggerFactory.getLogger(ExternalScorers.class);

	static final double HOLD_AT = 0.8;

	private final List<Guarded> scorers = new ArrayList<>();

	private final boolean failOpen;

	public ExternalScorers(ModerationProperties properties, ObjectMapper json, Clock clock) {
		this.failOpen = properties.externalFailOpen();
		if (properties.externalUrl() != null && !properties.externalUrl().isBlank()) {
			scorers.add(new Guarded(new HttpExternalScorer(URI.create(properties.externalUrl()),
					properties.externalTimeout(), json), new CircuitBreaker(5, Duration.ofSeconds(30), clock)));
		}
		if (properties.perspectiveApiKey() != null && !properties.perspectiveApiKey().isBlank()) {
			scorers.add(new Guarded(new PerspectiveScorer(properties.perspectiveUrl(), properties.perspectiveApiKey(),
					properties.externalTimeout(), json), new CircuitBreaker(5, Duration.ofSeconds(30), clock)));
		}
		if (properties.openaiModeration().enabled()) {
			scorers.add(new Guarded(new OpenAiModerationScorer(properties.openaiModeration(), json),
					new CircuitBreaker(5, Duration.ofSeconds(30), clock)));
		}
		if (properties.llamaGuard().enabled()) {
			scorers.add(new Guarded(new LlamaGuardScorer(properties.llamaGuard(), json),
					new CircuitBreaker(5, Duration.ofSeconds(30), clock)));
		}
	}

	public List<Signal> ask(Submission submission) {
		List<Signal> signals = new ArrayList<>();
		for (Guarded guarded : scorers) {
			ExternalScorer scorer = guarded.scorer();
			if (!guarded.breaker().allows()) {
				unavailable(signals, scorer, "not asked: failing recently");
				continue;
			}
			try {
				ExternalScorer.Verdict verdict = scorer.ask(submission);
				guarded.breaker().succeeded();
				signals.addAll(toSignals(scorer.name(), verdict));
			}
			catch (ExternalScorer.ExternalFailure ex) {
				guarded.breaker().failed();
				log.warn("The {} moderation service failed: {}", scorer.name(), ex.getMessage());
				unavailable(signals, scorer, "unavailable: " + ex.getMessage());
			}
		}
		return signals;
	}

	public boolean configured() {
		return !scorers.isEmpty();
	}

	/**
	 * Fail-open still leaves a (publishing) signal: the comment's record then says that this service was not heard,
	 * so a moderator reading it later knows its opinion is missing, not favourable.
	 */
	private void unavailable(List<Signal> signals, ExternalScorer scorer, String detail) {
		signals.add(failOpen ? new Signal(scorer.name(), detail + " (fail-open)", Signal.Action.PUBLISH)
				: new Signal(scorer.name(), detail + " (fail-closed)", Signal.Action.HOLD));
	}

	private static List<Signal> toSignals(String name, ExternalScorer.Verdict verdict) {
		List<Signal> signals = new ArrayList<>();
		verdict.decision().ifPresent(decision -> {
			switch (decision) {
				case "reject" -> signals.add(new Signal(name, "decided reject", Signal.Action.REJECT));
				case "hold" -> signals.add(new Signal(name, "decided hold", Signal.Action.HOLD));
				default -> {
				}
			}
		});
		for (Map.Entry<String, Double> score : verdict.scores().entrySet()) {
			if (score.getValue() >= HOLD_AT) {
				signals.add(new Signal(name, score.getKey() + " " + String.format(Locale.ROOT, "%.2f", score.getValue()),
						Signal.Action.HOLD));
			}
		}
		return signals;
	}

	private record Guarded(ExternalScorer scorer, CircuitBreaker breaker) {
	}
}
