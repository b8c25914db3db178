package dev.gazette.article.internal;

import dev.gazette.article.ArticlePublished;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static dev.gazette.article.internal.PublishedArticleRepository.VISIBLE;
import static dev.gazette.article.internal.SqlTimes.at;
import static dev.gazette.article.internal.SqlTimes.instant;

/**
 * The announced marker ({@code article.announced_at}) that {@link ArticleAnnouncements} sets once per article, on
 * whichever node gets there first.
 */
@Repository
public class AnnouncementRepository {

	private final JdbcClient jdbc;

	public AnnouncementRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Articles whose time has come and that were not announced yet, oldest first. */
	public List<Long> unannounced(Instant now, int limit) {
		return jdbc.sql("select a.id from article a where a.announced_at is null and " + VISIBLE + " order by a.published_at, a.id limit :limit")
			.param("now", at(now))
			.param("limit", limit)
			.query(Long.class)
			.list();
	}

	/**
	 * Sets the announced marker, and marks a scheduled article published; of several callers at once, exactly one sees
	 * it change.
	 */
	public boolean markAnnounced(long id, Instant now) {
		return jdbc.sql("update article a set announced_at = :now, state = 'published' where a.id = :id "
				+ "and a.announced_at is null and " + VISIBLE)
			.param("id", id)
			.param("now", at(now))
			.update() == 1;
	}

	/** The event for an article, if it exists. */
	public List<ArticlePublished> announcement(long id) {
		return jdbc.sql("""
				select a.id, a.slug, a.headline, a.published_at, s.slug as section_slug
				from article a left join section s on s.id = a.section_id where a.id = :id""")
			.param("id", id)
			.query((rs, n) -> new ArticlePublished(rs.getLong("id"), rs.getString("slug"), rs.getString("headline"),
					rs.getString("section_slug"), instant(rs, "published_at")))
			.list();
	}
}
