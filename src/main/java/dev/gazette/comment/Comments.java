package dev.gazette.comment;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dev.gazette.comment.internal.CommentRepository;
import dev.gazette.comment.internal.DiscussionRows;
import dev.gazette.comment.internal.CommentText;
import dev.gazette.comment.internal.ModeratedComments;
import dev.gazette.publication.Publications;
import dev.gazette.article.Article;
import dev.gazette.article.ArticleCatalog;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Comments as moderators, other features and imports see them: a moderator's decision ({@link #moderate}) and an
 * editor's pick, the queues and an author's history that moderation reads, the comments a profile, a feed or the
 * search index shows, and comments brought in from elsewhere. Every change bumps the article's discussion version in
 * its transaction. A reader's own writes (posting, editing, deleting) are {@link Commenting}; what the public sees is
 * read through {@link Discussions}.
 */
@Service
public class Comments {

	/** How many of an author's latest comments {@link #recentBy(Long, String, Instant)} gives at most. */
	public static final int RECENT_LIMIT = 100;

	private final CommentRepository repository;

	private final DiscussionRows discussionRows;

	private final ModeratedComments moderated;

	private final ArticleCatalog articles;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final CommentProperties properties;

	private final Publications publications;

	Comments(CommentRepository repository, DiscussionRows discussionRows, ModeratedComments moderated,
			ArticleCatalog articles, ApplicationEventPublisher events, Clock clock, CommentProperties properties,
			Publications publications) {
		this.repository = repository;
		this.discussionRows = discussionRows;
		this.moderated = moderated;
		this.articles = articles;
		this.events = events;
		this.clock = clock;
		this.properties = properties;
		this.publications = publications;
	}

	public CommentProperties settings() {
		return properties;
	}

	/** The announcement of a comment that became visible, with what its listeners need. */
	CommentPublished published(Comment comment, String articleSlug) {
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
		discussionRows.touch(comment.articleId(), delta, commentId);
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
		discussionRows.touch(comment.articleId(), 0, commentId);
		repository.setFeatured(commentId, featured);
	}

	/** Comments in any of {@code statuses}, oldest first (the order moderators work in), optionally of one article. */
	@Transactional(readOnly = true)
	public List<Comment> inStatus(java.util.Set<CommentStatus> statuses, Long articleId, int limit, long offset,
			boolean newestFirst) {
		return moderated.inStatus(statuses, articleId, limit, offset, newestFirst);
	}

	@Transactional(readOnly = true)
	public long countInStatus(java.util.Set<CommentStatus> statuses, Long articleId) {
		return moderated.countInStatus(statuses, articleId);
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

	/**
	 * How an author's comments since {@code since} stand, with every comment ever counted: by account, or for a guest
	 * by e-mail address. For moderators' queue; screening weighs {@link #recentBy(Long, String, Instant)} instead.
	 */
	// No read-only transaction: one statement.
	public AuthorHistory historyOf(Long accountId, String guestEmail, Instant since) {
		return moderated.history(accountId, guestEmail, since);
	}

	/**
	 * An author's comments since {@code since}, newest first and at most {@link #RECENT_LIMIT}: by account, or for a
	 * guest by e-mail address. Screening reads its repeats, bursts and record in the period from this one read.
	 */
	// No read-only transaction: one statement, and on PostgreSQL a transaction is two more round trips (BEGIN, COMMIT)
	// on every comment post, whose screening asks this.
	public List<RecentComment> recentBy(Long accountId, String guestEmail, Instant since) {
		return moderated.recentBy(accountId, guestEmail, since, RECENT_LIMIT);
	}

	/**
	 * How many of an account's comments were ever published, counted up to {@code atMost} (a prolific account's
	 * thousands are not counted to learn that it has more than two).
	 */
	public int publishedAtLeast(long accountId, int atMost) {
		return moderated.publishedUpTo(accountId, atMost);
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
		discussionRows.touchBeforeInsert(articleId, status == CommentStatus.PUBLISHED ? 1 : 0);
		return repository.insert(articleId, parentId,
				new Commenter(accountId, CommentText.cleanName(authorName), guestEmail), text, CommentText.toHtml(text),
				status, createdAt);
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
}
