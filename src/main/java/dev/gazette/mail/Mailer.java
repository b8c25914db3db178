package dev.gazette.mail;

import java.time.Clock;

import dev.gazette.jobs.Jobs;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sends mail: the one door into this module for other features. */
@Service
public class Mailer {

	private final Outbox outbox;

	private final Clock clock;

	private final ObjectProvider<MailDelivery> delivery;

	private final Jobs jobs;

	Mailer(Outbox outbox, Clock clock, ObjectProvider<MailDelivery> delivery, Jobs jobs) {
		this.outbox = outbox;
		this.clock = clock;
		this.delivery = delivery;
		this.jobs = jobs;
	}

	/**
	 * Stores the mail in the outbox in the caller's transaction (so it is sent only if that commits) and returns its
	 * id. Delivery happens after commit, never inside the caller's request.
	 * <p>
	 * Without an SMTP server ({@code spring.mail.host} unset) the mail is only stored: the outbox page is where it is
	 * read. Called outside a transaction, the mail is stored in one of its own.
	 */
	@Transactional
	public long send(Mail mail) {
		MailDelivery smtp = delivery.getIfAvailable();
		if (smtp == null) {
			return outbox.add(mail, MailStatus.STORED, clock.instant());
		}
		long id = outbox.add(mail, MailStatus.QUEUED, clock.instant());
		jobs.enqueue(MailDelivery.KIND, Long.toString(id), new MailDelivery.Send(id));
		return id;
	}

	/** Whether mail leaves by SMTP, or stays in the outbox. */
	boolean delivers() {
		return delivery.getIfAvailable() != null;
	}
}
