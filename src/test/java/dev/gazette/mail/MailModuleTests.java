package dev.gazette.mail;

import static dev.gazette.support.TestSmtp.freePort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import dev.gazette.support.TestSmtp;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The mail module started with only what it depends on ({@code @ApplicationModuleTest} in
 * {@code DIRECT_DEPENDENCIES} mode: {@code mail}, the {@code jobs} queue that delivers and the {@code publication}
 * clock), on a database of its own, with GreenMail as the SMTP server: a mail handed to the {@link Mailer} leaves by
 * SMTP through a {@code mail.send} job and the outbox records it sent. No feature that sends mail is started, which
 * shows that the module's face (the mailer, its job handler) is all delivery needs. {@code DeliveringMailTests} covers
 * outages, retries and claims in a whole Gazette.
 * <p>
 * {@code application.properties} puts the moderation classifier's health check in the readiness group; a context
 * without the moderation module must not check that group's members, hence the one property.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, webEnvironment = WebEnvironment.NONE)
@TestPropertySource(properties = { "spring.mail.host=127.0.0.1", "gazette.mail.from=Gazette Desk <desk@gazette.example>",
		"gazette.mail.poll-interval=200ms", "management.endpoint.health.validate-group-membership=false" })
class MailModuleTests {

	static final int SMTP_PORT = freePort();

	@RegisterExtension
	static GreenMailExtension smtp = TestSmtp.server(SMTP_PORT);

	@DynamicPropertySource
	static void smtpPort(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@Autowired
	Mailer mailer;

	@Autowired
	Outbox outbox;

	@Test
	void aMailHandedToTheMailerLeavesBySmtpAndTheOutboxRecordsItSent() throws Exception {
		long id = mailer.send(new Mail("reader@example.com", "From the module alone", "The sea wall is finished.\n", null,
				"module-test"));

		OutboxMessage sent = await().atMost(Duration.ofSeconds(15))
			.until(() -> outbox.find(id).orElseThrow(), mail -> mail.status() == MailStatus.SENT);
		assertThat(sent.attempts()).isEqualTo(1);
		List<MimeMessage> received = TestSmtp.receivedBy(smtp, "reader@example.com", "From the module alone");
		assertThat(received).hasSize(1);
		assertThat(((InternetAddress) received.get(0).getFrom()[0]).getAddress()).isEqualTo("desk@gazette.example");
	}
}
