package dev.gazette.newsroom.internal;

import dev.gazette.newsroom.Autosave;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What writers typed in the editor and have not saved: one per piece and writer, apart from the article, so that an
 * autosave never changes what readers see.
 */
@Repository
public class Autosaves {

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	public Autosaves(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void save(long articleId, long accountId, long version, Map<String, String> fields, String body, Instant at) {
		discard(articleId, accountId);
		jdbc.sql("""
				insert into article_autosave (article_id, account_id, version, fields, body, saved_at)
				values (:article, :account, :version, :fields, :body, :at)""")
			.param("article", articleId)
			.param("account", accountId)
			.param("version", version)
			.param("fields", JSON.writeValueAsString(fields))
			.param("body", body)
			.param("at", at.atOffset(ZoneOffset.UTC))
			.update();
	}

	public Optional<Autosave> find(long articleId, long accountId) {
		return jdbc.sql("select * from article_autosave where article_id = :article and account_id = :account")
			.param("article", articleId)
			.param("account", accountId)
			.query((rs, n) -> new Autosave(rs.getLong("article_id"), rs.getLong("version"),
					JSON.readValue(rs.getString("fields"), FIELDS), rs.getString("body"),
					rs.getObject("saved_at", OffsetDateTime.class).toInstant()))
			.optional();
	}

	public void discard(long articleId, long accountId) {
		jdbc.sql("delete from article_autosave where article_id = :article and account_id = :account")
			.param("article", articleId)
			.param("account", accountId)
			.update();
	}

	public static int size(Map<String, String> fields) {
		return JSON.writeValueAsString(fields).length();
	}
}
