package dev.gazette.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;

import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;

/** Tells a failure worth retrying (server down, busy, 4xx) from one that no retry can fix. */
final class SmtpFailures {

	private SmtpFailures() {
	}

	/**
	 * Permanent: the mail cannot be written as MIME (a {@link MessagingException} of our own, before any sending, or
	 * Spring's parse and preparation failures), or the server refused the recipient for good (a 5xx reply, which
	 * Jakarta Mail reports as an invalid address; a 4xx reply leaves it "valid but unsent").
	 */
	static boolean isPermanent(Exception failure) {
		if (failure instanceof MessagingException || failure instanceof MailParseException
				|| failure instanceof MailPreparationException) {
			return true;
		}
		if (failure instanceof MailSendException send) {
			for (Exception cause : send.getMessageExceptions()) {
				if (recipientRefused(cause)) {
					return true;
				}
			}
		}
		return recipientRefused(failure);
	}

	private static boolean recipientRefused(Throwable failure) {
		Throwable cause = failure;
		for (int depth = 0; cause != null && depth < 20; depth++, cause = next(cause)) {
			if (cause instanceof SendFailedException refused && refused.getInvalidAddresses() != null
					&& refused.getInvalidAddresses().length > 0) {
				return true;
			}
		}
		return false;
	}

	private static Throwable next(Throwable failure) {
		if (failure instanceof MessagingException messaging && messaging.getNextException() != null) {
			return messaging.getNextException();
		}
		return failure.getCause();
	}

	/** What the outbox shows as the error: the exception's kind and message, which name the server and its reply. */
	static String describe(Exception failure) {
		String message = failure.getMessage();
		return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message.strip());
	}
}
