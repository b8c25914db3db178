package dev.gazette.media.internal;

import dev.gazette.media.MediaItem;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

/** Plain SQL over the {@code media} table. */
@Repository
public class MediaRepository {

	private final JdbcClient jdbc;

	public MediaRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A row with where its files are. */
	public record Stored(MediaItem item, String storageKey) {
	}

	public long insert(String storageKey, String fileName, ImageProcessor.Processed image, long byteSize, String alt,
			String caption, String credit, Long uploadedBy, Instant now) {
		jdbc.sql("""
				insert into media (storage_key, file_name, source_type, rendition_type, width, height, byte_size, widths,
				    alt_text, caption, credit, uploaded_by, created_at, updated_at)
				values (:key, :fileName, :sourceType, :renditionType, :width, :height, :byteSize, :widths,
				    :alt, :caption, :credit, :uploadedBy, :now, :now)""")
			.param("key", storageKey)
			.param("fileName", fileName)
			.param("sourceType", image.sourceType())
			.param("renditionType", image.contentType())
			.param("width", image.width())
			.param("height", image.height())
			.param("byteSize", byteSize)
			.param("widths", image.renditions().keySet().stream().map(String::valueOf).collect(Collectors.joining(",")))
			.param("alt", alt)
			.param("caption", caption)
			.param("credit", credit)
			.param("uploadedBy", uploadedBy)
			.param("now", at(now))
			.update();
		return jdbc.sql("select id from media where storage_key = :key").param("key", storageKey).query(Long.class).single();
	}

	public Optional<Stored> find(long id) {
		return jdbc.sql("select * from media where id = :id").param("id", id).query((rs, n) -> stored(rs)).optional();
	}

	public List<Stored> find(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select * from media where id = any(:ids)").param("ids", new SqlArrayValue("bigint", ids.toArray())).query((rs, n) -> stored(rs)).list();
	}

	/** Newest first; {@code query} (may be blank) matches alt text, caption, credit or file name, ignoring case. */
	public List<MediaItem> recent(String query, int limit, long offset) {
		return jdbc.sql("select * from media " + where(query) + " order by created_at desc, id desc limit :limit offset :offset")
			.param("q", pattern(query))
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> stored(rs).item())
			.list();
	}

	public long count(String query) {
		return jdbc.sql("select count(*) from media " + where(query)).param("q", pattern(query)).query(Long.class).single();
	}

	public boolean describe(long id, String alt, String caption, String credit, Instant now) {
		return jdbc.sql("""
				update media set alt_text = :alt, caption = :caption, credit = :credit, updated_at = :now where id = :id""")
			.param("id", id)
			.param("alt", alt)
			.param("caption", caption)
			.param("credit", credit)
			.param("now", at(now))
			.update() == 1;
	}

	/** @throws org.springframework.dao.DataIntegrityViolationException when an article still uses the image */
	public boolean delete(long id) {
		return jdbc.sql("delete from media where id = :id").param("id", id).update() == 1;
	}

	private static String where(String query) {
		return query == null || query.isBlank() ? "" : """
				where lower(coalesce(alt_text, '')) like :q escape '\\' or lower(coalesce(caption, '')) like :q escape '\\'
				   or lower(coalesce(credit, '')) like :q escape '\\' or lower(file_name) like :q escape '\\'""";
	}

	private static String pattern(String query) {
		if (query == null || query.isBlank()) {
			return null;
		}
		String escaped = query.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
		return "%" + escaped + "%";
	}

	private static Stored stored(ResultSet rs) throws SQLException {
		List<Integer> widths = Arrays.stream(rs.getString("widths").split(",")).map(Integer::valueOf).toList();
		MediaItem item = new MediaItem(rs.getLong("id"), rs.getString("file_name"), rs.getString("source_type"),
				rs.getString("rendition_type"), rs.getInt("width"), rs.getInt("height"), rs.getLong("byte_size"), widths,
				rs.getString("alt_text"), rs.getString("caption"), rs.getString("credit"),
				rs.getObject("uploaded_by", Long.class), instant(rs, "created_at"), instant(rs, "updated_at"));
		return new Stored(item, rs.getString("storage_key"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}
}
