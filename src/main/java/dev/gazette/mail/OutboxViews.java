package dev.gazette.mail;

import java.time.ZoneId;
import java.util.List;

import dev.gazette.mail.internal.OutboxMessageView;
import dev.gazette.mail.internal.OutboxPageView;
import dev.gazette.publication.Publications;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

import org.springframework.stereotype.Component;

import static dev.gazette.publication.Timestamps.articleTimeOrNull;

/** Turns outbox rows into what the admin page shows: times in the publication's zone, HTML bodies sanitised. */
@Component
class OutboxViews {

	/**
	 * A mail's HTML comes from our own templates, but its values from readers (names, say): it reaches the admin page
	 * only through this allow-list, never as written. No images, so nothing is fetched from elsewhere.
	 */
	private static final PolicyFactory MAIL_HTML = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS)
		.and(Sanitizers.TABLES)
		.and(Sanitizers.LINKS);

	private final Publications publications;

	OutboxViews(Publications publications) {
		this.publications = publications;
	}

	OutboxPageView page(List<OutboxMessage> mails, int page, int pageSize, long total, boolean delivers) {
		ZoneId zone = zone();
		List<OutboxPageView.Row> rows = mails.stream()
			.map(mail -> new OutboxPageView.Row(mail.id(), articleTimeOrNull(mail.createdAt(), zone), mail.recipient(),
					mail.subject(), mail.category(), mail.status().key(), mail.attempts(), mail.lastError()))
			.toList();
		int totalPages = (int) Math.max(1, (total + pageSize - 1) / pageSize);
		return new OutboxPageView(rows, page, totalPages, total, delivers);
	}

	OutboxMessageView message(OutboxMessage mail, List<MailAttempt> attempts) {
		ZoneId zone = zone();
		List<OutboxMessageView.Attempt> tries = attempts.stream()
			.map(attempt -> new OutboxMessageView.Attempt(articleTimeOrNull(attempt.attemptedAt(), zone), attempt.ok(),
					attempt.error()))
			.toList();
		boolean waiting = mail.status() == MailStatus.QUEUED;
		return new OutboxMessageView(mail.id(), mail.recipient(), mail.subject(), mail.category(), mail.status().key(),
				articleTimeOrNull(mail.createdAt(), zone), articleTimeOrNull(mail.sentAt(), zone),
				waiting ? articleTimeOrNull(mail.nextAttemptAt(), zone) : null, mail.lastError(), mail.text(),
				mail.html() == null ? null : MAIL_HTML.sanitize(mail.html()), tries);
	}

	private ZoneId zone() {
		return publications.current().timeZone();
	}
}
