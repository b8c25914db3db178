package dev.gazette.newsroom.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.gazette.account.AccountProblem;
import dev.gazette.account.Registration;
import dev.gazette.article.WebAddresses;
import dev.gazette.mail.EmailAddresses;
import dev.gazette.mail.MailMessage;
import dev.gazette.mail.MailTemplates;
import dev.gazette.mail.Mailer;
import dev.gazette.newsroom.mail.PitchDeclined;
import dev.gazette.newsroom.mail.PitchReceived;
import dev.gazette.publication.Publications;
import dev.gazette.ratelimit.ClientAddresses;
import dev.gazette.ratelimit.RateLimiter;
import dev.gazette.ratelimit.RateLimiter.Charge;
import dev.gazette.ratelimit.RateLimiter.Limit;
import dev.gazette.refusal.FieldProblem;
import dev.gazette.refusal.Refusal;
import dev.gazette.newsroom.Pitch;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pitches: a would-be contributor sends a summary (and a sample or a link) from {@code /write-for-us}; editors read
 * the queue and invite the sender as a contributor (an account with the contributor role and a link to choose a
 * password) or decline, optionally with a message. Every decision records who and when.
 */
@Service
public class Pitches {

	static final int MAX_NAME = 100;

	static final int MAX_SUMMARY = 2_000;

	static final int MAX_SAMPLE = 20_000;

	static final int MAX_URL = 1_000;

	static final int MAX_MESSAGE = 2_000;

	static final String CATEGORY = "pitch";

	/** A pitch as sent. */
	public record Submission(String name, String email, String summary, String sample, String sampleUrl) {
	}

	/** A pitch or a decision that was refused; nothing was stored. */
	public static class Invalid extends Refusal {

		Invalid(String message, List<FieldProblem> problems) {
			super(HttpStatus.BAD_REQUEST, message, problems);
		}
	}

	/** Too many pitches from one address; nothing was stored. */
	public static class Throttled extends Refusal {

		private final transient Duration retryAfter;

		Throttled(Duration retryAfter) {
			super(HttpStatus.TOO_MANY_REQUESTS, null, "Too many pitches from this address; try again in "
					+ Math.max(1, (retryAfter.toMillis() + 999) / 1000) + " seconds.");
			this.retryAfter = retryAfter;
		}

		@Override
		public Duration retryAfter() {
			return retryAfter;
		}
	}

	private final PitchRepository repository;

	private final RateLimiter limiter;

	/** Pitches per client, and per sender's e-mail address: each pitch is acknowledged by mail, so without it the form
	 * could send many mails to one stranger. */
	private final Limit perClient;

	private final Limit perSender;

	private final PitchProperties properties;

	private final Registration registration;

	private final Mailer mailer;

	private final MailTemplates templates;

	private final Publications publications;

	private final Clock clock;

	public Pitches(PitchRepository repository, RateLimiter limiter, PitchProperties properties, Registration registration,
			Mailer mailer, MailTemplates templates, Publications publications, Clock clock) {
		this.repository = repository;
		this.limiter = limiter;
		this.perClient = new Limit("pitch", properties.perAddress(), properties.period());
		this.perSender = new Limit("pitch-sender", properties.perAddress(), properties.period());
		this.properties = properties;
		this.registration = registration;
		this.mailer = mailer;
		this.templates = templates;
		this.publications = publications;
		this.clock = clock;
	}

	/**
	 * Stores a pitch (and acknowledges it by mail, unless turned off).
	 * @throws Invalid when a field is missing or wrong
	 * @throws Throttled when the address sent too many pitches lately
	 */
	@Transactional
	public Pitch submit(Submission submission, String clientAddress) {
		Submission clean = new Submission(oneLine(submission.name()), oneLine(submission.email()).toLowerCase(Locale.ROOT),
				text(submission.summary()), text(submission.sample()), oneLine(submission.sampleUrl()));
		List<FieldProblem> problems = new ArrayList<>();
		if (clean.name().isEmpty()) {
			problems.add(new FieldProblem("name", "Please give your name."));
		}
		else {
			tooLong(problems, "name", clean.name(), MAX_NAME);
		}
		if (clean.email().isEmpty()) {
			problems.add(new FieldProblem("email", "Please give your e-mail address, so that we can answer."));
		}
		else if (!EmailAddresses.isValid(clean.email())) {
			problems.add(new FieldProblem("email", "That does not look like an e-mail address."));
		}
		if (clean.summary().isEmpty()) {
			problems.add(new FieldProblem("summary", "Please tell us what you would like to write about."));
		}
		else {
			tooLong(problems, "summary", clean.summary(), MAX_SUMMARY);
		}
		tooLong(problems, "sample", clean.sample(), MAX_SAMPLE);
		if (!clean.sampleUrl().isEmpty() && !WebAddresses.isWebAddress(clean.sampleUrl(), MAX_URL)) {
			problems.add(new FieldProblem("sampleUrl", "Please give a full web address starting with https:// or http://."));
		}
		if (!problems.isEmpty()) {
			throw new Invalid("Please check what is marked.", problems);
		}
		Duration wait = limiter.tryAcquireAll(List.of(new Charge(perClient, ClientAddresses.client(clientAddress), 1),
				new Charge(perSender, clean.email(), 1)));
		if (!wait.isZero()) {
			throw new Throttled(wait);
		}
		long id = repository.insert(clean.name(), clean.email(), clean.summary(), blankToNull(clean.sample()),
				blankToNull(clean.sampleUrl()), clock.instant());
		Pitch pitch = repository.find(id).orElseThrow();
		if (properties.acknowledge()) {
			// Only the name comes back in the mail, not the summary: the mail cannot carry a stranger's text to a stranger.
			send(pitch.email(), new PitchReceived(site(), pitch.name()));
		}
		return pitch;
	}

	@Transactional(readOnly = true)
	public Optional<Pitch> find(long id) {
		return repository.find(id);
	}

	/** Pitches with a status ({@code open}, {@code invited}, {@code declined}; all when null), newest first. */
	@Transactional(readOnly = true)
	public List<Pitch> list(String status, int limit) {
		return repository.list(status, limit);
	}

	@Transactional(readOnly = true)
	public Map<String, Long> counts() {
		Map<String, Long> counts = new HashMap<>();
		for (String status : List.of("open", "invited", "declined")) {
			counts.put(status, repository.count(status));
		}
		return counts;
	}

	/**
	 * Invites the sender of an open pitch as a contributor: their account gets the role, or one is made; they are
	 * mailed a link to choose a password.
	 * @throws Invalid when the pitch is not open any more, or its address cannot have an account
	 */
	@Transactional
	public Pitch invite(long id, long editorId, String editorName) {
		Pitch pitch = open(id);
		Registration.ContributorInvitation invitation;
		try {
			invitation = registration.inviteContributor(pitch.email(), pitch.name(), editorId);
		}
		catch (AccountProblem problem) {
			throw new Invalid(problem.errors().isEmpty() ? problem.getMessage() : problem.errors().get(0).message(),
					List.of());
		}
		repository.decide(id, "invited", invitation.accountId(), editorId, editorName, null, clock.instant());
		return repository.find(id).orElseThrow();
	}

	/**
	 * Declines an open pitch; a message, when given, is mailed to the sender.
	 * @throws Invalid when the pitch is not open any more or the message is too long
	 */
	@Transactional
	public Pitch decline(long id, String message, long editorId, String editorName) {
		Pitch pitch = open(id);
		String note = text(message);
		if (note.codePointCount(0, note.length()) > MAX_MESSAGE) {
			throw new Invalid("Please check what is marked.",
					List.of(new FieldProblem("message", "A message can be at most " + MAX_MESSAGE + " characters long.")));
		}
		repository.decide(id, "declined", null, editorId, editorName, blankToNull(note), clock.instant());
		if (!note.isEmpty()) {
			send(pitch.email(), new PitchDeclined(site(), pitch.name(), note));
		}
		return repository.find(id).orElseThrow();
	}

	private Pitch open(long id) {
		Pitch pitch = repository.find(id).orElseThrow(() -> new Invalid("There is no such pitch.", List.of()));
		if (!pitch.isOpen()) {
			throw new Invalid("This pitch was already " + pitch.status() + " by " + pitch.decidedByName() + ".", List.of());
		}
		return pitch;
	}

	private String site() {
		return publications.current().name();
	}

	private void send(String to, MailMessage message) {
		mailer.send(templates.render(message).to(to, CATEGORY));
	}

	private static String oneLine(String value) {
		return value == null ? "" : value.replaceAll("[\\p{Cc}\\s]+", " ").strip();
	}

	private static String text(String value) {
		return value == null ? "" : value.replace("\r\n", "\n").strip();
	}

	private static String blankToNull(String value) {
		return value == null || value.isEmpty() ? null : value;
	}

	private static void tooLong(List<FieldProblem> problems, String field, String value, int max) {
		if (value.codePointCount(0, value.length()) > max) {
			problems.add(new FieldProblem(field, "This can be at most " + String.format(Locale.ROOT, "%,d", max)
					+ " characters long."));
		}
	}
}
