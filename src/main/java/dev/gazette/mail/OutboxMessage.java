package dev.gazette.mail;

import java.time.Instant;

/** A mail as the outbox holds it. */
record OutboxMessage(long id, String recipient, String subject, String text, String html, String category,
		MailStatus status, Instant createdAt, Instant sentAt, int attempts, Instant nextAttemptAt, String lastError) {
}
