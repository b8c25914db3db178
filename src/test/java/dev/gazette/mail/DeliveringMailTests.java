package dev.gazette.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.gazette.support.MutableClock;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With an SMTP server configured, mail leaves after the transaction that wrote it commits. GreenMail is the server: a
 * real one on a local port, which a test can stop and start again. The application's clock stands still unless a test
 * moves it, so retries come due exactly when a test says.
 */
@SpringBootTest(properties = { "spring.mail.host=127.0.0.1", "gazette.mail.from=Gazette Desk <desk@gazette.example>",
		"gazette.mail.max-attempts=3", "gazette.mail.poll-interval=200ms" })
class DeliveringMailTests {

	static final int SMTP_PORT = freePort();

	static final Duration PATIENCE = Duration.ofSeconds(15);

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(
			new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	@DynamicPropertySource
	static void smtpPort(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@TestConfiguration
	static class StandingClock {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
		}
	}

	@Autowired
	Mailer mailer;

	@Autowired
	Outbox outbox;

	@Autowired
	MailDelivery delivery;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aMailSentInACommittedTransactionIsDeliveredAsTextWithAnHtmlAlternative() throws Exception {
		String subject = "Merhaba Oğuz Türk — שלום " + unique();
		long id = transaction.execute(status -> mailer.send(new Mail("Oğuz Türk <oguz@example.com>", subject,
				"Merhaba Oğuz Türk,\nשלום עולם — the sea wall is finished.\n",
				"<p>Merhaba <strong>Oğuz Türk</strong>,</p><p dir=\"rtl\">שלום עולם</p>", "test")));

		MimeMessage received = awaitOne(subject);

		assertThat(received.getSubject()).isEqualTo(subject);
		assertThat(received.getFrom()).containsExactly(new InternetAddress("desk@gazette.example", "Gazette Desk"));
		InternetAddress to = (InternetAddress) received.getRecipients(MimeMessage.RecipientType.TO)[0];
		assertThat(to.getAddress()).isEqualTo("oguz@example.com");
		assertThat(to.getPersonal()).isEqualTo("Oğuz Türk");
		assertThat(received.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
		assertThat(received.getMessageID()).startsWith("<gazette." + id + ".").endsWith("@gazette.example>");
		assertThat(received.getContentType()).startsWith("multipart/alternative");
		MimeMultipart parts = (MimeMultipart) received.getContent();
		assertThat(parts.getCount()).isEqualTo(2);
		BodyPart text = parts.getBodyPart(0);
		BodyPart html = parts.getBodyPart(1);
		assertThat(text.isMimeType("text/plain")).isTrue();
		assertThat(text.getContentType()).containsIgnoringCase("charset=UTF-8");
		assertThat(normalised((String) text.getContent()))
			.isEqualTo("Merhaba Oğuz Türk,\nשלום עולם — the sea wall is finished.\n");
		assertThat(html.isMimeType("text/html")).isTrue();
		assertThat((String) html.getContent()).contains("<strong>Oğuz Türk</strong>").contains("שלום עולם");

		OutboxMessage sent = await().atMost(PATIENCE).until(() -> outbox.find(id).orElseThrow(),
				mail -> mail.status() == MailStatus.SENT);
		assertThat(sent.attempts()).isEqualTo(1);
		assertThat(sent.sentAt()).isEqualTo(clock.instant());
		assertThat(outbox.attempts(id)).singleElement().satisfies(attempt -> {
			assertThat(attempt.ok()).isTrue();
			assertThat(attempt.error()).isNull();
		});
	}

	@Test
	void aMailWithoutHtmlIsPlainUtf8Text() throws Exception {
		String subject = "Shalom שלום " + unique();
		mailer.send(new Mail("reader@example.com", subject, "Only text: שלום, Oğuz.\n", null, "test"));

		MimeMessage received = awaitOne(subject);

		assertThat(received.isMimeType("text/plain")).isTrue();
		assertThat(received.getContentType()).containsIgnoringCase("charset=UTF-8");
		// SMTP's end of data swallows the last line break of a single-part body.
		assertThat(normalised((String) received.getContent()).stripTrailing()).isEqualTo("Only text: שלום, Oğuz.");
	}

	@Test
	void aMailIsNotSentBeforeItsTransactionCommits() throws Exception {
		String subject = "Committed later " + unique();
		long id = transaction.execute(status -> {
			long written = mailer.send(mail(subject));
			// Another node (or this node's own worker) looking now cannot see the mail yet.
			CompletableFuture.supplyAsync(delivery::deliverDue).join();
			smtp.waitForIncomingEmail(500, 1);
			assertThat(received(subject)).isEmpty();
			return written;
		});

		awaitOne(subject);
		assertThat(outbox.find(id)).get().extracting(OutboxMessage::status).isEqualTo(MailStatus.SENT);
	}

	@Test
	void aMailSentInATransactionThatRollsBackIsNeitherSentNorStored() {
		String subject = "Rolled back " + unique();
		long id = transaction.execute(status -> {
			long written = mailer.send(mail(subject));
			status.setRollbackOnly();
			return written;
		});

		delivery.deliverDue();
		assertThat(smtp.waitForIncomingEmail(1_000, 1)).isFalse();
		assertThat(outbox.find(id)).isEmpty();
	}

	@Test
	void whileTheServerIsDownTheMailStaysQueuedWithTheAttemptRecordedAndTheRetryDeliversIt() throws Exception {
		smtp.stop();
		String subject = "Retried " + unique();
		Instant written = clock.instant();
		long id = mailer.send(mail(subject));

		OutboxMessage queued = awaitAttempts(id, 1);
		assertThat(queued.status()).isEqualTo(MailStatus.QUEUED);
		assertThat(queued.lastError()).isNotBlank();
		assertThat(queued.nextAttemptAt()).isEqualTo(written.plus(Duration.ofMinutes(1)));
		assertThat(outbox.attempts(id)).singleElement().satisfies(attempt -> {
			assertThat(attempt.ok()).isFalse();
			assertThat(attempt.error()).isEqualTo(queued.lastError());
		});
		assertThat(delivery.deliverDue()).as("nothing is due before the back-off has passed").isZero();

		smtp.start();
		clock.advance(Duration.ofMinutes(1));

		awaitOne(subject);
		OutboxMessage sent = await().atMost(PATIENCE).until(() -> outbox.find(id).orElseThrow(),
				mail -> mail.status() == MailStatus.SENT);
		assertThat(sent.attempts()).isEqualTo(2);
		assertThat(outbox.attempts(id)).extracting(MailAttempt::ok).containsExactly(false, true);
	}

	@Test
	void afterItsLastAttemptFailsAMailIsMarkedFailed() {
		smtp.stop();
		long id = mailer.send(mail("Never delivered " + unique()));

		awaitAttempts(id, 1);
		clock.advance(Duration.ofMinutes(1));
		awaitAttempts(id, 2);
		clock.advance(Duration.ofMinutes(5));
		OutboxMessage failed = awaitAttempts(id, 3);

		assertThat(failed.status()).isEqualTo(MailStatus.FAILED);
		assertThat(failed.nextAttemptAt()).isNull();
		clock.advance(Duration.ofDays(1));
		assertThat(delivery.deliverDue()).isZero();
		assertThat(outbox.find(id).orElseThrow().attempts()).isEqualTo(3);
	}

	@Test
	void aMailClaimedByAnotherNodeIsLeftToItUntilTheClaimLapses() throws Exception {
		String subject = "Claimed elsewhere " + unique();
		long id = transaction.execute(status -> {
			long written = mailer.send(mail(subject));
			// As if another node's worker claimed its job the moment it was committed, and died before it began.
			assertThat(jdbc.sql("""
					update job set state = 'running', claimed_by = 'other-node', claimed_until = :until,
					    attempts = attempts + 1
					where kind = 'mail.send' and job_key = :key""")
				.param("until", clock.instant().plus(MailDelivery.CLAIM).atOffset(ZoneOffset.UTC))
				.param("key", Long.toString(written))
				.update()).isEqualTo(1);
			return written;
		});

		assertThat(delivery.deliverDue()).isZero();
		assertThat(smtp.waitForIncomingEmail(1_000, 1)).isFalse();
		assertThat(outbox.find(id).orElseThrow().status()).isEqualTo(MailStatus.QUEUED);

		// That node died: its claim lapses and this node sends the mail.
		clock.advance(MailDelivery.CLAIM.plusSeconds(1));
		awaitOne(subject);
		assertThat(await().atMost(PATIENCE).until(() -> outbox.find(id).orElseThrow(),
				mail -> mail.status() == MailStatus.SENT).attempts()).isEqualTo(1);
	}

	@Test
	void nodesDeliveringAtTheSameTimeSendEveryMailExactlyOnce() throws Exception {
		String batch = "Batch " + unique();
		int mails = 30;
		int nodes = 3;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService workers = Executors.newFixedThreadPool(nodes);
		try {
			List<Future<Integer>> tried = new ArrayList<>();
			for (int node = 0; node < nodes; node++) {
				tried.add(workers.submit(() -> {
					start.await();
					int count = 0;
					for (int round = 0; round < 20; round++) {
						count += delivery.deliverDue();
					}
					return count;
				}));
			}
			transaction.executeWithoutResult(status -> {
				for (int i = 1; i <= mails; i++) {
					mailer.send(mail(batch + " #" + i));
				}
			});
			start.countDown();
			for (Future<Integer> node : tried) {
				node.get();
			}
		}
		finally {
			workers.shutdownNow();
		}

		await().atMost(PATIENCE).until(() -> received(batch).size() >= mails);
		Thread.sleep(500);
		List<String> subjects = received(batch).stream().map(DeliveringMailTests::subject).toList();
		assertThat(subjects).hasSize(mails).doesNotHaveDuplicates();
	}

	private MimeMessage awaitOne(String subject) {
		return await().atMost(PATIENCE).until(() -> received(subject), list -> !list.isEmpty()).get(0);
	}

	private OutboxMessage awaitAttempts(long id, int attempts) {
		return await().atMost(PATIENCE)
			.until(() -> outbox.find(id).orElseThrow(),
					mail -> mail.attempts() == attempts && mail.status() != MailStatus.SENDING);
	}

	private static List<MimeMessage> received(String subjectPrefix) {
		return Arrays.stream(smtp.getReceivedMessages())
			.filter(message -> subject(message).startsWith(subjectPrefix))
			.toList();
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Mail mail(String subject) {
		return new Mail("reader@example.com", subject, "A short note.\n", "<p>A short note.</p>", "test");
	}

	private static String normalised(String text) {
		return text.replace("\r\n", "\n");
	}

	private static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
