package dev.gazette.mail;

import java.time.Instant;
import java.util.Map;

/** A mail as the outbox holds it; {@code headers} are its extra header fields, in order. */
record OutboxMessage(long id, String recipient, String subject, String text, String html, String category,
		MailStatus status, Instant createdAt, Instant sentAt, int attempts, Instant nextAttemptAt, String lastError,
		Map<String, String> headers) {
}
