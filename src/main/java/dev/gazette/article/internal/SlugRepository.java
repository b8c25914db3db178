package dev.gazette.article.internal;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static dev.gazette.article.internal.PublishedArticleRepository.VISIBLE;
import static dev.gazette.article.internal.SqlTimes.at;

/**
 * Articles' addresses: who holds a slug now (in any state), and the slugs a published article was once at
 * ({@code article_slug_history}), which redirect readers to where it lives now.
 */
@Repository
public class SlugRepository {

	private final JdbcClient jdbc;

	public SlugRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public boolean slugTaken(String slug) {
		return jdbc.sql("select count(*) from article where slug = :slug").param("slug", slug).query(Long.class).single() > 0;
	}

	public Optional<Long> holderOfSlug(String slug) {
		return jdbc.sql("select id from article where slug = :slug").param("slug", slug).query(Long.class).optional();
	}

	/** Remembers that an article was at {@code oldSlug}; a slug remembers only its latest article. */
	public void rememberOldSlug(String oldSlug, long articleId, Instant now) {
		jdbc.sql("delete from article_slug_history where slug = :slug").param("slug", oldSlug).update();
		jdbc.sql("insert into article_slug_history (slug, article_id, changed_at) values (:slug, :id, :now)")
			.param("slug", oldSlug)
			.param("id", articleId)
			.param("now", at(now))
			.update();
	}

	/** The current slug of the visible article that was once at {@code oldSlug}. */
	public Optional<String> movedTo(String oldSlug, Instant now) {
		return jdbc.sql("select a.slug from article_slug_history h join article a on a.id = h.article_id "
				+ "where h.slug = :slug and " + VISIBLE)
			.param("slug", oldSlug)
			.param("now", at(now))
			.query(String.class)
			.optional();
	}
}
