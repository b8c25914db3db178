package dev.gazette.transfer.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

/**
 * The publication's stored rows, read for an export in pages of a few hundred ordered by id (keyset paging: each page
 * starts after the last id of the one before), so that memory holds one page whatever the size of the site and no
 * read holds a transaction open for the length of a download.
 * <p>
 * An export is a copy of what is stored, like a backup, so it reads the tables directly rather than through each
 * module's reader-facing service: those answer what a reader may see (published articles, visible comments), and an
 * export must carry drafts, held and rejected comments and e-mail addresses too. It writes nothing.
 */
@Repository
public class SiteRows {

	private static final int PAGE = 250;

	private final JdbcClient jdbc;

	public SiteRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record Site(String name, String tagline, String timeZone) {
	}

	public record AuthorRow(long id, String slug, String displayName, String title, String bio, String email,
			String websiteUrl) {
	}

	public record SectionRow(long id, String slug, String name, String description, int position) {
	}

	public record TagRow(long id, String slug, String name) {
	}

	public record MediaRow(long id, String fileName, String contentType, int width, int height, long byteSize,
			List<Integer> widths, String alt, String caption, String credit, Instant createdAt, Instant updatedAt) {

		/** The path of the largest rendition, as {@code MediaItem.url} gives it. */
		public String largestPath() {
			return "/media/" + id + "/" + widths.get(widths.size() - 1) + "." + ("image/png".equals(contentType) ? "png"
					: "jpg");
		}
	}

	public record ArticleRow(long id, String slug, String headline, String standfirst, String bodyMarkdown, String kind,
			String state, String section, String sectionName, Instant publishedAt, Instant updatedAt, Instant createdAt,
			boolean commentsOpen, Long leadMediaId, String seoTitle, String seoDescription, String sourceName,
			String sourceUrl, String canonicalUrl, List<String> authors, List<Term> tags) {
	}

	/** A tag on an article: its slug and its name. */
	public record Term(String slug, String name) {
	}

	/** {@code email} is the guest's address, or the account's for a member's comment. */
	public record CommentRow(long id, long articleId, Long parentId, Long accountId, String authorName, String email,
			String body, String bodyHtml, String status, Instant createdAt, Instant editedAt, boolean featured) {
	}

	public record PageRow(String slug, String title, String bodyMarkdown, Instant updatedAt) {
	}

	/** How many of each kind there are, for the admin page and the progress bar. */
	public record Counts(long articles, long comments, long authors, long sections, long tags, long media, long pages) {
	}

	public Site site() {
		return jdbc.sql("select name, tagline, time_zone from publication where id = 1")
			.query((rs, n) -> new Site(rs.getString(1), rs.getString(2), rs.getString(3)))
			.single();
	}

	public Counts counts() {
		return new Counts(count("article"), count("comment"), count("author"), count("section"), count("tag"),
				count("media"), count("page"));
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	/** The highest id among articles and media: exported attachments and pages are numbered above them. */
	public long maxId(String table) {
		return jdbc.sql("select coalesce(max(id), 0) from " + table).query(Long.class).single();
	}

	public void authors(Consumer<AuthorRow> each) {
		paged("""
				select id, slug, display_name, title, bio, email, website_url from author
				where id > :after order by id""", (rs, n) -> new AuthorRow(rs.getLong("id"), rs.getString("slug"),
				rs.getString("display_name"), rs.getString("title"), rs.getString("bio"), rs.getString("email"),
				rs.getString("website_url")), AuthorRow::id, each);
	}

	public void sections(Consumer<SectionRow> each) {
		paged("select id, slug, name, description, position from section where id > :after order by id",
				(rs, n) -> new SectionRow(rs.getLong("id"), rs.getString("slug"), rs.getString("name"),
						rs.getString("description"), rs.getInt("position")), SectionRow::id, each);
	}

	public void tags(Consumer<TagRow> each) {
		paged("select id, slug, name from tag where id > :after order by id",
				(rs, n) -> new TagRow(rs.getLong("id"), rs.getString("slug"), rs.getString("name")), TagRow::id, each);
	}

	public void media(Consumer<MediaRow> each) {
		paged("""
				select id, file_name, rendition_type, width, height, byte_size, widths, alt_text, caption, credit,
				created_at, updated_at from media where id > :after order by id""", (rs, n) -> new MediaRow(
				rs.getLong("id"), rs.getString("file_name"), rs.getString("rendition_type"), rs.getInt("width"),
				rs.getInt("height"), rs.getLong("byte_size"), widths(rs.getString("widths")), rs.getString("alt_text"),
				rs.getString("caption"), rs.getString("credit"), instant(rs, "created_at"), instant(rs, "updated_at")),
				MediaRow::id, each);
	}

	public void pages(Consumer<PageRow> each) {
		jdbc.sql("select slug, title, body_markdown, updated_at from page order by slug")
			.query((rs, n) -> new PageRow(rs.getString("slug"), rs.getString("title"), rs.getString("body_markdown"),
					instant(rs, "updated_at")))
			.list()
			.forEach(each);
	}

	/** Every article in every state, a page at a time, each with its authors' and tags' slugs. */
	public void articles(Consumer<ArticleRow> each) {
		long after = 0;
		while (true) {
			List<ArticleRow> page = jdbc.sql("""
					select a.id, a.slug, a.headline, a.standfirst, a.body_markdown, a.kind, a.state, s.slug section, s.name section_name,
					a.published_at, a.updated_at, a.created_at, a.comments_open, a.lead_media_id, a.seo_title,
					a.seo_description, a.source_name, a.source_url, a.canonical_url
					from article a left join section s on s.id = a.section_id
					where a.id > :after order by a.id limit :page""")
				.param("after", after)
				.param("page", PAGE)
				.query((rs, n) -> new ArticleRow(rs.getLong("id"), rs.getString("slug"), rs.getString("headline"),
						rs.getString("standfirst"), rs.getString("body_markdown"), rs.getString("kind"),
						rs.getString("state"), rs.getString("section"), rs.getString("section_name"), instant(rs, "published_at"),
						instant(rs, "updated_at"), instant(rs, "created_at"), rs.getBoolean("comments_open"),
						(Long) rs.getObject("lead_media_id", Long.class), rs.getString("seo_title"),
						rs.getString("seo_description"), rs.getString("source_name"), rs.getString("source_url"),
						rs.getString("canonical_url"), new ArrayList<>(), new ArrayList<>()))
				.list();
			if (page.isEmpty()) {
				return;
			}
			Map<Long, ArticleRow> byId = new HashMap<>();
			page.forEach(a -> byId.put(a.id(), a));
			List<Long> ids = page.stream().map(ArticleRow::id).toList();
			jdbc.sql("""
					select aa.article_id, au.slug from article_author aa join author au on au.id = aa.author_id
					where aa.article_id = any(:ids) order by aa.article_id, aa.position""")
				.param("ids", new SqlArrayValue("bigint", ids.toArray()))
				.query(rs -> {
					byId.get(rs.getLong(1)).authors().add(rs.getString(2));
				});
			jdbc.sql("""
					select at.article_id, t.slug, t.name from article_tag at join tag t on t.id = at.tag_id
					where at.article_id = any(:ids) order by at.article_id, t.slug""")
				.param("ids", new SqlArrayValue("bigint", ids.toArray()))
				.query(rs -> {
					byId.get(rs.getLong(1)).tags().add(new Term(rs.getString(2), rs.getString(3)));
				});
			page.forEach(each);
			after = page.get(page.size() - 1).id();
		}
	}

	private static final String COMMENT = """
			select c.id, c.article_id, c.parent_id, c.account_id, c.author_name, coalesce(c.guest_email, acc.email) email,
			c.body, c.body_html, c.status, c.created_at, c.edited_at, c.featured
			from comment c left join account acc on acc.id = c.account_id
			""";

	/** One article's comments in every status, oldest id first (a parent always before its replies). */
	public void comments(long articleId, Consumer<CommentRow> each) {
		paged(COMMENT + "where c.article_id = :article and c.id > :after order by c.id", Map.of("article", articleId),
				SiteRows::comment, CommentRow::id, each);
	}

	/** Every comment on the site, by id. */
	public void comments(Consumer<CommentRow> each) {
		paged(COMMENT + "where c.id > :after order by c.id", Map.of(), SiteRows::comment, CommentRow::id, each);
	}

	private static CommentRow comment(ResultSet rs, int n) throws SQLException {
		return new CommentRow(rs.getLong("id"), rs.getLong("article_id"), (Long) rs.getObject("parent_id", Long.class),
				(Long) rs.getObject("account_id", Long.class), rs.getString("author_name"), rs.getString("email"),
				rs.getString("body"), rs.getString("body_html"), rs.getString("status"), instant(rs, "created_at"),
				instant(rs, "edited_at"), rs.getBoolean("featured"));
	}

	private <T> void paged(String sql, org.springframework.jdbc.core.RowMapper<T> mapper,
			java.util.function.ToLongFunction<T> id, Consumer<T> each) {
		paged(sql, Map.of(), mapper, id, each);
	}

	private <T> void paged(String sql, Map<String, Object> params, org.springframework.jdbc.core.RowMapper<T> mapper,
			java.util.function.ToLongFunction<T> id, Consumer<T> each) {
		long after = 0;
		while (true) {
			List<T> page = jdbc.sql(sql + " limit " + PAGE).params(params).param("after", after).query(mapper).list();
			page.forEach(each);
			if (page.size() < PAGE) {
				return;
			}
			after = id.applyAsLong(page.get(page.size() - 1));
		}
	}

	private static List<Integer> widths(String text) {
		List<Integer> widths = new ArrayList<>();
		for (String width : text.split(",")) {
			if (!width.isBlank()) {
				widths.add(Integer.parseInt(width.strip()));
			}
		}
		return widths;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
		return at == null ? null : at.toInstant();
	}
}
