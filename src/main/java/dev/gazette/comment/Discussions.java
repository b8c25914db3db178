package dev.gazette.comment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.gazette.account.Accounts;
import dev.gazette.account.Role;
import dev.gazette.article.Article;
import dev.gazette.comment.internal.CommentRepository;
import dev.gazette.comment.internal.DiscussionDetailsReader;
import dev.gazette.comment.internal.DiscussionRows;
import dev.gazette.comment.internal.Recommendations;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reader discussion as the public sees it: each article's {@link Discussion} snapshot, the page views built from
 * it, and the counts shown beside articles. The writes live in {@link Comments}.
 * <p>
 * A discussion is read far more often than it is written, so each article's snapshot is kept in memory and reused
 * while the article's discussion version (bumped in the same transaction as every change) is unchanged. That check
 * is one primary-key read, so several Gazette nodes stay correct without talking to each other.
 */
@Service
public class Discussions {

	private final CommentRepository repository;

	private final DiscussionRows discussionRows;

	private final DiscussionDetailsReader details;

	private final Recommendations recommendations;

	private final Accounts accounts;

	private final Comments comments;

	private final Clock clock;

	private final CommentProperties properties;

	/** More changed comments than this, and reading them all is cheaper than applying them one by one. */
	static final int MOST_CHANGES = 1000;

	private final Cache<Long, Snapshot> snapshots = Caffeine.newBuilder().maximumSize(500).build();

	/**
	 * How long a kept discussion is brought up to date from its changes before the next change reads every comment
	 * again: who the commenters are (a role granted, an address confirmed, a picture changed) is read again for the
	 * accounts whose comments changed, and for all of them at the latest then.
	 */
	static final Duration READ_IN_FULL_EVERY = Duration.ofMinutes(5);

	/**
	 * A kept discussion, with how many of its version's changes were not recorded on a comment, and when its
	 * comments were last read in full.
	 */
	private record Snapshot(Discussion discussion, long unlistedChanges, Instant readInFull) {
	}

	Discussions(CommentRepository repository, DiscussionRows discussionRows, DiscussionDetailsReader details,
			Recommendations recommendations, Accounts accounts, Comments comments, Clock clock,
			CommentProperties properties) {
		this.repository = repository;
		this.discussionRows = discussionRows;
		this.details = details;
		this.recommendations = recommendations;
		this.accounts = accounts;
		this.comments = comments;
		this.clock = clock;
		this.properties = properties;
	}

	/** A page of an article's discussion ready for a template, as {@code viewerId} (null for a guest) sees it now. */
	public DiscussionView view(Article article, DiscussionPage page, Long viewerId, ZoneId zone) {
		return new DiscussionView(page, "/articles/" + article.slug(), article.commentsOpen(),
				comments.guestsAllowed(article), clock.instant(), zone, viewerId, properties.editWindow(),
				viewerId == null ? Set.of() : recommendations.recommendedBy(article.id(), viewerId),
				viewerId != null && accounts.find(viewerId).filter(a -> a.has(Role.MODERATOR)).isPresent());
	}

	/**
	 * The current public discussion of an article. A cached snapshot at the current version is returned as it is; one
	 * that is behind is brought up to date from the comments changed since its version (one indexed read of those
	 * rows, and only their threads rebuilt), so a post to a discussion of 20,000 comments costs the next reader what
	 * a post to a small one does. The snapshot is built from every stored comment when there is none, when a change
	 * since is not recorded on a comment ({@link DiscussionRows#touch(long, int)}, or a write from outside Gazette
	 * that only bumped the version), or when more than {@link #MOST_CHANGES} comments changed, or when the last full read is {@link #READ_IN_FULL_EVERY} old.
	 */
	@Transactional(readOnly = true)
	public Discussion discussion(long articleId) {
		DiscussionRows.State state = discussionRows.state(articleId);
		Snapshot cached = snapshots.getIfPresent(articleId);
		if (cached != null && cached.discussion().version() == state.version()) {
			return cached.discussion();
		}
		Discussion fresh = cached == null ? null : updated(articleId, cached, state);
		Instant readInFull = fresh == null ? clock.instant() : cached.readInFull();
		if (fresh == null) {
			List<Comment> stored = repository.ofArticle(articleId);
			fresh = Discussion.of(state.version(), stored, properties.repliesPerThread(), properties.pageComments(),
					properties.pagedPageComments(), details.read(articleId, stored));
		}
		snapshots.put(articleId, new Snapshot(fresh, state.unlistedChanges(), readInFull));
		return fresh;
	}

	/** {@code cached} brought up to the version in {@code state} from what changed since, or null when it cannot be. */
	private Discussion updated(long articleId, Snapshot cached, DiscussionRows.State state) {
		Discussion before = cached.discussion();
		if (state.version() < before.version() || state.unlistedChanges() != cached.unlistedChanges()
				|| !clock.instant().isBefore(cached.readInFull().plus(READ_IN_FULL_EVERY))) {
			return null;
		}
		// Read after the version: a change committed in between is read too, and read again from the next version on,
		// which is harmless (a comment is replaced by its stored row, not applied as a difference).
		List<Comment> changed = repository.changedSince(articleId, before.version(), MOST_CHANGES);
		if (changed.size() > MOST_CHANGES) {
			return null;
		}
		return before.updated(state.version(), changed, details.update(articleId, before.details(), changed));
	}

	/** How many published comments each article has; articles without any are absent. */
	@Transactional(readOnly = true)
	public Map<Long, Integer> publishedCounts(Collection<Long> articleIds) {
		return discussionRows.publishedCounts(articleIds);
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
}
