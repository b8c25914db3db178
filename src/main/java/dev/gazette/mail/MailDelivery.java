package dev.gazette.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Sends queued mail by SMTP; exists only when {@code spring.mail.host} is set (as Spring's own mail sender does).
 * <p>
 * Delivery runs on one thread of its own per node, never in the request that wrote the mail: {@link #wake()} after a
 * commit, and a poller every {@code gazette.mail.poll-interval} for retries that have come due and for mail a
 * restart left behind. Each mail is claimed with a conditional update before it is sent, so nodes never send the same
 * mail at the same time; a claim lapses after {@link #CLAIM} in case its node died.
 */
@Component
@ConditionalOnProperty(prefix = "spring.mail", name = "host")
class MailDelivery implements SchedulingConfigurer, DisposableBean {

	/** Longer than the SMTP time-outs in application.properties add up to, so a live sender never loses its claim. */
	static final Duration CLAIM = Duration.ofMinutes(10);

	private static final int BATCH = 50;

	private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

	private final Outbox outbox;

	private final JavaMailSender sender;

	private final Clock clock;

	private final MailProperties properties;

	private final RetrySchedule retries;

	private final InternetAddress from;

	private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
		Thread thread = new Thread(task, "gazette-mail");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicBoolean runRequested = new AtomicBoolean();

	MailDelivery(Outbox outbox, JavaMailSender sender, Clock clock, MailProperties properties) {
		this.outbox = outbox;
		this.sender = sender;
		this.clock = clock;
		this.properties = properties;
		this.retries = new RetrySchedule(properties.maxAttempts());
		this.from = sender(properties.from());
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::wake, properties.pollInterval());
	}

	/** Asks the delivery thread to look for due mail; requests made while one is waiting to run are one. */
	void wake() {
		if (!runRequested.compareAndSet(false, true)) {
			return;
		}
		try {
			worker.execute(this::run);
		}
		catch (RejectedExecutionException ex) {
			// Shutting down: the mail stays queued and the next start (or another node) sends it.
			runRequested.set(false);
		}
	}

	private void run() {
		runRequested.set(false);
		try {
			deliverDue();
		}
		catch (RuntimeException ex) {
			// The database is unreachable, say. Nothing is lost: the rows stay due and the poller comes back.
			log.warn("Mail delivery stopped early; it resumes within {}", properties.pollInterval(), ex);
		}
	}

	/**
	 * Sends every due mail this node can claim, on the calling thread.
	 * @return how many mails it tried to send
	 */
	int deliverDue() {
		int tried = 0;
		List<Long> due;
		do {
			Instant now = clock.instant();
			due = outbox.due(now, BATCH);
			for (long id : due) {
				if (outbox.claim(id, now, now.plus(CLAIM))) {
					attempt(id);
					tried++;
				}
			}
		}
		while (due.size() == BATCH);
		return tried;
	}

	private void attempt(long id) {
		OutboxMessage mail = outbox.find(id).orElseThrow();
		Instant attemptedAt = clock.instant();
		try {
			MimeMessage message = sender.createMimeMessage();
			MimeMails.write(message, mail, from, attemptedAt);
			sender.send(message);
			outbox.recordSent(id, attemptedAt, clock.instant());
		}
		catch (MailException | MessagingException ex) {
			boolean permanent = SmtpFailures.isPermanent(ex);
			Optional<Instant> next = permanent ? Optional.empty()
					: retries.nextAttempt(mail.attempts() + 1, clock.instant());
			outbox.recordFailure(id, attemptedAt, SmtpFailures.describe(ex), next.orElse(null));
			log.warn("Mail {} ({}) not sent, attempt {}: {}; {}", id, mail.category(), mail.attempts() + 1, SmtpFailures.describe(ex),
					next.map(at -> "next attempt at " + at).orElse("giving up"));
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		worker.shutdownNow();
		worker.awaitTermination(10, TimeUnit.SECONDS);
	}

	private static InternetAddress sender(String from) {
		try {
			return MimeMails.address(from);
		}
		catch (AddressException ex) {
			throw new IllegalArgumentException("gazette.mail.from must be an e-mail address, not '" + from + "'", ex);
		}
	}
}
