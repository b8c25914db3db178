package dev.gazette.moderation.internal;

import java.util.Map;
import java.util.Optional;

import dev.gazette.comment.Submission;

/**
 * A moderation service outside Gazette, asked in addition to the built-in checks. Optional: none is configured by
 * default, and none is ever required.
 */
public interface ExternalScorer {

	/** A short name for signals and logs. */
	String name();

	/**
	 * What the service says: scores by label name (0–1) and possibly a decision of its own.
	 * @throws ExternalFailure when it cannot be reached, times out, or answers something unreadable
	 */
	Verdict ask(Submission submission);

	/** The service's answer: {@code decision} is {@code publish}, {@code hold}, {@code reject}, or empty. */
	record Verdict(Map<String, Double> scores, Optional<String> decision) {
	}

	class ExternalFailure extends RuntimeException {

		ExternalFailure(String message, Throwable cause) {
			super(message, cause);
		}
	}
}
