package dev.gazette.comment;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.gazette.account.Accounts;
import dev.gazette.article.Article;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.comment.CommentOutcome.Reason;
import dev.gazette.comment.CommentOutcome.Refused;
import dev.gazette.comment.internal.CommentRepository;
import dev.gazette.comment.internal.DiscussionRows;
import dev.gazette.comment.internal.CommentRules;
import dev.gazette.comment.internal.CommentSubmissions;
import dev.gazette.comment.internal.CommentText;
import dev.gazette.comment.internal.CommentWrites;
import dev.gazette.comment.internal.SubmissionKey;
import dev.gazette.refusal.FieldProblem;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A reader's own writes: posting a comment, editing it within the edit window, deleting it. What these share and
 * nothing else does: the draft's rules (length, nesting, the guest's name and address, the parent), screening before
 * the transaction (it may ask services outside Gazette), and the idempotency keys of posts sent twice. Moderators'
 * decisions, imports and the reads other features make are {@link Comments}; what the public sees is
 * {@link Discussions}; the draft's rules themselves are {@code internal.CommentRules}.
 * <p>
 * A little over 300 lines: a post and an edit run the same steps (the text cleaned and checked, screening outside the
 * transaction, the check again inside it, the events) with different stores, and each reads best beside the other.
 */
@Service
public class Commenting {

	private final CommentRepository repository;

	private final DiscussionRows discussionRows;

	private final Comments comments;

	private final ArticleCatalog articles;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final CommentProperties properties;

	private final Accounts accounts;

	private final ObjectProvider<CommentScreening> screening;

	private final TransactionTemplate transaction;

	private final CommentSubmissions submissions;

	private final CommentRules rules;

	private final CommentWrites writes;

	Commenting(CommentRepository repository, DiscussionRows discussionRows, Comments comments,
			ArticleCatalog articles, ApplicationEventPublisher events, Clock clock, CommentProperties properties,
			ObjectProvider<CommentScreening> screening, Accounts accounts, TransactionTemplate transaction,
			CommentSubmissions submissions, CommentRules rules, CommentWrites writes) {
		this.repository = repository;
		this.discussionRows = discussionRows;
		this.comments = comments;
		this.articles = articles;
		this.events = events;
		this.clock = clock;
		this.properties = properties;
		this.screening = screening;
		this.accounts = accounts;
		this.transaction = transaction;
		this.submissions = submissions;
		this.rules = rules;
		this.writes = writes;
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
	 * and stores nothing; the same key with a different request is refused ({@link Reason#KEY_REUSED}). Public for
	 * the module's own form and API, which read the key from the request.
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

	private CommentOutcome submit(String articleSlug, CommentDraft draft, Commenter as, SubmissionKey key) {
		// Announced before the reads and screening, so a group commit about to start waits a moment for it.
		try (CommentWrites.Expected expected = writes.expect()) {
			return submit(articleSlug, draft, as, key, expected);
		}
	}

	private CommentOutcome submit(String articleSlug, CommentDraft draft, Commenter as, SubmissionKey key,
			CommentWrites.Expected expected) {
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
		CommentText.Rendered rendered = rules.rendered(body);
		String html = rendered.html();
		List<FieldProblem> problems = rules.problems(article, body, rendered, commenter, draft.parentId());
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
		return writes.write(expected, () -> {
			// A moderator may have removed the parent since validation; nothing is written before this check.
			Optional<FieldProblem> parentGone = rules.parentProblem(article, draft.parentId());
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
		if (commenter.isGuest() && !comments.guestsAllowed(article)) {
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
		discussionRows.touchBeforeInsert(article.id(), status == CommentStatus.PUBLISHED ? 1 : 0);
		long id = repository.insert(article.id(), parentId, commenter, body, html, status, now, screening.record());
		Comment stored = new Comment(id, article.id(), parentId, commenter.name(), body, html, status, now, null,
				commenter.accountId(), false);
		events.publishEvent(new CommentSubmitted(id, article.id(), article.slug(), parentId, status, UUID.randomUUID(),
				commenter.accountId(), stored.displayName(), screening.record()));
		if (status == CommentStatus.PUBLISHED) {
			events.publishEvent(comments.published(stored, article.slug()));
		}
		return stored;
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
		CommentText.Rendered rendered = rules.rendered(body);
		String html = rendered.html();
		Optional<FieldProblem> problem = rules.bodyProblem(body, rendered);
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
		discussionRows.touch(comment.articleId(), status == CommentStatus.PUBLISHED ? 0 : -1, comment.id());
		repository.updateBody(comment.id(), body, html, clock.instant());
		repository.recordModeration(comment.id(), screening.record());
		if (status != CommentStatus.PUBLISHED) {
			repository.setStatus(comment.id(), status);
		}
		events.publishEvent(new CommentSubmitted(comment.id(), comment.articleId(), article.slug(), comment.parentId(),
				status, UUID.randomUUID(), comment.accountId(), comment.displayName(), screening.record()));
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
	private boolean canEdit(Comment comment, long accountId) {
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
			discussionRows.touch(comment.articleId(), comment.isPublished() ? -1 : 0, commentId);
			repository.markDeleted(commentId);
		}
		return Optional.empty();
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
}
