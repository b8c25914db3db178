package dev.gazette.mail;

import java.util.Locale;

/** Where a mail is on its way; see {@code V3__mail.sql}. */
enum MailStatus {

	/** Kept in the outbox only: no SMTP server is configured. */
	STORED,
	/** Waiting for its next delivery attempt. */
	QUEUED,
	/** Claimed by a node that is sending it now. */
	SENDING,
	SENT,
	/** Every attempt failed, or the server refused it for good. */
	FAILED;

	String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	static MailStatus fromKey(String key) {
		return valueOf(key.toUpperCase(Locale.ROOT));
	}
}
