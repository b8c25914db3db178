package dev.gazette.mail;

import java.net.ConnectException;
import java.util.Map;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.api.Test;

import org.springframework.mail.MailSendException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures a retry can fix. */
class SmtpFailuresTests {

	private static final Address[] NONE = new Address[0];

	@Test
	void aServerThatCannotBeReachedIsWorthRetrying() {
		MessagingException refused = new MessagingException("Couldn't connect to host",
				new ConnectException("Connection refused"));

		assertThat(SmtpFailures.isPermanent(new MailSendException("Mail server connection failed", refused))).isFalse();
	}

	@Test
	void aRecipientRefusedForNowIsWorthRetrying() throws Exception {
		Address[] reader = { new InternetAddress("reader@example.com") };
		SendFailedException greylisted = new SendFailedException("451 try again later", null, NONE, reader, NONE);

		assertThat(SmtpFailures.isPermanent(new MailSendException(Map.of(new Object(), greylisted)))).isFalse();
	}

	@Test
	void aRecipientRefusedForGoodIsNot() throws Exception {
		Address[] reader = { new InternetAddress("nobody@example.com") };
		SendFailedException unknownUser = new SendFailedException("Invalid Addresses", null, NONE, NONE, reader);

		assertThat(SmtpFailures.isPermanent(new MailSendException(Map.of(new Object(), unknownUser)))).isTrue();
	}

	@Test
	void aMessageThatCannotBeWrittenIsNot() {
		assertThat(SmtpFailures.isPermanent(new MessagingException("Illegal address"))).isTrue();
	}
}
