package dev.gazette.comment;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.Optional;

import dev.gazette.account.Accounts;
import dev.gazette.comment.internal.CommentRepository;
import dev.gazette.comment.internal.CommentSubmissions;
import dev.gazette.comment.internal.CommentText;
import dev.gazette.comment.internal.CommentWrites;
import dev.gazette.comment.internal.GuestNames;
import dev.gazette.comment.internal.SubmissionKey;
import dev.gazette.publication.Publications;
import dev.gazette.article.Article;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.article.MarkdownNesting;
import dev.gazette.comment.CommentOutcome.Reason;
import dev.gazette.comment.CommentOutcome.Refused;
import dev.gazette.mail.EmailAddresses;
import dev.gazette.refusal.FieldProblem;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reader discussion's writes: posting, editing and deleting one's comments, moderators' decisions, and imports.
 * Every change bumps the article's discussion version in its transaction; what the public sees is read through
 * {@link Discussions}.
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

	private final Publications publications;

	Comments(CommentRepository repository, ArticleCatalog articles, ApplicationEventPublisher events, Clock clock,
			CommentProperties properties, ObjectProvider<CommentScreening> screening, Accounts accounts,
			TransactionTemplate transaction, CommentSubmissions submissions, GuestNames guestNames,
			Publications publications) {
		this.publications = publications;
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

	public CommentProperties settings() {
		return properties;
	}

	/**
	 * Stores a reader's comment on a published article and announces it with {@link CommentSubmitted}.
	 * <p>
	 * Not one transaction: screening may ask services outside Gazette, and no database connection may wait on them.
	 * The article, the draft and the screening are settled first; only the writes run in a transaction, which checks
	 * the parent again (a moderator may have removed it in the meantime).
	 * @return posted or held when stored; nudged or refused (unknown or closed article, invalid draft) when nothing
	 * was stored
	 */
	public CommentOutcome submit(String articleSlug, CommentDraft draft, Commenter as) {
		return submit(articleSlug, draft, as, null);
	}

	/**
	 * Stores a comment as {@link #submit} does, once per {@code key}: a request sent again with the same key (a
	 * client that timed out and retried, a form sent twice) gets the comment the first one made ({@code replayed}),
	 * and stores nothing; the same key with a different request is refused ({@link Reason#KEY_REUSED}).
	 */
	public CommentOutcome submitOnce(String articleSlug, CommentDraft draft, Commenter as, SubmissionKey key) {
		Optional<CommentOutcome> earlier = earlier(key);
		if (earlier.isPresent()) {
			return earlier.get();
		}
		try {
			return submit(articleSlug, draft, as, key);
		}
		catch (DuplicateKeyException raced) {
			// Another request with this key stored its comment while this one was being screened; this one's
			// transaction stored nothing.
			return earlier(key).orElseThrow(() -> raced);
		}
	}

	private Optional<CommentOutcome> earlier(SubmissionKey key) {
		return submissions.find(key).map(earlier -> {
			if (!key.sameRequestAs(earlier.fingerprint())) {
				return new Refused(Reason.KEY_REUSED,
						"This Idempotency-Key was already used for a different request. Use a new key for a new comment.");
			}
			Optional<Comment> comment = repository.find(earlier.commentId());
			if (comment.isEmpty()) {
				submissions.forget(key);
				return null;
			}
			return CommentOutcome.of(comment.get(), true);
		});
	}

	private CommentWrites writes;

	/** The writer that commits new comments in groups; set once at start, beside the submit path that uses it. */
	@org.springframework.beans.factory.annotation.Autowired
	void writeWith(CommentWrites writes) {
		this.writes = writes;
	}

	private CommentOutcome submit(String articleSlug, CommentDraft draft, Commenter as, SubmissionKey key) {
		Commenter commenter = withCurrentName(as);
		Optional<Article> found = articles.find(articleSlug);
		if (found.isEmpty()) {
			return new Refused(Reason.UNKNOWN_ARTICLE, "There is no published article at '" + articleSlug + "'.");
		}
		Article article = found.get();
		Optional<Refused> closed = closedTo(article, commenter);
		if (closed.isPresent()) {
			return closed.get();
		}
		String body = CommentText.clean(draft.body());
		CommentText.Rendered rendered = rendered(body);
		String html = rendered.html();
		List<FieldProblem> problems = validate(article, body, rendered, commenter, draft.parentId());
		if (!problems.isEmpty()) {
			return new Refused(Reason.INVALID, "The comment could not be posted.", problems);
		}
		Screening screening = screen(new Submission(article, commenter, body, draft.parentId(), false,
				draft.nudgeAcknowledged()));
		Optional<CommentOutcome> stopped = stopped(screening);
		if (stopped.isPresent()) {
			return stopped.get();
		}
		// Committed together with the posts that arrive at the same moment (group commit, see CommentWrites), and
		// answered only once on disk.
		return writes.write(() -> {
			// A moderator may have removed the parent since validation; nothing is written before this check.
			Optional<FieldProblem> parentGone = parentProblem(article, draft.parentId());
			if (parentGone.isPresent()) {
				return new Refused(Reason.INVALID, "The comment could not be posted.", List.of(parentGone.get()));
			}
			Comment stored = store(article, draft.parentId(), commenter, body, html, screening);
			if (key != null) {
				submissions.remember(key, stored.id(), clock.instant());
			}
			return CommentOutcome.of(stored, false);
		});
	}

	/** Why this article takes no comment from this commenter now, if it does not. */
	private Optional<Refused> closedTo(Article article, Commenter commenter) {
		if (!article.takesCommentsAt(clock.instant())) {
			return Optional.of(new Refused(Reason.CLOSED, "Comments on this article are closed."));
		}
		if (commenter.isGuest() && !guestsAllowed(article)) {
			return Optional.of(new Refused(Reason.GUESTS_NOT_ALLOWED,
					"Please sign in to comment: this publication does not take comments from guests."));
		}
		return Optional.empty();
	}

	private Comment store(Article article, Long parentId, Commenter commenter, String body, String html,
			Screening screening) {
		CommentStatus status = screening.status();
		// The database keeps microseconds: the comment answered is the one a later read returns, without reading it.
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		long id = repository.insert(article.id(), parentId, commenter, body, html, status, now, screening.record());
		repository.touchDiscussion(article.id(), status == CommentStatus.PUBLISHED ? 1 : 0, id);
		Comment stored = new Comment(id, article.id(), parentId, commenter.name(), body, html, status, now, null,
				commenter.accountId(), false);
		events.publishEvent(new CommentSubmitted(id, article.id(), article.slug(), parentId, status, UUID.randomUUID(),
				commenter.accountId(), stored.displayName()));
		if (status == CommentStatus.PUBLISHED) {
			events.publishEvent(published(stored, article.slug()));
		}
		return stored;
	}

	/** The announcement of a comment that became visible, with what its listeners need. */
	private CommentPublished published(Comment comment, String articleSlug) {
		Long parentAccountId = comment.parentId() == null ? null
				: repository.find(comment.parentId()).map(Comment::accountId).orElse(null);
		return new CommentPublished(comment.id(), comment.articleId(), articleSlug, comment.parentId(),
				comment.accountId(), clock.instant(), comment.displayName(), parentAccountId);
	}

	/** Whether guests may comment on this article: its own setting, else the site's. */
	public boolean guestsAllowed(Article article) {
		Boolean own = article.discussion().guestsAllowed();
		return own != null ? own : siteGuestsAllowed();
	}

	/**
	 * Whether guests may comment where an article says nothing: as an admin set it on the settings page, else as
	 * {@code gazette.comments.guests-allowed} says.
	 */
	public boolean siteGuestsAllowed() {
		return publications.current().guestsAllowedOr(properties.guestsAllowed());
	}

	/** Runs screening, outside any transaction (it may ask services outside Gazette). */
	private Screening screen(Submission submission) {
		CommentScreening screening = this.screening.getIfAvailable();
		return screening == null ? Screening.publish() : screening.screen(submission);
	}

	/** A nudge or a refusal by screening stores nothing and tells the reader why. */
	private static Optional<CommentOutcome> stopped(Screening result) {
		if (result.verdict() == Screening.Verdict.NUDGE) {
			return Optional.of(new CommentOutcome.Nudged(result.message(), result.concerns()));
		}
		if (result.verdict() == Screening.Verdict.REFUSE) {
			return Optional.of(new Refused(Reason.SUSPENDED, result.message()));
		}
		return Optional.empty();
	}

	/**
	 * A moderator's decision: publishes, holds or rejects a comment. The discussion's count and version follow; a
	 * comment that becomes visible is announced with {@link CommentPublished}. Which decisions change what is the
	 * comment's own rule ({@link Comment#moderatedTo}).
	 * @throws IllegalArgumentException for an unknown comment or a status moderators do not set
	 */
	@Transactional
	public Comment moderate(long commentId, CommentStatus to) {
		Comment comment = repository.find(commentId)
			.orElseThrow(() -> new IllegalArgumentException("There is no comment " + commentId));
		Optional<CommentStatus> next = comment.moderatedTo(to);
		if (next.isEmpty()) {
			return comment;
		}
		// The discussion's row lock before the comment's, as every change to an existing comment takes them.
		int delta = (to == CommentStatus.PUBLISHED ? 1 : 0) - (comment.isPublished() ? 1 : 0);
		repository.touchDiscussion(comment.articleId(), delta, commentId);
		repository.setStatus(commentId, to);
		if (to == CommentStatus.PUBLISHED) {
			// The slug only names the article in links; an article withdrawn since keeps its comment unannounced.
			articles.slugOf(comment.articleId()).ifPresent(slug -> events.publishEvent(published(comment, slug)));
		}
		return repository.find(commentId).orElseThrow();
	}

	/** Marks a comment as an editor's pick, or not. */
	@Transactional
	public void feature(long commentId, boolean featured) {
		Comment comment = repository.find(commentId)
			.orElseThrow(() -> new IllegalArgumentException("There is no comment " + commentId));
		repository.touchDiscussion(comment.articleId(), 0, commentId);
		repository.setFeatured(commentId, featured);
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
		return importComment(articleId, parentId, authorName, null, body, status, createdAt);
	}

	/** The same, for a comment written by the account {@code accountId} ({@code null}: a guest). */
	@Transactional
	public long importComment(long articleId, Long parentId, String authorName, Long accountId, String body,
			CommentStatus status, Instant createdAt) {
		return importComment(articleId, parentId, authorName, accountId, null, body, status, createdAt);
	}

	/**
	 * The same, for a guest's comment brought from another system with the address they gave there (kept for
	 * moderators, never shown). Not screened and no mail is sent: the comment was judged where it was written.
	 */
	@Transactional
	public long importComment(long articleId, Long parentId, String authorName, Long accountId, String guestEmail,
			String body, CommentStatus status, Instant createdAt) {
		String text = CommentText.clean(body);
		long id = repository.insert(articleId, parentId,
				new Commenter(accountId, CommentText.cleanName(authorName), guestEmail), text, CommentText.toHtml(text),
				status, createdAt);
		repository.touchDiscussion(articleId, status == CommentStatus.PUBLISHED ? 1 : 0, id);
		return id;
	}

	/**
	 * Changes the text of one's own comment, within {@link CommentProperties#editWindow()} of posting; the comment
	 * is then marked as edited. Like {@link #submit}, the new text is screened before the transaction that stores it,
	 * which checks again that the comment may still be edited.
	 * @return posted or held (screening may hold the new text); refused when it is not the account's comment, the
	 * window has passed, or the text is invalid, and nothing changed then. Never nudged: an edit is deliberate.
	 */
	public CommentOutcome edit(long commentId, long accountId, String newBody) {
		Editable editable = editable(commentId, accountId);
		if (editable.refused() != null) {
			return editable.refused();
		}
		Comment comment = editable.comment();
		String body = CommentText.clean(newBody);
		CommentText.Rendered rendered = rendered(body);
		String html = rendered.html();
		Optional<FieldProblem> problem = bodyProblem(body, rendered);
		if (problem.isPresent()) {
			return new Refused(Reason.INVALID, "The comment could not be changed.", List.of(problem.get()));
		}
		Optional<Article> article = articles.find(comment.articleId() == 0 ? "" : articleSlug(comment));
		if (article.isEmpty()) {
			return new Refused(Reason.CLOSED, "This article no longer takes comments.");
		}
		Screening screening = screen(new Submission(article.get(), new Commenter(accountId, comment.authorName(), null),
				body, comment.parentId(), true, true));
		Optional<CommentOutcome> stopped = stopped(screening);
		if (stopped.isPresent()) {
			return stopped.get();
		}
		return transaction.execute(status -> {
			Editable still = editable(commentId, accountId);
			return still.refused() != null ? still.refused()
					: CommentOutcome.of(storeEdit(still.comment(), article.get(), body, html, screening), false);
		});
	}

	private Comment storeEdit(Comment comment, Article article, String body, String html, Screening screening) {
		CommentStatus status = screening.status();
		// The discussion's row lock before the comment's, as every change to an existing comment takes them: a
		// reader recommending this comment meanwhile takes them in that order too, so neither waits on the other.
		repository.touchDiscussion(comment.articleId(), status == CommentStatus.PUBLISHED ? 0 : -1, comment.id());
		repository.updateBody(comment.id(), body, html, clock.instant());
		repository.recordModeration(comment.id(), screening.record());
		if (status != CommentStatus.PUBLISHED) {
			repository.setStatus(comment.id(), status);
		}
		events.publishEvent(new CommentSubmitted(comment.id(), comment.articleId(), article.slug(), comment.parentId(),
				status, UUID.randomUUID(), comment.accountId(), comment.displayName()));
		return repository.find(comment.id()).orElseThrow();
	}

	/** The account's comment if it may still edit it, else why not. */
	private Editable editable(long commentId, long accountId) {
		Optional<Comment> comment = ownComment(commentId, accountId);
		if (comment.isEmpty()) {
			return new Editable(null, notYours());
		}
		if (!canEdit(comment.get(), accountId)) {
			return new Editable(null, new Refused(Reason.INVALID, "A comment can only be edited in the first "
					+ properties.editWindow().toMinutes() + " minutes after posting."));
		}
		return new Editable(comment.get(), null);
	}

	/** A comment, or the refusal that stands in its way. */
	private record Editable(Comment comment, Refused refused) {
	}

	/** Whether the account may still edit this comment now. */
	public boolean canEdit(Comment comment, long accountId) {
		return comment.editableBy(accountId, clock.instant(), properties.editWindow());
	}

	/**
	 * Deletes one's own comment: its text goes, a "deleted" mark stays so replies keep their context. Deleting it
	 * again changes nothing.
	 * @return the refusal when it is not the account's comment (nothing changed), else empty
	 */
	@Transactional
	public Optional<Refused> deleteOwn(long commentId, long accountId) {
		Optional<Comment> own = ownComment(commentId, accountId);
		if (own.isEmpty()) {
			return Optional.of(notYours());
		}
		Comment comment = own.get();
		if (comment.deletable()) {
			repository.touchDiscussion(comment.articleId(), comment.isPublished() ? -1 : 0, commentId);
			repository.markDeleted(commentId);
		}
		return Optional.empty();
	}

	/** An account's latest published comments, newest first, for its profile page. */
	@Transactional(readOnly = true)
	public List<Comment> recentBy(long accountId, int limit) {
		return repository.recentPublishedByAccount(accountId, limit);
	}

	/** Comments as a search index holds them, any status; ids no longer stored are left out. */
	@Transactional(readOnly = true)
	public List<SearchableComment> searchable(Collection<Long> ids) {
		return repository.searchable(ids);
	}

	/** Up to {@code limit} comment ids above {@code after}, ascending: for building an index of every comment. */
	@Transactional(readOnly = true)
	public List<Long> commentIdsAfter(long after, int limit) {
		return repository.idsAfter(after, limit);
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

	private Optional<Comment> ownComment(long commentId, long accountId) {
		return repository.find(commentId).filter(comment -> comment.isBy(accountId));
	}

	private static Refused notYours() {
		return new Refused(Reason.NOT_YOURS, "That is not your comment.");
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
