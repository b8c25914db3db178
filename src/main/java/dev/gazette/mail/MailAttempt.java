package dev.gazette.mail;

import java.time.Instant;

/** One try at handing a mail to the SMTP server; {@code error} is {@code null} when it worked. */
record MailAttempt(Instant attemptedAt, boolean ok, String error) {
}
