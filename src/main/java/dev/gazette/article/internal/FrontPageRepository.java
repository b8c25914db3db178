package dev.gazette.article.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The editors' picks ({@code front_pick}): per scope (0, the front page; else a section's id), in order. */
@Repository
public class FrontPageRepository {

	private final JdbcClient jdbc;

	public FrontPageRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The ids of the scope's picks that readers can see now, lead first. */
	public List<Long> visiblePicks(long scope, Instant now) {
		return jdbc.sql("select p.article_id from front_pick p join article a on a.id = p.article_id "
				+ "where p.scope = :scope and " + PublishedArticleRepository.VISIBLE + " order by p.position, p.picked_at")
			.param("scope", scope)
			.param("now", now.atOffset(ZoneOffset.UTC))
			.query(Long.class)
			.list();
	}

	/**
	 * Takes the scope's lock for a change: each scope's picks are read and rewritten by one editor at a time (a
	 * second editor's change waits for the first and then reads its result).
	 */
	public void lock(long scope) {
		jdbc.sql("select article_id from front_pick where scope = :scope for update")
			.param("scope", scope)
			.query(Long.class)
			.list();
	}

	/** Replaces the scope's picks with these, in this order. */
	public void replace(long scope, List<Long> articleIds, Long by, Instant at) {
		jdbc.sql("delete from front_pick where scope = :scope").param("scope", scope).update();
		int position = 0;
		for (long id : articleIds) {
			jdbc.sql("""
					insert into front_pick (scope, position, article_id, picked_by, picked_at)
					values (:scope, :position, :article, :by, :at)""")
				.param("scope", scope)
				.param("position", position++)
				.param("article", id)
				.param("by", by)
				.param("at", at.atOffset(ZoneOffset.UTC))
				.update();
		}
	}
}
