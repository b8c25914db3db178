package dev.gazette.comment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.gazette.article.Article;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.comment.CommentRejectedException.FieldProblem;
import dev.gazette.comment.CommentRejectedException.Reason;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

	private final Cache<Long, Discussion> discussions = Caffeine.newBuilder().maximumSize(500).build();

	Comments(CommentRepository repository, ArticleCatalog articles, ApplicationEventPublisher events, Clock clock,
			CommentProperties properties) {
		this.repository = repository;
		this.articles = articles;
		this.events = events;
		this.clock = clock;
		this.properties = properties;
	}

	public CommentProperties settings() {
		return properties;
	}

	/** The current public discussion of an article. */
	@Transactional(readOnly = true)
	public Discussion discussion(long articleId) {
		long version = repository.discussionVersion(articleId);
		Discussion cached = discussions.getIfPresent(articleId);
		if (cached != null && cached.version() == version) {
			return cached;
		}
		Discussion fresh = Discussion.of(version, repository.ofArticle(articleId), properties.repliesPerThread());
		discussions.put(articleId, fresh);
		return fresh;
	}

	/** How many published comments each article has; articles without any are absent. */
	@Transactional(readOnly = true)
	public Map<Long, Integer> publishedCounts(Collection<Long> articleIds) {
		return repository.publishedCounts(articleIds);
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
	 * @throws CommentRejectedException when the article is unknown or closed, or the draft is invalid; nothing is
	 * stored then
	 */
	@Transactional
	public Comment submit(String articleSlug, CommentDraft draft) {
		Article article = articles.find(articleSlug)
			.orElseThrow(() -> new CommentRejectedException(Reason.UNKNOWN_ARTICLE,
					"There is no published article at '" + articleSlug + "'.", List.of()));
		if (!article.commentsOpen()) {
			throw new CommentRejectedException(Reason.CLOSED, "Comments on this article are closed.", List.of());
		}
		if (!properties.guestsAllowed()) {
			throw new CommentRejectedException(Reason.GUESTS_NOT_ALLOWED,
					"Please sign in to comment: this publication does not take comments from guests.", List.of());
		}
		String body = CommentText.clean(draft.body());
		String name = CommentText.cleanName(draft.authorName());
		// Rendering is skipped for an oversized text: it is refused anyway, and rendering it would be wasted work.
		String html = CommentText.length(body) <= CommentProperties.MAX_BODY ? CommentText.toHtml(body) : "";
		List<FieldProblem> problems = validate(article, body, html, name, draft.parentId());
		if (!problems.isEmpty()) {
			throw new CommentRejectedException(Reason.INVALID, "The comment could not be posted.", problems);
		}
		CommentStatus status = CommentStatus.PUBLISHED;
		long id = repository.insert(article.id(), draft.parentId(), name, body, html, status, clock.instant());
		repository.touchDiscussion(article.id(), status == CommentStatus.PUBLISHED ? 1 : 0);
		events.publishEvent(new CommentSubmitted(id, article.id(), article.slug(), draft.parentId(), status));
		return repository.find(id).orElseThrow();
	}

	/**
	 * Brings in a comment written elsewhere (demo content, a migration from another system) with its original time
	 * and status. The text is cleaned and rendered like any other, but not validated against today's limits.
	 */
	@Transactional
	public long importComment(long articleId, Long parentId, String authorName, String body, CommentStatus status,
			Instant createdAt) {
		String text = CommentText.clean(body);
		long id = repository.insert(articleId, parentId, CommentText.cleanName(authorName), text,
				CommentText.toHtml(text), status, createdAt);
		repository.touchDiscussion(articleId, status == CommentStatus.PUBLISHED ? 1 : 0);
		return id;
	}

	private List<FieldProblem> validate(Article article, String body, String html, String name, Long parentId) {
		List<FieldProblem> problems = new ArrayList<>();
		if (body.isEmpty()) {
			problems.add(new FieldProblem("body", "Please write a comment."));
		}
		else if (CommentText.length(body) > CommentProperties.MAX_BODY) {
			problems.add(new FieldProblem("body", "A comment can be at most " + CommentProperties.MAX_BODY
					+ " characters long; this one has " + CommentText.length(body) + "."));
		}
		else if (html.length() > CommentText.MAX_HTML) {
			problems.add(new FieldProblem("body", "This comment repeats its links too often to be shown: please shorten it."));
		}
		if (CommentText.length(name) > CommentProperties.MAX_NAME) {
			problems.add(new FieldProblem("authorName",
					"A display name can be at most " + CommentProperties.MAX_NAME + " characters long."));
		}
		if (parentId != null) {
			Optional<Comment> parent = repository.find(parentId);
			if (parent.isEmpty() || !parent.get().isPublished()) {
				problems.add(new FieldProblem("parentId", "The comment you are replying to does not exist."));
			}
			else if (parent.get().articleId() != article.id()) {
				problems.add(new FieldProblem("parentId", "The comment you are replying to is on another article."));
			}
		}
		return problems;
	}
}
