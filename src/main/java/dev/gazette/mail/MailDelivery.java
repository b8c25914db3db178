package dev.gazette.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dev.gazette.jobs.Job;
import dev.gazette.jobs.JobHandler;
import dev.gazette.jobs.JobKind;
import dev.gazette.jobs.JobResult;
import dev.gazette.jobs.Jobs;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.gazette.publication.Publications;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends queued mail by SMTP; exists only when {@code spring.mail.host} is set (as Spring's own mail sender does).
 * <p>
 * Each queued mail is a job ({@value #KIND}) of the job queue, enqueued with its outbox row: a worker sends it after
 * the commit, never in the request that wrote it, and the queue claims it (so nodes never send one mail at the same
 * time; a claim lapses after {@link #CLAIM} in case its node died), polls every {@code gazette.mail.poll-interval}
 * and backs off as {@link RetrySchedule} says. The outbox keeps its own record of every attempt for its page.
 */
@Component
@ConditionalOnProperty(prefix = "spring.mail", name = "host")
class MailDelivery implements JobHandler<MailDelivery.Send> {

	static final String KIND = "mail.send";

	/** Longer than the SMTP time-outs in application.properties add up to, so a live sender never loses its claim. */
	static final Duration CLAIM = Duration.ofMinutes(10);

	private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

	/** The job: which outbox row to send. */
	record Send(long mailId) {
	}

	private final Outbox outbox;

	private final JavaMailSender sender;

	private final Clock clock;

	private final JobKind<Send> kind;

	private final InternetAddress from;

	private final ObjectProvider<Jobs> jobs;

	private final Publications publications;

	MailDelivery(Outbox outbox, JavaMailSender sender, Clock clock, MailProperties properties,
			ObjectProvider<Jobs> jobs, Publications publications) {
		this.publications = publications;
		this.outbox = outbox;
		this.sender = sender;
		this.clock = clock;
		this.jobs = jobs;
		this.from = sender(properties.from());
		this.kind = JobKind.of(KIND, Send.class, new RetrySchedule(properties.maxAttempts()).backOff(),
				properties.pollInterval()).claimedFor(CLAIM);
	}

	@Override
	public JobKind<Send> kind() {
		return kind;
	}

	/**
	 * Sends every due mail this node can claim, on the calling thread.
	 * @return how many mails it tried to send
	 */
	int deliverDue() {
		return jobs.getObject().runDue(KIND);
	}

	/** Sends the mail, unless it went out already (a run repeated after its node died before the queue heard). */
	@Override
	public JobResult run(Job<Send> job) {
		long id = job.payload().mailId();
		OutboxMessage mail = outbox.find(id).orElse(null);
		if (mail == null || mail.status() == MailStatus.SENT || !outbox.markSending(id)) {
			return JobResult.DONE;
		}
		Instant attemptedAt = clock.instant();
		try {
			MimeMessage message = sender.createMimeMessage();
			MimeMails.write(message, mail, sender(), attemptedAt);
			sender.send(message);
			outbox.recordSent(id, attemptedAt, clock.instant());
			return JobResult.DONE;
		}
		catch (MailException | MessagingException ex) {
			String error = SmtpFailures.describe(ex);
			log.warn("Mail {} ({}) not sent, attempt {}: {}", id, mail.category(), mail.attempts() + 1, error);
			return SmtpFailures.isPermanent(ex) ? JobResult.giveUp(error) : JobResult.retry(error);
		}
	}

	/** The outbox records the failed attempt, with the queue's next attempt or none. */
	@Override
	public void failed(Job<Send> job, String error, Instant nextAttempt) {
		outbox.recordFailure(job.payload().mailId(), clock.instant(), error, nextAttempt);
	}

	/**
	 * The sender an admin set on the settings page (read at each mail, so a change on any node applies at once), or
	 * the configured one. An address that no longer parses (it was checked when saved) falls back to the configured.
	 */
	private InternetAddress sender() {
		String chosen = publications.current().mailFrom();
		if (chosen != null) {
			try {
				return MimeMails.address(chosen);
			}
			catch (AddressException ex) {
				log.warn("The sender set on the settings page is not an address ({}); mail goes out from {}", chosen, from);
			}
		}
		return from;
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
