package dev.gazette.transfer.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Clock;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What each thing in a source became here ({@code import_record}), and the old addresses that lead to articles
 * ({@code import_redirect}). Written in the same transaction as the rows they describe.
 */
@Repository
public class ImportLedger {

	private final JdbcClient jdbc;

	private final Clock clock;

	public ImportLedger(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public Optional<Long> id(String source, String kind, String externalId) {
		return jdbc.sql("select gazette_id from import_record where source = :source and kind = :kind and external_id = :id")
			.param("source", source)
			.param("kind", kind)
			.param("id", externalId)
			.query(Long.class)
			.optional();
	}

	public Optional<String> key(String source, String kind, String externalId) {
		return jdbc.sql("select gazette_key from import_record where source = :source and kind = :kind and external_id = :id")
			.param("source", source)
			.param("kind", kind)
			.param("id", externalId)
			.query(String.class)
			.optional();
	}

	/** The id a thing of this kind got here, whichever source it came from (old addresses do not name their site). */
	public Optional<Long> anySource(String kind, String externalId) {
		return jdbc.sql("select gazette_id from import_record where kind = :kind and external_id = :id order by imported_at limit 1")
			.param("kind", kind)
			.param("id", externalId)
			.query(Long.class)
			.optional();
	}

	public Optional<String> anySourceKey(String kind, String externalId) {
		return jdbc.sql("select gazette_key from import_record where kind = :kind and external_id = :id order by imported_at limit 1")
			.param("kind", kind)
			.param("id", externalId)
			.query(String.class)
			.optional();
	}

	public void record(String source, String kind, String externalId, Long gazetteId, String gazetteKey) {
		jdbc.sql("""
				insert into import_record (source, kind, external_id, gazette_id, gazette_key, imported_at)
				values (:source, :kind, :id, :gazetteId, :key, :now)""")
			.param("source", source)
			.param("kind", kind)
			.param("id", externalId)
			.param("gazetteId", gazetteId)
			.param("key", gazetteKey)
			.param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
			.update();
	}

	/** Records an old address unless one is there already (two posts claiming one address: the first keeps it). */
	public void redirect(String oldPath, long articleId) {
		if (oldPath == null || oldPath.isEmpty() || oldPath.length() > 1000) {
			return;
		}
		int there = jdbc.sql("select count(*) from import_redirect where old_path = :path")
			.param("path", oldPath)
			.query(Integer.class)
			.single();
		if (there == 0) {
			jdbc.sql("insert into import_redirect (old_path, article_id) values (:path, :article)")
				.param("path", oldPath)
				.param("article", articleId)
				.update();
		}
	}

	public Optional<Long> articleAt(String oldPath) {
		return jdbc.sql("select article_id from import_redirect where old_path = :path")
			.param("path", oldPath)
			.query(Long.class)
			.optional();
	}
}
