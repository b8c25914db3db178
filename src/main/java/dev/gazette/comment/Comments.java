package dev.gazette.comment;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.Map;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.gazette.account.Accounts;
import dev.gazette.article.Article;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.article.MarkdownNesting;
import dev.gazette.comment.CommentRejectedException.FieldProblem;
import dev.gazette.comment.CommentRejectedException.Reason;
import dev.gazette.mail.EmailAddresses;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reader discussion: what the public sees under an article, and posting to it.
 * <p>
 * A discussion is read far more often than it is written, so each article's {@link Discussion} snapshot is kept in
 * memory and reused while the article's discussion version (bumped in the same transaction as every change) is
 * unchanged. That check is one primary-key read, so several Gazette nodes stay correct without talking to each
 * other.
 */
@Service
public class Comments {

	private final CommentRepository repository;

	private final ArticleCatalog articles;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final CommentProperties properties;

	private final Accounts accounts;

	private final ObjectProvider<CommentScreening> screening;

	private final TransactionTemplate transaction;

	private final CommentSubmissions submissions;

	private final GuestNames guestNames;

	private final Cache<Long, Discussion> discussions = Caffeine.newBuilder().maximumSize(500).build();

	private DiscussionDetailsReader details;

	private Recommendations recommendations;

	Comments(CommentRepository repository, ArticleCatalog articles, ApplicationEventPublisher events, Clock clock,
			CommentProperties properties, ObjectProvider<CommentScreening> screening, Accounts accounts,
			TransactionTemplate transaction, CommentSubmissions submissions, GuestNames guestNames) {
		this.guestNames = guestNames;
		this.screening = screening;
		this.submissions = submissions;
		this.transaction = transaction;
		this.accounts = accounts;
		this.repository = repository;
		this.articles = articles;
		this.events = events;
		this.clock = clock;
		this.properties = properties;
	}

	/** Badges, recommendations and picks: set once at start, beside the constructor's collaborators. */
	@org.springframework.beans.factory.annotation.Autowired
	void readDetailsWith(DiscussionDetailsReader details, Recommendations recommendations) {
		this.details = details;
		this.recommendations = recommendations;
	}

	public CommentProperties settings() {
		return properties;
	}

	/** A page of an article's discussion ready for a template, as {@code viewerId} (null for a guest) sees it now. */
	public DiscussionView view(Article article, DiscussionPage page, Long viewerId, ZoneId zone) {
		return new DiscussionView(page, "/articles/" + article.slug(), article.commentsOpen(),
				properties.guestsAllowed(), clock.instant(), zone, viewerId, properties.editWindow(),
				viewerId == null ? java.util.Set.of() : recommendations.recommendedBy(article.id(), viewerId),
				viewerId != null && accounts.find(viewerId).filter(a -> a.has(dev.gazette.account.Role.MODERATOR)).isPresent());
	}

	/** The current public discussion of an article. */
	@Transactional(readOnly = true)
	public Discussion discussion(long articleId) {
		long version = repository.discussionVersion(articleId);
		Discussion cached = discussions.getIfPresent(articleId);
		if (cached != null && cached.version() == version) {
			return cached;
		}
		List<Comment> stored = repository.ofArticle(articleId);
		Discussion fresh = Discussion.of(version, stored, properties.repliesPerThread(), details.read(articleId, stored));
		discussions.put(articleId, fresh);
		return fresh;
	}

	/** How many published comments each article has; articles without any are absent. */
	@Transactional(readOnly = true)
	public Map<Long, Integer> publishedCounts(Collection<Long> articleIds) {
		return repository.publishedCounts(articleIds);
	}

	/**
	 * How busy each article's discussion is, in one query: published comments posted since {@code recent} and since
	 * {@code since} (give the later time as {@code recent}), and comments held for moderators. An article without
	 * comments is absent from the map.
	 */
	@Transactional(readOnly = true)
	public Map<Long, CommentActivity> activity(Collection<Long> articleIds, Instant recent, Instant since) {
		return repository.activity(articleIds, recent, since);
	}

	/** A comment that the public can see (published, or a placeholder with visible replies) in this article. */
	@Transactional(readOnly = true)
	public Optional<Comment> findVisible(long articleId, long commentId) {
		return repository.find(commentId)
			.filter(comment -> comment.articleId() == articleId)
			.filter(comment -> discussion(articleId).contains(commentId));
	}

	/**
	 * Stores a reader's comment on a published article and announces it with {@link CommentSubmitted}.
	 * <p>
	 * Not one transaction: screening may ask services outside Gazette, and no database connection may wait on them.
	 * The article, the draft and the screening are settled first; only the writes run in a transaction, which checks
	 * the parent again (a moderator may have removed it in the meantime).
	 * @throws CommentRejectedException when the article is unknown or closed, or the draft is invalid; nothing is
	 * stored then
	 */
	public Comment submit(String articleSlug, CommentDraft draft, Commenter as) {
		return submit(articleSlug, draft, as, null);
	}

	/**
	 * Stores a comment as {@link #submit} does, once per {@code key}: a request sent again with the same key (a
	 * client that timed out and retried, a form sent twice) gets the comment the first one made, and stores nothing.
	 * @throws CommentRejectedException as {@link #submit} does, when there was no earlier comment with this key
	 */
	Posting submitOnce(String articleSlug, CommentDraft draft, Commenter as, SubmissionKey key) {
		Optional<Posting> earlier = earlier(key);
		if (earlier.isPresent()) {
			return earlier.get();
		}
		try {
			return new Posting.Stored(submit(articleSlug, draft, as, key));
		}
		catch (DuplicateKeyException raced) {
			// Another request with this key stored its comment while this one was being screened; this one's
			// transaction stored nothing.
			return earlier(key).orElseThrow(() -> raced);
		}
	}

	private Optional<Posting> earlier(SubmissionKey key) {
		return submissions.find(key).map(earlier -> {
			if (!key.sameRequestAs(earlier.fingerprint())) {
				return new Posting.KeyReused();
			}
			Optional<Comment> comment = repository.find(earlier.commentId());
			if (comment.isEmpty()) {
				submissions.forget(key);
				return null;
			}
			return new Posting.Repeated(comment.get());
		});
	}

	private Comment submit(String articleSlug, CommentDraft draft, Commenter as, SubmissionKey key) {
		Commenter commenter = withCurrentName(as);
		Article article = commentable(articleSlug, commenter);
		String body = CommentText.clean(draft.body());
		CommentText.Rendered rendered = rendered(body);
		String html = rendered.html();
		List<FieldProblem> problems = validate(article, body, rendered, commenter, draft.parentId());
		if (!problems.isEmpty()) {
			throw new CommentRejectedException(Reason.INVALID, "The comment could not be posted.", problems);
		}
		Screening screening = screen(new Submission(article, commenter, body, draft.parentId(), false,
				draft.nudgeAcknowledged()));
		return transaction.execute(status -> {
			Comment stored = store(article, draft.parentId(), commenter, body, html, screening);
			if (key != null) {
				submissions.remember(key, stored.id(), clock.instant());
			}
			return stored;
		});
	}

	private Article commentable(String articleSlug, Commenter commenter) {
		Article article = articles.find(articleSlug)
			.orElseThrow(() -> new CommentRejectedException(Reason.UNKNOWN_ARTICLE,
					"There is no published article at '" + articleSlug + "'.", List.of()));
		if (!article.takesCommentsAt(clock.instant())) {
			throw new CommentRejectedException(Reason.CLOSED, "Comments on this article are closed.", List.of());
		}
		if (commenter.isGuest() && !guestsAllowed(article)) {
			throw new CommentRejectedException(Reason.GUESTS_NOT_ALLOWED,
					"Please sign in to comment: this publication does not take comments from guests.", List.of());
		}
		return article;
	}

	private Comment store(Article article, Long parentId, Commenter commenter, String body, String html,
			Screening screening) {
		parentProblem(article, parentId).ifPresent(problem -> {
			throw new CommentRejectedException(Reason.INVALID, "The comment could not be posted.", List.of(problem));
		});
		CommentStatus status = screening.status();
		long id = repository.insert(article.id(), parentId, commenter, body, html, status, clock.instant());
		repository.recordModeration(id, screening.record());
		repository.touchDiscussion(article.id(), status == CommentStatus.PUBLISHED ? 1 : 0);
		events.publishEvent(new CommentSubmitted(id, article.id(), article.slug(), parentId, status, UUID.randomUUID()));
		if (status == CommentStatus.PUBLISHED) {
			events.publishEvent(new CommentPublished(id, article.id(), article.slug(), parentId, commenter.accountId(),
					clock.instant()));
		}
		return repository.find(id).orElseThrow();
	}

	/** Whether guests may comment on this article: its own setting, else the site's. */
	public boolean guestsAllowed(Article article) {
		Boolean own = article.discussion().guestsAllowed();
		return own != null ? own : properties.guestsAllowed();
	}

	/**
	 * Runs screening, outside any transaction (it may ask services outside Gazette); a nudge or a refusal stores
	 * nothing and tells the reader why.
	 */
	private Screening screen(Submission submission) {
		CommentScreening screening = this.screening.getIfAvailable();
		Screening result = screening == null ? Screening.publish() : screening.screen(submission);
		if (result.verdict() == Screening.Verdict.NUDGE) {
			throw new CommentRejectedException(Reason.NUDGE, result.message(), List.of(), result.concerns());
		}
		if (result.verdict() == Screening.Verdict.REFUSE) {
			throw new CommentRejectedException(Reason.REFUSED, result.message(), List.of());
		}
		return result;
	}

	/**
	 * A moderator's decision: publishes, holds or rejects a comment. The discussion's count and version follow; a
	 * comment that becomes visible is announced with {@link CommentPublished}.
	 * @throws IllegalArgumentException for an unknown comment or a status moderators do not set
	 */
	@Transactional
	public Comment moderate(long commentId, CommentStatus to) {
		if (to == CommentStatus.DELETED) {
			throw new IllegalArgumentException("Moderators reject comments; only their authors delete them");
		}
		Comment comment = repository.find(commentId)
			.orElseThrow(() -> new IllegalArgumentException("There is no comment " + commentId));
		if (comment.status() == to || comment.status() == CommentStatus.DELETED) {
			return comment;
		}
		repository.setStatus(commentId, to);
		int delta = (to == CommentStatus.PUBLISHED ? 1 : 0) - (comment.isPublished() ? 1 : 0);
		repository.touchDiscussion(comment.articleId(), delta);
		if (to == CommentStatus.PUBLISHED) {
			// The slug only names the article in links; an article withdrawn since keeps its comment unannounced.
			articles.slugOf(comment.articleId())
				.ifPresent(slug -> events.publishEvent(new CommentPublished(commentId, comment.articleId(), slug,
						comment.parentId(), comment.accountId(), clock.instant())));
		}
		return repository.find(commentId).orElseThrow();
	}

	/** Marks a comment as an editor's pick, or not. */
	@Transactional
	public void feature(long commentId, boolean featured) {
		Comment comment = repository.find(commentId)
			.orElseThrow(() -> new IllegalArgumentException("There is no comment " + commentId));
		repository.setFeatured(commentId, featured);
		repository.touchDiscussion(comment.articleId(), 0);
	}

	/** Comments in any of {@code statuses}, oldest first (the order moderators work in), optionally of one article. */
	@Transactional(readOnly = true)
	public List<Comment> inStatus(java.util.Set<CommentStatus> statuses, Long articleId, int limit, long offset,
			boolean newestFirst) {
		return repository.inStatus(statuses, articleId, limit, offset, newestFirst);
	}

	@Transactional(readOnly = true)
	public long countInStatus(java.util.Set<CommentStatus> statuses, Long articleId) {
		return repository.countInStatus(statuses, articleId);
	}

	@Transactional(readOnly = true)
	public List<Comment> findAll(java.util.Collection<Long> ids) {
		return repository.findAll(ids);
	}

	/** The stored screening record of a comment (JSON), if any. */
	@Transactional(readOnly = true)
	public Optional<String> moderationRecord(long commentId) {
		return repository.moderationRecord(commentId);
	}

	/** How an author's comments since {@code since} stand: by account, or for a guest by e-mail address. */
	@Transactional(readOnly = true)
	public AuthorHistory historyOf(Long accountId, String guestEmail, Instant since) {
		return repository.history(accountId, guestEmail, since);
	}

	/** The texts an author posted since {@code since}, newest first, for spotting repeats and bursts. */
	@Transactional(readOnly = true)
	public List<Comment> recentBy(Long accountId, String guestEmail, Instant since) {
		return repository.recentBy(accountId, guestEmail, since);
	}

	/**
	 * Brings in a comment written elsewhere (demo content, a migration from another system) with its original time
	 * and status. The text is cleaned and rendered like any other, but not validated against today's limits.
	 */
	@Transactional
	public long importComment(long articleId, Long parentId, String authorName, String body, CommentStatus status,
			Instant createdAt) {
		String text = CommentText.clean(body);
		long id = repository.insert(articleId, parentId, new Commenter(null, CommentText.cleanName(authorName), null),
				text, CommentText.toHtml(text), status, createdAt);
		repository.touchDiscussion(articleId, status == CommentStatus.PUBLISHED ? 1 : 0);
		return id;
	}

	/**
	 * Changes the text of one's own comment, within {@link CommentProperties#editWindow()} of posting; the comment
	 * is then marked as edited. Like {@link #submit}, the new text is screened before the transaction that stores it,
	 * which checks again that the comment may still be edited.
	 * @throws CommentRejectedException when it is not the account's comment, the window has passed, or the text
	 * is invalid; nothing changes then
	 */
	public Comment edit(long commentId, long accountId, String newBody) {
		Comment comment = editable(commentId, accountId);
		String body = CommentText.clean(newBody);
		CommentText.Rendered rendered = rendered(body);
		String html = rendered.html();
		List<FieldProblem> problems = new ArrayList<>();
		bodyProblem(body, rendered).ifPresent(problems::add);
		if (!problems.isEmpty()) {
			throw new CommentRejectedException(Reason.INVALID, "The comment could not be changed.", problems);
		}
		Article article = articles.find(comment.articleId() == 0 ? "" : articleSlug(comment)).orElseThrow(
				() -> new CommentRejectedException(Reason.CLOSED, "This article no longer takes comments.", List.of()));
		Screening screening = screen(new Submission(article, new Commenter(accountId, comment.authorName(), null), body,
				comment.parentId(), true, true));
		return transaction.execute(status -> storeEdit(editable(commentId, accountId), article, body, html, screening));
	}

	private Comment storeEdit(Comment comment, Article article, String body, String html, Screening screening) {
		repository.updateBody(comment.id(), body, html, clock.instant());
		repository.recordModeration(comment.id(), screening.record());
		CommentStatus status = screening.status();
		if (status != CommentStatus.PUBLISHED) {
			repository.setStatus(comment.id(), status);
		}
		repository.touchDiscussion(comment.articleId(), status == CommentStatus.PUBLISHED ? 0 : -1);
		events.publishEvent(new CommentSubmitted(comment.id(), comment.articleId(), article.slug(), comment.parentId(),
				status, UUID.randomUUID()));
		return repository.find(comment.id()).orElseThrow();
	}

	private Comment editable(long commentId, long accountId) {
		Comment comment = ownComment(commentId, accountId);
		if (!canEdit(comment, accountId)) {
			throw new CommentRejectedException(Reason.INVALID, "A comment can only be edited in the first "
					+ properties.editWindow().toMinutes() + " minutes after posting.", List.of());
		}
		return comment;
	}

	/** Whether the account may still edit this comment now. */
	public boolean canEdit(Comment comment, long accountId) {
		return comment.isBy(accountId) && comment.isPublished()
				&& clock.instant().isBefore(comment.createdAt().plus(properties.editWindow()));
	}

	/**
	 * Deletes one's own comment: its text goes, a "deleted" mark stays so replies keep their context.
	 * @throws CommentRejectedException when it is not the account's comment
	 */
	@Transactional
	public void deleteOwn(long commentId, long accountId) {
		Comment comment = ownComment(commentId, accountId);
		if (comment.status() == CommentStatus.DELETED) {
			return;
		}
		repository.markDeleted(commentId);
		repository.touchDiscussion(comment.articleId(), comment.isPublished() ? -1 : 0);
	}

	/** An account's latest published comments, newest first, for its profile page. */
	@Transactional(readOnly = true)
	public List<Comment> recentBy(long accountId, int limit) {
		return repository.recentPublishedByAccount(accountId, limit);
	}

	@Transactional(readOnly = true)
	public Optional<Comment> find(long commentId) {
		return repository.find(commentId);
	}

	private String articleSlug(Comment comment) {
		return articles.slugOf(comment.articleId()).orElse("");
	}

	/**
	 * An account comments under its display name as it is now: the name in a session (or a token's principal) is the
	 * one from sign-in, and a rename since then has already been applied to the earlier comments.
	 */
	private Commenter withCurrentName(Commenter commenter) {
		if (commenter.isGuest()) {
			return commenter;
		}
		return accounts.find(commenter.accountId())
			.map(account -> new Commenter(account.id(), account.displayName(), null, commenter.client()))
			.orElse(commenter);
	}

	private Comment ownComment(long commentId, long accountId) {
		return repository.find(commentId)
			.filter(comment -> comment.isBy(accountId))
			.orElseThrow(() -> new CommentRejectedException(Reason.NOT_YOURS, "That is not your comment.", List.of()));
	}

	/** Rendering is skipped for an oversized text: it is refused anyway, and rendering it would be wasted work. */
	private static CommentText.Rendered rendered(String body) {
		return CommentText.length(body) <= CommentProperties.MAX_BODY ? CommentText.render(body)
				: CommentText.Rendered.NOT_RENDERED;
	}

	private Optional<FieldProblem> bodyProblem(String body, CommentText.Rendered rendered) {
		if (body.isEmpty()) {
			return Optional.of(new FieldProblem("body", "Please write a comment."));
		}
		if (CommentText.length(body) > CommentProperties.MAX_BODY) {
			return Optional.of(new FieldProblem("body", "A comment can be at most " + CommentProperties.MAX_BODY
					+ " characters long; this one has " + CommentText.length(body) + "."));
		}
		if (rendered.tooDeep()) {
			return Optional.of(new FieldProblem("body", MarkdownNesting.PROBLEM));
		}
		if (rendered.html().length() > CommentText.MAX_HTML) {
			return Optional.of(new FieldProblem("body", "This comment repeats its links too often to be shown: please shorten it."));
		}
		return Optional.empty();
	}

	private List<FieldProblem> validate(Article article, String body, CommentText.Rendered rendered,
			Commenter commenter, Long parentId) {
		List<FieldProblem> problems = new ArrayList<>();
		bodyProblem(body, rendered).ifPresent(problems::add);
		String name = commenter.name();
		if (CommentText.length(name) > CommentProperties.MAX_NAME) {
			problems.add(new FieldProblem("authorName",
					"A display name can be at most " + CommentProperties.MAX_NAME + " characters long."));
		}
		else if (commenter.isGuest()) {
			guestNames.problem(name).ifPresent(problems::add);
		}
		String email = commenter.guestEmail();
		if (email != null && !EmailAddresses.isValid(email)) {
			problems.add(new FieldProblem("guestEmail", "That does not look like an e-mail address."));
		}
		parentProblem(article, parentId).ifPresent(problems::add);
		return problems;
	}

	private Optional<FieldProblem> parentProblem(Article article, Long parentId) {
		if (parentId == null) {
			return Optional.empty();
		}
		Optional<Comment> parent = repository.find(parentId);
		if (parent.isEmpty() || !parent.get().isPublished()) {
			return Optional.of(new FieldProblem("parentId", "The comment you are replying to does not exist."));
		}
		if (parent.get().articleId() != article.id()) {
			return Optional.of(new FieldProblem("parentId", "The comment you are replying to is on another article."));
		}
		return Optional.empty();
	}
}
