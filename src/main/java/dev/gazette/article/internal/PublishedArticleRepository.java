package dev.gazette.article.internal;

import dev.gazette.article.ArticleKind;
import dev.gazette.article.ArticleStamp;
import dev.gazette.article.ArticleState;
import dev.gazette.article.DiscussionSettings;
import dev.gazette.article.LeadImage;
import dev.gazette.article.PageVersions;
import dev.gazette.article.Section;
import dev.gazette.article.Source;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

import static dev.gazette.article.internal.SqlTimes.at;
import static dev.gazette.article.internal.SqlTimes.instant;

/**
 * Articles as readers see them: what is visible now ({@link #VISIBLE}), one by its slug with its versions, pages of
 * lists by a {@link Filter}, sitemap stamps, and the rows the search index keeps. Bylines and tags come from
 * {@link LabelRepository}: a list is loaded in three queries (rows, then bylines and tags for all rows).
 */
@Repository
public class PublishedArticleRepository {

	private static final String ARTICLE_COLUMNS = """
			a.id, a.slug, a.headline, a.standfirst, a.kind, a.published_at, a.updated_at, a.lead_image_url,
			a.lead_image_width, a.lead_image_height, a.lead_image_alt, a.lead_image_caption, a.lead_image_credit,
			a.lead_media_id, a.source_name, a.source_url, a.canonical_url, a.comments_open, a.version, a.premoderated,
			a.comments_close_after_days, a.guests_allowed, a.seo_title, a.seo_description,
			s.id as section_id, s.slug as section_slug, s.name as section_name, s.description as section_description""";

	/**
	 * What readers see: a published article, or a scheduled one whose time has come (the announcer marks it published
	 * soon after, but readers need not wait for it). Needs the alias {@code a} and the parameter {@code :now}.
	 */
	static final String VISIBLE = "a.state in ('published', 'scheduled') and a.published_at <= :now";

	private final JdbcClient jdbc;

	public PublishedArticleRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}


	public Optional<Long> versionOfPublished(String slug, Instant now) {
		return jdbc.sql("select a.version from article a where a.slug = :slug and " + VISIBLE)
			.param("slug", slug)
			.param("now", at(now))
			.query(Long.class)
			.optional();
	}

	/**
	 * The article's and its discussion's versions in one indexed read (the discussion row is the article's, keyed by
	 * its id, and written by the comment feature): a page kept whole in memory is checked with this alone.
	 */
	public Optional<PageVersions> pageVersions(String slug, Instant now) {
		return jdbc.sql("""
				select a.id, a.version, coalesce(d.version, 0) as discussion_version
				from article a left join discussion d on d.article_id = a.id
				where a.slug = :slug and
				""" + VISIBLE)
			.param("slug", slug)
			.param("now", at(now))
			.query((rs, n) -> new PageVersions(rs.getLong("id"), rs.getLong("version"), rs.getLong("discussion_version")))
			.optional();
	}

	public Optional<String> slugOfPublished(long id, Instant now) {
		return jdbc.sql("select a.slug from article a where a.id = :id and " + VISIBLE)
			.param("id", id)
			.param("now", at(now))
			.query(String.class)
			.optional();
	}

	public Optional<ArticleRow> findPublished(String slug, Instant now) {
		return jdbc.sql("select " + ARTICLE_COLUMNS + ", a.body_markdown from article a "
				+ "left join section s on s.id = a.section_id where a.slug = :slug and " + VISIBLE)
			.param("slug", slug)
			.param("now", at(now))
			.query((rs, n) -> articleRow(rs, rs.getString("body_markdown")))
			.optional();
	}

	public List<ArticleRow> latest(Filter filter, Instant now, int limit, long offset) {
		return filter.bind(jdbc.sql("select " + ARTICLE_COLUMNS + " from article a left join section s on s.id = a.section_id "
				+ filter.where() + " order by a.published_at desc, a.id desc limit :limit offset :offset"))
			.param("now", at(now))
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> articleRow(rs, null))
			.list();
	}

	/** These articles, those readers can see now, in no particular order. */
	public List<ArticleRow> visibleRows(Collection<Long> ids, Instant now) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select " + ARTICLE_COLUMNS + " from article a left join section s on s.id = a.section_id "
				+ "where a.id = any(:ids) and " + VISIBLE)
			.param("ids", new SqlArrayValue("bigint", ids.toArray()))
			.param("now", at(now))
			.query((rs, n) -> articleRow(rs, null))
			.list();
	}

	/** Articles published from {@code from} up to (not including) {@code to}, oldest first. */
	public List<ArticleRow> publishedBetween(Instant from, Instant to) {
		return jdbc.sql("select " + ARTICLE_COLUMNS + " from article a left join section s on s.id = a.section_id "
				+ "where a.published_at >= :from and a.published_at < :to and " + VISIBLE + " order by a.published_at, a.id")
			.param("from", at(from))
			.param("to", at(to))
			.param("now", at(to))
			.query((rs, n) -> articleRow(rs, null))
			.list();
	}

	/** Articles in any state with their body, for the search index. */
	public List<SearchRow> forSearch(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select " + ARTICLE_COLUMNS + ", a.body_markdown, a.state from article a "
				+ "left join section s on s.id = a.section_id where a.id = any(:ids)")
			.param("ids", new SqlArrayValue("bigint", ids.toArray()))
			.query((rs, n) -> new SearchRow(articleRow(rs, rs.getString("body_markdown")),
					ArticleState.fromKey(rs.getString("state"))))
			.list();
	}

	/** Article ids above {@code afterId}, ascending: a whole-catalogue walk in batches. */
	public List<Long> idsAfter(long afterId, int limit) {
		return jdbc.sql("select id from article where id > :after order by id limit :limit")
			.param("after", afterId)
			.param("limit", limit)
			.query(Long.class)
			.list();
	}

	/** Which of these articles readers may see now. */
	public List<Long> visibleAmong(Collection<Long> ids, Instant now) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select a.id from article a where a.id = any(:ids) and " + VISIBLE)
			.param("ids", new SqlArrayValue("bigint", ids.toArray()))
			.param("now", at(now))
			.query(Long.class)
			.list();
	}

	public record SearchRow(ArticleRow row, ArticleState state) {
	}


	public long count(Filter filter, Instant now) {
		return filter.bind(jdbc.sql("select count(*) from article a left join section s on s.id = a.section_id "
				+ filter.where()))
			.param("now", at(now))
			.query(Long.class)
			.single();
	}

	/** Every published article's address and times, oldest first, a page at a time (for sitemaps). */
	public List<ArticleStamp> stamps(Instant now, int limit, long offset) {
		return jdbc.sql("""
				select a.id, a.slug, a.published_at, a.updated_at from article a
				where a.state in ('published', 'scheduled') and a.published_at <= :now
				order by a.published_at, a.id limit :limit offset :offset""")
			.param("now", at(now))
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> new ArticleStamp(rs.getLong("id"), rs.getString("slug"), instant(rs, "published_at"),
					instant(rs, "updated_at")))
			.list();
	}

	/**
	 * Which articles a list shows: all published ones, or those in one section, by one author, with one tag,
	 * published since an instant; {@code null} leaves a condition out.
	 */
	public record Filter(String section, String author, String tag, Instant since, ArticleKind kind) {

		public static final Filter ALL = new Filter(null, null, null, null);

		public Filter(String section, String author, String tag, Instant since) {
			this(section, author, tag, since, null);
		}

		String where() {
			StringBuilder where = new StringBuilder("where " + VISIBLE);
			if (section != null) {
				where.append(" and s.slug = :section");
			}
			if (kind != null) {
				where.append(" and a.kind = :kind");
			}
			if (author != null) {
				where.append(" and exists (select 1 from article_author aa join author au on au.id = aa.author_id "
						+ "where aa.article_id = a.id and au.slug = :author)");
			}
			if (tag != null) {
				where.append(" and exists (select 1 from article_tag art join tag t on t.id = art.tag_id "
						+ "where art.article_id = a.id and t.slug = :tag)");
			}
			if (since != null) {
				where.append(" and a.published_at >= :since");
			}
			return where.toString();
		}

		JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
			return statement.param("section", section)
				.param("author", author)
				.param("tag", tag)
				.param("since", at(since))
				.param("kind", kind == null ? null : kind.key());
		}
	}

	// --- mapping ---

	private static ArticleRow articleRow(ResultSet rs, String bodyMarkdown) throws SQLException {
		long sectionId = rs.getLong("section_id");
		Section section = rs.wasNull() ? null : new Section(sectionId, rs.getString("section_slug"),
				rs.getString("section_name"), rs.getString("section_description"));
		String imageUrl = rs.getString("lead_image_url");
		LeadImage image = imageUrl == null ? null : new LeadImage(imageUrl, (Integer) rs.getObject("lead_image_width"),
				(Integer) rs.getObject("lead_image_height"), rs.getString("lead_image_alt"),
				rs.getString("lead_image_caption"), rs.getString("lead_image_credit"));
		String sourceName = rs.getString("source_name");
		Source source = sourceName == null ? null : new Source(sourceName, rs.getString("source_url"));
		return new ArticleRow(rs.getLong("id"), rs.getString("slug"), rs.getString("headline"),
				rs.getString("standfirst"), bodyMarkdown, ArticleKind.fromKey(rs.getString("kind")), section,
				instant(rs, "published_at"), instant(rs, "updated_at"), image, source, rs.getString("canonical_url"),
				rs.getBoolean("comments_open"), rs.getLong("version"),
				new DiscussionSettings(rs.getBoolean("premoderated"), (Integer) rs.getObject("comments_close_after_days"),
						(Boolean) rs.getObject("guests_allowed")),
				rs.getString("seo_title"), rs.getString("seo_description"), rs.getObject("lead_media_id", Long.class));
	}

	public record ArticleRow(long id, String slug, String headline, String standfirst, String bodyMarkdown, ArticleKind kind,
			Section section, Instant publishedAt, Instant updatedAt, LeadImage leadImage, Source source,
			String canonicalUrl, boolean commentsOpen, long version, DiscussionSettings discussion, String seoTitle,
			String seoDescription, Long leadMediaId) {
	}
}
