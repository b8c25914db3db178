package dev.gazette.mail;

/**
 * A message a feature sends, as a record: its components are what the message's two templates show, and each
 * template declares the record as its only parameter, named {@code mail}, so the build's template compiler checks
 * every use of it and a caller cannot leave a value out.
 */
public interface MailMessage {

	/**
	 * Where the message's templates are, without {@code .jte}: {@code account/mail/verify-email} is
	 * {@code src/main/jte-text/account/mail/verify-email.jte} (the text, first line {@code Subject: …}) and
	 * {@code src/main/jte/account/mail/verify-email.jte} (the HTML alternative).
	 */
	String template();
}
