package dev.gazette.mail;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Mail settings under {@code gazette.mail.*}. The SMTP server itself is Spring's {@code spring.mail.*}
 * ({@code SPRING_MAIL_HOST}, ...): without a host, mail is kept in the outbox.
 *
 * @param from the sender of every mail, an address with an optional name
 * @param maxAttempts delivery attempts before a mail is given up as failed
 * @param pollInterval how often each node looks for mail that is due (retries, and mail left by a restart)
 */
@ConfigurationProperties("gazette.mail")
record MailProperties(@DefaultValue("Gazette <no-reply@localhost>") String from, @DefaultValue("6") int maxAttempts,
		@DefaultValue("5s") Duration pollInterval) {

	MailProperties {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("gazette.mail.max-attempts must be at least 1, not " + maxAttempts);
		}
		if (pollInterval.isNegative() || pollInterval.isZero()) {
			throw new IllegalArgumentException("gazette.mail.poll-interval must be positive, not " + pollInterval);
		}
	}
}
