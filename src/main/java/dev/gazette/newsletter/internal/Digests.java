package dev.gazette.newsletter.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.gazette.account.Accounts;
import dev.gazette.account.NewsletterReader;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.article.ArticleSummary;
import dev.gazette.article.Author;
import dev.gazette.jobs.BackOff;
import dev.gazette.jobs.Job;
import dev.gazette.jobs.JobHandler;
import dev.gazette.jobs.JobKind;
import dev.gazette.jobs.JobResult;
import dev.gazette.jobs.Jobs;
import dev.gazette.mail.LinkTokens;
import dev.gazette.mail.MailTemplates;
import dev.gazette.mail.Mailer;
import dev.gazette.newsletter.internal.Issues.Delivery;
import dev.gazette.newsletter.internal.Issues.Span;
import dev.gazette.newsletter.internal.Subscribers.Guest;
import dev.gazette.newsletter.internal.Subscribers.Preference;
import dev.gazette.newsletter.mail.NewsletterDigest;
import dev.gazette.publication.GazetteProperties;
import dev.gazette.publication.Publications;
import dev.gazette.newsletter.DigestItem;
import dev.gazette.newsletter.Frequency;
import dev.gazette.newsletter.Newsletter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds each period's issue once, on every node every {@code gazette.newsletter.poll-interval}, and mails its
 * deliveries: each one a job ({@value #KIND}) of the job queue, enqueued with the issue, which the building node
 * starts on at once and other nodes join at their next poll. After a restart or an outage it catches up with the
 * latest period only: a digest of last week's news a week late helps nobody.
 */
@Component
public class Digests implements SchedulingConfigurer, JobHandler<Digests.Send> {

	static final String CATEGORY = "newsletter";

	static final String KIND = "newsletter.digest";

	/** A digest fails only when the database does; worth trying for a while, not for days. */
	private static final BackOff BACK_OFF = BackOff.exponential(Duration.ofMinutes(1), Duration.ofHours(1), 8);

	/** The job: mail one delivery of an issue. */
	public record Send(long deliveryId) {
	}

	/** An issue's articles, kept while its deliveries go out (they are looked up once per issue, not per reader). */
	private record IssueArticles(long issueId, List<ArticleSummary> articles) {
	}

	private volatile IssueArticles lastIssue = new IssueArticles(-1, List.of());

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, MMMM d, uuuu", Locale.ENGLISH);

	private static final Logger log = LoggerFactory.getLogger(Digests.class);

	private final Issues issues;

	private final Subscribers subscribers;

	private final Accounts accounts;

	private final ArticleCatalog articles;

	private final Mailer mailer;

	private final MailTemplates templates;

	private final Publications publications;

	private final GazetteProperties site;

	private final NewsletterProperties properties;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final Jobs jobs;

	private final JobKind<Send> kind;

	public Digests(Issues issues, Subscribers subscribers, Accounts accounts, ArticleCatalog articles, Mailer mailer,
			MailTemplates templates, Publications publications, GazetteProperties site, NewsletterProperties properties,
			Clock clock, TransactionTemplate transaction, Jobs jobs) {
		this.jobs = jobs;
		this.issues = issues;
		this.subscribers = subscribers;
		this.accounts = accounts;
		this.articles = articles;
		this.mailer = mailer;
		this.templates = templates;
		this.publications = publications;
		this.site = site;
		this.properties = properties;
		this.clock = clock;
		this.transaction = transaction;
		// At the next poll: run() starts on an issue's deliveries itself, once the issue has committed.
		this.kind = JobKind.of(KIND, Send.class, BACK_OFF, properties.pollInterval()).atNextPoll();
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		// Not at start-up: the first look comes one interval later, when the application is surely ready.
		registrar.addFixedDelayTask(new FixedDelayTask(this::runQuietly, properties.pollInterval(), properties.pollInterval()));
	}

	private void runQuietly() {
		try {
			run();
		}
		catch (RuntimeException ex) {
			log.warn("Newsletter run stopped early; it resumes within {}", properties.pollInterval(), ex);
		}
	}

	/**
	 * Builds the issues that are due and mails every due delivery this node gets to first.
	 * @return how many deliveries this call went through (mailed, or skipped for want of articles in their sections)
	 */
	public int run() {
		Instant now = clock.instant();
		transaction.executeWithoutResult(status -> subscribers.expire(now));
		for (Frequency frequency : Frequency.values()) {
			build(Period.latest(frequency, now, zone(), properties.sendHour(), properties.weeklyDay()), now);
		}
		int mailed = jobs.runDue(KIND);
		transaction.executeWithoutResult(status -> issues.finishIssues(clock.instant()));
		return mailed;
	}

	/** Claims the period's issue and writes its recipients, in one transaction; an issue that exists is left alone. */
	private void build(Period period, Instant now) {
		if (issues.exists(period)) {
			return;
		}
		List<ArticleSummary> list = articles.publishedBetween(period.start(), period.end());
		transaction.executeWithoutResult(status -> issues.claim(period, list.size(), now).ifPresent(issueId -> {
			if (!list.isEmpty()) {
				issues.setRecipients(issueId, addRecipients(issueId, period.frequency()));
			}
		}));
	}

	private int addRecipients(long issueId, Frequency frequency) {
		int added = 0;
		Map<Long, Preference> preferences = subscribers.preferences();
		for (NewsletterReader reader : accounts.newsletterReaders()) {
			Preference preference = preferences.getOrDefault(reader.accountId(), Preference.DEFAULT);
			if (preference.frequency() == frequency && enqueue(issues.addDelivery(issueId,
					reader.email().toLowerCase(Locale.ROOT), reader.accountId(), null, preference.sections()))) {
				added++;
			}
		}
		for (Guest guest : subscribers.confirmed()) {
			if (guest.frequency() == frequency
					&& enqueue(issues.addDelivery(issueId, guest.email(), null, guest.id(), guest.sections()))) {
				added++;
			}
		}
		return added;
	}

	/** A delivery added to the issue is a job, in the same transaction; the node that built the issue runs it next. */
	private boolean enqueue(Optional<Long> deliveryId) {
		deliveryId.ifPresent(id -> jobs.enqueue(KIND, Long.toString(id), new Send(id)));
		return deliveryId.isPresent();
	}

	@Override
	public JobKind<Send> kind() {
		return kind;
	}

	/** Mails the delivery, unless a run before this one took it (then that run mailed it). */
	@Override
	public JobResult run(Job<Send> job) {
		transaction.execute(status -> send(job.payload().deliveryId()));
		return JobResult.DONE;
	}

	/** Takes the delivery and writes its mail in the same transaction: both happen, or neither. */
	private boolean send(long deliveryId) {
		Instant now = clock.instant();
		if (!issues.take(deliveryId, "sent", now)) {
			return false;
		}
		Delivery delivery = issues.delivery(deliveryId).orElseThrow();
		Span span = issues.span(delivery.issueId());
		IssueArticles known = lastIssue;
		if (known.issueId() != delivery.issueId()) {
			known = new IssueArticles(delivery.issueId(), articles.publishedBetween(span.start(), span.end()));
			lastIssue = known;
		}
		List<ArticleSummary> all = known.articles();
		List<DigestItem> items = all.stream()
			.filter(article -> delivery.sections().isEmpty() || (article.section() != null
					&& delivery.sections().contains(article.section().slug())))
			.map(this::item)
			.toList();
		if (items.isEmpty()) {
			issues.markSkipped(deliveryId);
			return false;
		}
		Optional<String> greeting = delivery.accountId() == null ? Optional.empty()
				: accounts.find(delivery.accountId()).map(account -> account.displayName());
		String token = LinkTokens.newToken();
		String unsubscribe = site.baseUrl() + Newsletter.UNSUBSCRIBE_PATH + "?token=" + token;
		NewsletterDigest message = new NewsletterDigest(publications.current().name(), greeting.orElse(null),
				title(span), items, site.baseUrl() + "/newsletter", unsubscribe);
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("List-Unsubscribe", "<" + unsubscribe + ">");
		headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		headers.put("List-Id", "<" + span.frequency().key() + ".newsletter." + host() + ">");
		headers.put("Precedence", "bulk");
		long mailId = mailer.send(templates.render(message).to(delivery.email(), CATEGORY, headers));
		issues.recordMail(deliveryId, LinkTokens.hash(token), mailId);
		return true;
	}

	private DigestItem item(ArticleSummary article) {
		String byline = String.join(", ", article.authors().stream().map(Author::displayName).toList());
		return new DigestItem(article.headline(), article.standfirst(),
				article.section() == null ? null : article.section().name(), byline.isEmpty() ? null : byline,
				site.baseUrl() + "/articles/" + article.slug());
	}

	private String title(Span span) {
		ZoneId zone = zone();
		String day = DAY.format(span.end().atZone(zone));
		return span.frequency() == Frequency.DAILY ? "Daily digest, " + day : "Weekly digest, the week to " + day;
	}

	private String host() {
		return java.net.URI.create(site.baseUrl()).getHost();
	}

	private ZoneId zone() {
		return publications.current().timeZone();
	}
}
