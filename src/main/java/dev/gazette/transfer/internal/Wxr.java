package dev.gazette.transfer.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** What a WordPress export (WXR 1.1 or 1.2) holds, as the reader hands it over, one thing at a time. */
public final class Wxr {

	private static final DateTimeFormatter WORDPRESS_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private Wxr() {
	}

	/** {@code wp:author}: the login is what posts name in {@code dc:creator}. */
	public record Author(String login, String email, String displayName, String firstName, String lastName) {
	}

	/** {@code wp:category}: {@code nicename} is the slug, {@code parent} the parent's slug (or empty). */
	public record Category(String nicename, String parent, String name, String description) {
	}

	public record Tag(String slug, String name) {
	}

	/** A {@code <category>} on an item: domain {@code category} or {@code post_tag}. */
	public record Term(String domain, String nicename, String name) {
	}

	public record Comment(String id, String author, String email, String url, Instant date, String content, String approved,
			String type, String parent) {

		public boolean isTopLevel() {
			return parent == null || parent.isBlank() || parent.equals("0");
		}
	}

	/** An {@code <item>}: a post, a page, an attachment or anything else a plugin keeps as a post type. */
	public record Item(String id, String title, String link, String creator, String content, String excerpt, Instant date,
			Instant modified, String name, String status, String type, String parent, String attachmentUrl,
			boolean commentsOpen, List<Term> terms, Map<String, String> meta, List<Comment> comments) {

		public String meta(String key) {
			return meta.get(key);
		}
	}

	/**
	 * A WordPress time: the GMT field when it is set (drafts have {@code 0000-00-00 00:00:00} there), else the local
	 * field read as UTC, since the export does not say the site's zone.
	 */
	public static Instant time(String gmt, String local) {
		Instant at = parse(gmt);
		return at != null ? at : parse(local);
	}

	private static Instant parse(String text) {
		if (text == null || text.isBlank() || text.startsWith("0000")) {
			return null;
		}
		try {
			return LocalDateTime.parse(text.strip(), WORDPRESS_TIME).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}
}
