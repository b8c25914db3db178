package dev.gazette.notification.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.gazette.account.Account;
import dev.gazette.account.AccountEvents.AccountDeleted;
import dev.gazette.account.Accounts;
import dev.gazette.article.Article;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.comment.Comment;
import dev.gazette.comment.CommentPublished;
import dev.gazette.comment.Comments;
import dev.gazette.jobs.BackOff;
import dev.gazette.jobs.Job;
import dev.gazette.jobs.JobHandler;
import dev.gazette.jobs.JobKind;
import dev.gazette.jobs.JobResult;
import dev.gazette.jobs.Jobs;
import dev.gazette.mail.LinkTokens;
import dev.gazette.mail.MailTemplates;
import dev.gazette.mail.Mailer;
import dev.gazette.notification.internal.ReplyQueue.Pending;
import dev.gazette.notification.mail.ReplyNotification;
import dev.gazette.publication.GazetteProperties;
import dev.gazette.publication.Publications;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Queues a notification when a reply to an account's comment is published, and mails each recipient's batch when
 * it is due: a job ({@value #KIND}) of the job queue per batch, due when the batch's window closes. See the package
 * notes for who is told what.
 */
@Service
class ReplyNotifications implements JobHandler<ReplyNotifications.Batch> {

	static final String KIND = "reply-notification.batch";

	/** The job: mail the recipient's pending batch. */
	record Batch(long recipientId) {
	}

	/** A batch fails only when the database does; it is worth trying for a while. */
	private static final BackOff BACK_OFF = BackOff.exponential(Duration.ofMinutes(1), Duration.ofHours(1), 10);

	static final String CATEGORY = "reply-notification";

	static final String UNSUBSCRIBE_PATH = "/notifications/unsubscribe";

	private static final int EXCERPT = 280;

	private final ReplyQueue queue;

	private final Comments comments;

	private final Accounts accounts;

	private final ArticleCatalog articles;

	private final Mailer mailer;

	private final MailTemplates templates;

	private final Publications publications;

	private final GazetteProperties site;

	private final NotificationProperties properties;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final Jobs jobs;

	private final JobKind<Batch> kind;

	ReplyNotifications(ReplyQueue queue, Comments comments, Accounts accounts, ArticleCatalog articles, Mailer mailer,
			MailTemplates templates, Publications publications, GazetteProperties site,
			NotificationProperties properties, Clock clock, TransactionTemplate transaction, Jobs jobs) {
		this.jobs = jobs;
		this.queue = queue;
		this.comments = comments;
		this.accounts = accounts;
		this.articles = articles;
		this.mailer = mailer;
		this.templates = templates;
		this.publications = publications;
		this.site = site;
		this.properties = properties;
		this.clock = clock;
		this.transaction = transaction;
		this.kind = JobKind.of(KIND, Batch.class, BACK_OFF, properties.pollInterval());
	}

	/**
	 * A published reply to an account's comment, by someone else, for an author who wants to know: queue it. The
	 * condition, asked when the comment is published, leaves out what can never notify anyone (a new thread, a reply
	 * to a guest or to oneself), so those leave no publication in the registry and no run after the commit.
	 */
	@ApplicationModuleListener(condition = "#p0.parentId() != null and (#p0.isThin() or (#p0.parentAccountId() != null"
			+ " and #p0.parentAccountId() != #p0.accountId()))")
	void on(CommentPublished published) {
		if (published.parentId() == null) {
			return;
		}
		Optional<Long> recipient = published.isThin()
				? comments.find(published.parentId()).map(Comment::accountId)
				: Optional.ofNullable(published.parentAccountId());
		if (recipient.isEmpty() || recipient.get().equals(published.accountId())) {
			return;
		}
		long recipientId = recipient.get();
		if (accounts.find(recipientId).filter(Account::replyNotifications).isEmpty()) {
			return;
		}
		Instant now = clock.instant();
		Instant due = queue.pendingDueAt(recipientId).orElse(now.plus(properties.replyBatchWindow()));
		queue.add(recipientId, published.commentId(), now, due);
		// One job per batch: a reply that joins a pending batch (or a listener run again) finds its job there.
		jobs.enqueue(KIND, recipientId + "@" + due, new Batch(recipientId), due);
	}

	@ApplicationModuleListener
	void on(AccountDeleted deleted) {
		queue.forget(deleted.accountId());
	}

	@Override
	public JobKind<Batch> kind() {
		return kind;
	}

	/**
	 * Mails the recipient's batch, unless another run took it first (then it did). Its rows and its mail are written
	 * in one transaction, so a repeated run finds nothing pending.
	 */
	@Override
	public JobResult run(Job<Batch> job) {
		Instant now = clock.instant();
		transaction.execute(status -> sendBatch(job.payload().recipientId(), now, status));
		return JobResult.DONE;
	}

	/**
	 * Mails every batch that is due and that this node gets to first, on the calling thread.
	 * @return how many batches this call looked at
	 */
	int sendDue() {
		return jobs.runDue(KIND);
	}

	/**
	 * Takes the recipient's pending rows and, in the same transaction, writes their mail: both happen or neither.
	 * Every row is first marked dropped; those that make it into the mail are then marked sent.
	 */
	private boolean sendBatch(long recipientId, Instant now, TransactionStatus status) {
		List<Pending> pending = queue.pending(recipientId);
		List<Long> ids = pending.stream().map(Pending::id).toList();
		if (ids.isEmpty() || queue.settle(ids, "dropped", null, now) != ids.size()) {
			// Another node took (some of) them first: it sends them.
			status.setRollbackOnly();
			return false;
		}
		Optional<Account> account = accounts.find(recipientId)
			.filter(Account::replyNotifications)
			.filter(Account::emailVerified);
		if (account.isEmpty()) {
			return false;
		}
		Map<Long, Long> rowOfReply = new HashMap<>();
		pending.forEach(row -> rowOfReply.put(row.replyId(), row.id()));
		List<Long> sentRows = new ArrayList<>();
		List<ReplyItem> items = new ArrayList<>();
		comments.findAll(rowOfReply.keySet())
			.stream()
			.filter(Comment::isPublished)
			.sorted(Comparator.comparing(Comment::createdAt).thenComparing(Comment::id))
			.forEach(reply -> item(reply).ifPresent(item -> {
				items.add(item);
				sentRows.add(rowOfReply.get(reply.id()));
			}));
		if (items.isEmpty()) {
			return false;
		}
		String token = LinkTokens.newToken();
		long batchId = queue.addBatch(recipientId, now, items.size(), LinkTokens.hash(token));
		queue.relabel(sentRows, "sent", batchId);
		String unsubscribe = site.baseUrl() + UNSUBSCRIBE_PATH + "?token=" + token;
		ReplyNotification message = new ReplyNotification(publications.current().name(), account.get().displayName(),
				List.copyOf(items), site.baseUrl() + "/settings", unsubscribe);
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("List-Unsubscribe", "<" + unsubscribe + ">");
		headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		long mailId = mailer.send(templates.render(message)
			.to(account.get().email(), CATEGORY, headers));
		queue.recordMail(batchId, mailId);
		return true;
	}

	/** A reply as the mail shows it; none when its article is no longer public. */
	private Optional<ReplyItem> item(Comment reply) {
		return articles.slugOf(reply.articleId())
			.flatMap(articles::find)
			.map(article -> new ReplyItem(reply.displayName(), article.headline(), excerpt(reply.body()),
					permalink(article, reply)));
	}

	private String permalink(Article article, Comment reply) {
		return site.baseUrl() + "/articles/" + article.slug() + "/comments/" + reply.id();
	}

	/** The start of the reply's text, cut at a whole code point. */
	static String excerpt(String body) {
		String text = body.strip();
		if (text.codePointCount(0, text.length()) <= EXCERPT) {
			return text;
		}
		return text.substring(0, text.offsetByCodePoints(0, EXCERPT)).stripTrailing() + "…";
	}

	/**
	 * Stops reply notifications for the account a one-click link was sent to.
	 * @return whether the token was one of ours
	 */
	boolean unsubscribe(String token) {
		return recipientOf(token).map(account -> accounts.changeReplyNotifications(account, false)).orElse(false);
	}

	/** Whether a one-click link is ours, without acting on it. */
	boolean isKnown(String token) {
		return recipientOf(token).isPresent();
	}

	private Optional<Long> recipientOf(String token) {
		return LinkTokens.plausible(token) ? queue.recipientOf(LinkTokens.hash(token)) : Optional.empty();
	}
}
