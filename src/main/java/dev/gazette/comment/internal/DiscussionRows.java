package dev.gazette.comment.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import dev.gazette.transaction.PerTransaction;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

/**
 * The {@code discussion} table: one row per article with comments, whose version every change to one of its comments
 * bumps (and stamps the comment with), so a node brings its kept snapshot up to date from the comments changed since,
 * and whose published count the article lists show.
 * <p>
 * Every write to an existing comment touches its discussion first, in the same transaction, before the comment's own
 * statement ({@link CommentRepository}): the discussion's row lock taken first serialises concurrent writes to one
 * article, so the stamps follow the order of the versions and two writers never wait on each other's locks.
 */
@Repository
public class DiscussionRows {

	private final JdbcClient jdbc;

	/**
	 * The articles whose version the current transaction bumped for a new comment, each with the published count of
	 * its new comments since, added just before the commit.
	 */
	private final PerTransaction<Map<Long, int[]>> newComments = new PerTransaction<>(HashMap::new,
			this::addLaterCounts);

	DiscussionRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records a change to an article's discussion that no comment row records (a comment removed from the database,
	 * an account renamed everywhere): bumps its version (so every node drops its cached copy) and adjusts the
	 * published count; a node rebuilds its copy from every comment then. The row lock this takes also serialises
	 * concurrent writes to one article.
	 */
	public void touch(long articleId, int publishedDelta) {
		bump(articleId, publishedDelta, false);
	}

	/**
	 * Records a change to one comment of an article's discussion: bumps the discussion's version, adjusts the
	 * published count and stamps the comment with the new version, so a node brings its copy up to date by reading
	 * only the comments stamped after it ({@link CommentRepository#changedSince}). The row lock taken first also
	 * serialises concurrent writes to one article, so stamps follow the order of the versions.
	 */
	public void touch(long articleId, int publishedDelta, long commentId) {
		bump(articleId, publishedDelta, true);
		jdbc.sql("update comment set changed_in = (select version from discussion where article_id = :article) where id = :id")
			.param("article", articleId)
			.param("id", commentId)
			.update();
	}

	/**
	 * Records a new comment of an article's discussion, before it is inserted: bumps the discussion's version and
	 * adjusts the published count, as {@link #touch(long, int, long)} does, and the insert that follows stamps the
	 * comment with that version in its own statement ({@link CommentRepository#insert}), so a new comment is written
	 * once instead of inserted and then updated. Taking the row lock before the insert also keeps the rule above.
	 * <p>
	 * In a transaction, only the first new comment of an article bumps: the others it inserts share that version (they
	 * commit together, so a node reading the comments changed since an older version gets all of them), and their
	 * published count is added once, just before the commit. A group commit of many posts to one article thus updates
	 * the row twice instead of once a post.
	 */
	public void touchBeforeInsert(long articleId, int publishedDelta) {
		Optional<Map<Long, int[]>> bumped = newComments.current();
		int[] later = bumped.map(articles -> articles.get(articleId)).orElse(null);
		if (later != null) {
			later[0] += publishedDelta;
			return;
		}
		bump(articleId, publishedDelta, true);
		bumped.ifPresent(articles -> articles.put(articleId, new int[1]));
	}

	/** Adds, just before the commit, the published comments inserted after the first of each article. */
	private void addLaterCounts(Map<Long, int[]> bumped) {
		bumped.forEach((articleId, later) -> {
			if (later[0] != 0) {
				jdbc.sql("update discussion set published_count = published_count + :delta where article_id = :article")
					.param("article", articleId)
					.param("delta", later[0])
					.update();
			}
		});
	}

	/** One statement once the row exists (every change after an article's first); two more the first time. */
	private void bump(long articleId, int publishedDelta, boolean listed) {
		if (update(articleId, publishedDelta, listed) == 0) {
			jdbc.sql("insert into discussion (article_id) values (:article) on conflict do nothing")
				.param("article", articleId)
				.update();
			update(articleId, publishedDelta, listed);
		}
	}

	private int update(long articleId, int publishedDelta, boolean listed) {
		return jdbc.sql("update discussion set version = version + 1, published_count = published_count + :delta"
				+ (listed ? ", listed_changes = listed_changes + 1" : "") + " where article_id = :article")
			.param("article", articleId)
			.param("delta", publishedDelta)
			.update();
	}

	/** An article's discussion version, and how many of its changes no comment records (0, 0 without comments). */
	public State state(long articleId) {
		return jdbc.sql("select version, version - listed_changes as unlisted from discussion where article_id = :article")
			.param("article", articleId)
			.query((rs, n) -> new State(rs.getLong("version"), rs.getLong("unlisted")))
			.optional()
			.orElse(new State(0, 0));
	}

	/**
	 * @param unlistedChanges how many bumps of the version recorded no comment: any write that only bumps the version
	 * (a row removed, a rename, another program) grows it, so a node can tell its copy cannot be brought up to date
	 * from the comments alone
	 */
	public record State(long version, long unlistedChanges) {
	}

	/** How many published comments each article has; articles without a discussion row are absent. */
	public Map<Long, Integer> publishedCounts(Collection<Long> articleIds) {
		Map<Long, Integer> counts = new HashMap<>();
		if (articleIds.isEmpty()) {
			return counts;
		}
		jdbc.sql("select article_id, published_count from discussion where article_id = any(:ids)")
			.param("ids", new SqlArrayValue("bigint", articleIds.toArray()))
			.query(rs -> {
				counts.put(rs.getLong("article_id"), rs.getInt("published_count"));
			});
		return counts;
	}
}
