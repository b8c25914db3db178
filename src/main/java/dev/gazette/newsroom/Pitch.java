package dev.gazette.newsroom;

import java.time.Instant;

/**
 * A pitch from a would-be contributor and what the editors decided about it.
 *
 * @param status {@code open}, {@code invited} or {@code declined}
 */
public record Pitch(long id, String name, String email, String summary, String sample, String sampleUrl, String status,
		Instant createdAt, Instant decidedAt, String decidedByName, String decisionMessage, Long accountId) {

	public boolean isOpen() {
		return "open".equals(status);
	}
}
