package dev.gazette.newsletter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import dev.gazette.account.AccountEvents.AccountDeleted;
import dev.gazette.account.Accounts;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.article.Section;
import dev.gazette.mail.EmailAddresses;
import dev.gazette.mail.LinkTokens;
import dev.gazette.mail.MailTemplates;
import dev.gazette.mail.Mailer;
import dev.gazette.newsletter.internal.Subscribers.Guest;
import dev.gazette.newsletter.internal.Subscribers.Preference;
import dev.gazette.newsletter.mail.NewsletterConfirm;
import dev.gazette.publication.GazetteProperties;
import dev.gazette.publication.Publications;
import dev.gazette.ratelimit.ClientAddresses;
import dev.gazette.ratelimit.RateLimiter;
import dev.gazette.ratelimit.RateLimiter.Limit;
import dev.gazette.refusal.FieldProblem;
import dev.gazette.refusal.Refusal;
import dev.gazette.newsletter.internal.Issues;
import dev.gazette.newsletter.internal.NewsletterProblem;
import dev.gazette.newsletter.internal.NewsletterProperties;
import dev.gazette.newsletter.internal.Subscribers;

import org.springframework.http.HttpStatus;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subscribing and unsubscribing: guests by address with double opt-in, accounts directly (their address is
 * verified). No answer tells a stranger whether an address is subscribed.
 */
@Service
public class Newsletter {

	public static final String CONFIRM_PATH = "/newsletter/confirm";

	public static final String UNSUBSCRIBE_PATH = "/newsletter/unsubscribe";

	private final Subscribers subscribers;

	private final Issues issues;

	private final Accounts accounts;

	private final ArticleCatalog articles;

	private final Mailer mailer;

	private final MailTemplates templates;

	private final Publications publications;

	private final GazetteProperties site;

	private final NewsletterProperties properties;

	private final RateLimiter limiter;

	private final Limit requestsPerClient;

	private final Clock clock;

	Newsletter(Subscribers subscribers, Issues issues, Accounts accounts, ArticleCatalog articles, Mailer mailer,
			MailTemplates templates, Publications publications, GazetteProperties site, NewsletterProperties properties,
			RateLimiter limiter, Clock clock) {
		this.subscribers = subscribers;
		this.limiter = limiter;
		this.requestsPerClient = new Limit("newsletter", properties.perAddress(), properties.perAddressPeriod());
		this.issues = issues;
		this.accounts = accounts;
		this.articles = articles;
		this.mailer = mailer;
		this.templates = templates;
		this.publications = publications;
		this.site = site;
		this.properties = properties;
		this.clock = clock;
	}

	/** A subscription request as a form or the API makes it: raw, to be checked. */
	public record Request(String email, String frequency, List<String> sections) {
	}

	/** Too many requests from one client: the answer is 429 with {@code Retry-After}; nothing is stored or sent. */
	public static final class TooManyRequests extends Refusal {

		private final transient Duration wait;

		public TooManyRequests(Duration wait) {
			super(HttpStatus.TOO_MANY_REQUESTS, null, "Too many subscription requests from this address; try again later.");
			this.wait = wait;
		}

		@Override
		public String title() {
			return "Too many requests";
		}

		@Override
		public Duration retryAfter() {
			return wait;
		}

		/** Whole seconds, rounded up: the earliest moment a new request can succeed. */
		public long retryAfterSeconds() {
			return Math.max(1, (wait.toMillis() + 999) / 1000);
		}
	}

	/** A request that passed the checks. */
	record Checked(String email, Frequency frequency, List<String> sections) {
	}

	/**
	 * A guest asks for the newsletter: a confirmation link goes to the address (at most once per
	 * {@code resend-after}); nothing else happens until it is followed. Requests per client address are limited
	 * ({@code per-address}), so one client cannot have confirmations mailed to many strangers.
	 * @throws NewsletterProblem when the address, frequency or a section is not valid; nothing is stored or sent
	 * @throws TooManyRequests when this client has made too many requests; nothing is stored or sent
	 */
	@Transactional
	public void subscribe(Request request, String clientAddress) {
		Checked checked = check(request, true);
		Duration wait = limiter.tryAcquire(requestsPerClient, ClientAddresses.client(clientAddress));
		if (!wait.isZero()) {
			throw new TooManyRequests(wait);
		}
		Instant now = clock.instant();
		Optional<Guest> existing = subscribers.guest(checked.email());
		if (existing.isPresent() && existing.get().lastRequestedAt().plus(properties.resendAfter()).isAfter(now)) {
			// Someone is mailing this address repeatedly: the first link is still on its way.
			return;
		}
		String token = LinkTokens.newToken();
		Instant expires = now.plus(properties.confirmValidFor());
		if (existing.isEmpty()) {
			subscribers.addPending(checked.email(), checked.frequency(), checked.sections(), LinkTokens.hash(token), expires, now);
		}
		else {
			subscribers.request(existing.get().id(), checked.frequency(), checked.sections(), LinkTokens.hash(token), expires,
					now);
		}
		NewsletterConfirm message = new NewsletterConfirm(publications.current().name(), checked.frequency().key(),
				sectionNames(checked.sections()), site.baseUrl() + CONFIRM_PATH + "?token=" + token,
				properties.confirmValidFor().toHours() + " hours");
		mailer.send(templates.render(message).to(checked.email(), "newsletter-confirm"));
	}

	/** Whether a confirmation link would work, without using it (the page asks before confirming). */
	@Transactional(readOnly = true)
	public boolean canConfirm(String token) {
		return LinkTokens.plausible(token) && subscribers.confirmable(LinkTokens.hash(token), clock.instant());
	}

	/** Follows a confirmation link: the subscription (or its change) takes effect. */
	@Transactional
	public boolean confirm(String token) {
		return LinkTokens.plausible(token) && subscribers.confirm(LinkTokens.hash(token), clock.instant());
	}

	/**
	 * A signed-in reader's choices; the account gets the newsletter from now on.
	 * @throws NewsletterProblem when the frequency or a section is not valid
	 */
	@Transactional
	public void subscribeAccount(long accountId, String frequency, List<String> sections) {
		Checked checked = check(new Request(null, frequency, sections), false);
		subscribers.savePreference(accountId, checked.frequency(), checked.sections());
		accounts.changeNewsletter(accountId, true);
	}

	@Transactional
	public void unsubscribeAccount(long accountId) {
		accounts.changeNewsletter(accountId, false);
	}

	/** The account's choices (weekly, every section, until it chooses). */
	@Transactional(readOnly = true)
	public Choice choiceOf(long accountId) {
		Preference preference = subscribers.preference(accountId);
		var account = accounts.find(accountId).orElseThrow();
		return new Choice(account.newsletter(), account.email(), preference.frequency().key(), preference.sections());
	}

	/** What an account chose, for the form. */
	public record Choice(boolean subscribed, String email, String frequency, List<String> sections) {
	}

	/** Whether a one-click link is ours, without acting on it. */
	@Transactional(readOnly = true)
	public boolean isUnsubscribeLink(String token) {
		return LinkTokens.plausible(token) && issues.byUnsubscribeHash(LinkTokens.hash(token)).isPresent();
	}

	/**
	 * Stops the newsletter for whoever a digest with this token went to: the account's preference is turned off, a
	 * guest's subscription is deleted. Doing it twice does no harm.
	 * @return whether the token was one of ours
	 */
	@Transactional
	public boolean unsubscribe(String token) {
		if (!LinkTokens.plausible(token)) {
			return false;
		}
		return issues.byUnsubscribeHash(LinkTokens.hash(token)).map(delivery -> {
			if (delivery.accountId() != null) {
				accounts.changeNewsletter(delivery.accountId(), false);
			}
			if (delivery.subscriberId() != null) {
				subscribers.remove(delivery.subscriberId());
			}
			return true;
		}).orElse(false);
	}

	@ApplicationModuleListener
	void on(AccountDeleted deleted) {
		subscribers.forgetAccount(deleted.accountId());
	}

	/** The sections a reader may choose from, in the newsroom's order. */
	public List<Section> sections() {
		return articles.sections();
	}

	private Checked check(Request request, boolean needsAddress) {
		List<FieldProblem> problems = new ArrayList<>();
		String email = request.email() == null ? "" : request.email().strip().toLowerCase(Locale.ROOT);
		if (needsAddress) {
			if (email.isEmpty()) {
				problems.add(new FieldProblem("email", "Please give your e-mail address."));
			}
			else if (!EmailAddresses.isValid(email)) {
				problems.add(new FieldProblem("email", "That does not look like an e-mail address."));
			}
		}
		Optional<Frequency> frequency = Frequency.parse(request.frequency());
		if (frequency.isEmpty()) {
			problems.add(new FieldProblem("frequency", "Please choose daily or weekly."));
		}
		Set<String> known = new LinkedHashSet<>();
		articles.sections().forEach(section -> known.add(section.slug()));
		List<String> chosen = request.sections() == null ? List.of()
				: request.sections().stream().filter(slug -> slug != null && !slug.isBlank()).map(String::strip).distinct().toList();
		if (chosen.stream().anyMatch(slug -> !known.contains(slug))) {
			problems.add(new FieldProblem("sections", "Please choose sections from the list."));
		}
		if (!problems.isEmpty()) {
			throw new NewsletterProblem("Please check what is marked.", problems);
		}
		// In the newsroom's order, whatever order the form sent them in.
		List<String> ordered = known.stream().filter(chosen::contains).toList();
		return new Checked(email, frequency.get(), ordered);
	}

	List<String> sectionNames(List<String> slugs) {
		return articles.sections().stream().filter(section -> slugs.contains(section.slug())).map(Section::name).toList();
	}
}
