package dev.gazette.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** A GreenMail SMTP server on a free local port, and what it received, by recipient. */
public final class TestSmtp {

	private TestSmtp() {
	}

	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static GreenMailExtension server(int port) {
		return new GreenMailExtension(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
	}

	/** Every message with this subject GreenMail received for the address, oldest first. */
	public static List<MimeMessage> receivedBy(GreenMailExtension smtp, String address, String subject) {
		List<MimeMessage> mine = new ArrayList<>();
		for (MimeMessage message : smtp.getReceivedMessages()) {
			try {
				if (subject.equals(message.getSubject()) && Arrays.stream(message.getAllRecipients())
					.anyMatch(to -> ((InternetAddress) to).getAddress().equalsIgnoreCase(address))) {
					mine.add(message);
				}
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return mine;
	}
}
