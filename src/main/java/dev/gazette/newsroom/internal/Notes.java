package dev.gazette.newsroom.internal;

import dev.gazette.newsroom.Note;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Editors' notes to writers, oldest first. */
@Repository
public class Notes {

	private final JdbcClient jdbc;

	public Notes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Note add(long articleId, long accountId, String accountName, String body, Instant at) {
		jdbc.sql("""
				insert into article_note (article_id, account_id, account_name, body, created_at)
				values (:article, :account, :name, :body, :at)""")
			.param("article", articleId)
			.param("account", accountId)
			.param("name", accountName)
			.param("body", body)
			.param("at", at.atOffset(ZoneOffset.UTC))
			.update();
		long id = jdbc.sql("select max(id) from article_note where article_id = :article and account_id = :account")
			.param("article", articleId)
			.param("account", accountId)
			.query(Long.class)
			.single();
		return new Note(id, articleId, accountId, accountName, body, at);
	}

	public List<Note> of(long articleId) {
		return jdbc.sql("select * from article_note where article_id = :id order by created_at, id")
			.param("id", articleId)
			.query((rs, n) -> new Note(rs.getLong("id"), rs.getLong("article_id"), rs.getObject("account_id", Long.class),
					rs.getString("account_name"), rs.getString("body"),
					rs.getObject("created_at", OffsetDateTime.class).toInstant()))
			.list();
	}
}
