package dev.gazette.newsroom.internal;

import dev.gazette.newsroom.Revision;
import dev.gazette.newsroom.RevisionFields;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every saved state of every piece. A revision is numbered in the transaction that changed the article row, which
 * holds that row's lock, so two saves of one piece never take the same number.
 */
@Repository
public class Revisions {

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	public Revisions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Revision add(long articleId, Long accountId, String accountName, Instant at, String summary, RevisionFields fields,
			String body) {
		int number = jdbc.sql("select coalesce(max(number), 0) + 1 from article_revision where article_id = :id")
			.param("id", articleId)
			.query(Integer.class)
			.single();
		jdbc.sql("""
				insert into article_revision (article_id, number, account_id, account_name, created_at, summary, fields,
				    body_markdown)
				values (:article, :number, :account, :name, :at, :summary, :fields, :body)""")
			.param("article", articleId)
			.param("number", number)
			.param("account", accountId)
			.param("name", accountName)
			.param("at", at.atOffset(ZoneOffset.UTC))
			.param("summary", summary)
			.param("fields", JSON.writeValueAsString(fields))
			.param("body", body)
			.update();
		return new Revision(articleId, number, accountId, accountName, at, summary, fields, body);
	}

	public boolean any(long articleId) {
		return jdbc.sql("select count(*) from article_revision where article_id = :id")
			.param("id", articleId)
			.query(Long.class)
			.single() > 0;
	}

	/** A piece's revisions, newest first. */
	public List<Revision> of(long articleId) {
		return jdbc.sql("select * from article_revision where article_id = :id order by number desc")
			.param("id", articleId)
			.query((rs, n) -> revision(rs))
			.list();
	}

	public Optional<Revision> find(long articleId, int number) {
		return jdbc.sql("select * from article_revision where article_id = :id and number = :number")
			.param("id", articleId)
			.param("number", number)
			.query((rs, n) -> revision(rs))
			.optional();
	}

	private static Revision revision(ResultSet rs) throws SQLException {
		OffsetDateTime at = rs.getObject("created_at", OffsetDateTime.class);
		return new Revision(rs.getLong("article_id"), rs.getInt("number"), rs.getObject("account_id", Long.class),
				rs.getString("account_name"), at.toInstant(), rs.getString("summary"),
				JSON.readValue(rs.getString("fields"), RevisionFields.class), rs.getString("body_markdown"));
	}
}
