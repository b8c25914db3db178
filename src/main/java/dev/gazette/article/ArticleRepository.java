package dev.gazette.article;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;


import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL over the article tables. Lists are loaded in three queries: rows, then bylines and tags for all rows. */
@Repository
class ArticleRepository {

	private static final String ARTICLE_COLUMNS = """
			a.id, a.slug, a.headline, a.standfirst, a.kind, a.published_at, a.updated_at, a.lead_image_url,
			a.lead_image_width, a.lead_image_height, a.lead_image_alt, a.lead_image_caption, a.lead_image_credit,
			a.source_name, a.source_url, a.canonical_url, a.comments_open, a.version, a.premoderated,
			a.comments_close_after_days, a.guests_allowed,
			s.id as section_id, s.slug as section_slug, s.name as section_name, s.description as section_description""";

	private final JdbcClient jdbc;

	ArticleRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Long> versionOfPublished(String slug, Instant now) {
		return jdbc.sql("select version from article where slug = :slug and published_at <= :now")
			.param("slug", slug)
			.param("now", at(now))
			.query(Long.class)
			.optional();
	}

	Optional<String> slugOfPublished(long id, Instant now) {
		return jdbc.sql("select slug from article where id = :id and published_at <= :now")
			.param("id", id)
			.param("now", at(now))
			.query(String.class)
			.optional();
	}

	Optional<ArticleRow> findPublished(String slug, Instant now) {
		return jdbc.sql("select " + ARTICLE_COLUMNS + ", a.body_markdown from article a "
				+ "left join section s on s.id = a.section_id where a.slug = :slug and a.published_at <= :now")
			.param("slug", slug)
			.param("now", at(now))
			.query((rs, n) -> articleRow(rs, rs.getString("body_markdown")))
			.optional();
	}

	List<ArticleRow> latest(Filter filter, Instant now, int limit, long offset) {
		return filter.bind(jdbc.sql("select " + ARTICLE_COLUMNS + " from article a left join section s on s.id = a.section_id "
				+ filter.where() + " order by a.published_at desc, a.id desc limit :limit offset :offset"))
			.param("now", at(now))
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> articleRow(rs, null))
			.list();
	}

	/** Articles published from {@code from} up to (not including) {@code to}, oldest first. */
	List<ArticleRow> publishedBetween(Instant from, Instant to) {
		return jdbc.sql("select " + ARTICLE_COLUMNS + " from article a left join section s on s.id = a.section_id "
				+ "where a.published_at >= :from and a.published_at < :to order by a.published_at, a.id")
			.param("from", at(from))
			.param("to", at(to))
			.query((rs, n) -> articleRow(rs, null))
			.list();
	}

	/** Articles whose time has come and that were not announced yet, oldest first. */
	List<Long> unannounced(Instant now, int limit) {
		return jdbc.sql("select id from article where announced_at is null and published_at <= :now order by published_at, id limit :limit")
			.param("now", at(now))
			.param("limit", limit)
			.query(Long.class)
			.list();
	}

	/** Sets the announced marker; of several callers at once, exactly one sees it change. */
	boolean markAnnounced(long id, Instant now) {
		return jdbc.sql("update article set announced_at = :now where id = :id and announced_at is null and published_at <= :now")
			.param("id", id)
			.param("now", at(now))
			.update() == 1;
	}

	/** The event for an article, if it exists. */
	List<ArticlePublished> announcement(long id) {
		return jdbc.sql("""
				select a.id, a.slug, a.headline, a.published_at, s.slug as section_slug
				from article a left join section s on s.id = a.section_id where a.id = :id""")
			.param("id", id)
			.query((rs, n) -> new ArticlePublished(rs.getLong("id"), rs.getString("slug"), rs.getString("headline"),
					rs.getString("section_slug"), instant(rs, "published_at")))
			.list();
	}

	long count(Filter filter, Instant now) {
		return filter.bind(jdbc.sql("select count(*) from article a left join section s on s.id = a.section_id "
				+ filter.where()))
			.param("now", at(now))
			.query(Long.class)
			.single();
	}

	/** Every published article's address and times, oldest first, a page at a time (for sitemaps). */
	List<ArticleStamp> stamps(Instant now, int limit, long offset) {
		return jdbc.sql("""
				select id, slug, published_at, updated_at from article where published_at <= :now
				order by published_at, id limit :limit offset :offset""")
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
	record Filter(String section, String author, String tag, Instant since) {

		static final Filter ALL = new Filter(null, null, null, null);

		String where() {
			StringBuilder where = new StringBuilder("where a.published_at <= :now");
			if (section != null) {
				where.append(" and s.slug = :section");
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
			return statement.param("section", section).param("author", author).param("tag", tag).param("since", at(since));
		}
	}

	Map<Long, List<Author>> authorsOf(Collection<Long> articleIds) {
		Map<Long, List<Author>> byArticle = new LinkedHashMap<>();
		if (articleIds.isEmpty()) {
			return byArticle;
		}
		jdbc.sql("""
				select aa.article_id, au.* from article_author aa join author au on au.id = aa.author_id
				where aa.article_id in (:ids) order by aa.article_id, aa.position""")
			.param("ids", articleIds)
			.query(rs -> {
				byArticle.computeIfAbsent(rs.getLong("article_id"), id -> new ArrayList<>()).add(author(rs));
			});
		return byArticle;
	}

	Map<Long, List<Tag>> tagsOf(Collection<Long> articleIds) {
		Map<Long, List<Tag>> byArticle = new LinkedHashMap<>();
		if (articleIds.isEmpty()) {
			return byArticle;
		}
		jdbc.sql("""
				select at.article_id, t.slug, t.name from article_tag at join tag t on t.id = at.tag_id
				where at.article_id in (:ids) order by at.article_id, t.name""")
			.param("ids", articleIds)
			.query(rs -> {
				byArticle.computeIfAbsent(rs.getLong("article_id"), id -> new ArrayList<>())
					.add(new Tag(rs.getString("slug"), rs.getString("name")));
			});
		return byArticle;
	}

	Optional<Author> author(String slug) {
		return jdbc.sql("select * from author where slug = :slug").param("slug", slug).query((rs, n) -> author(rs)).optional();
	}

	Optional<Tag> tag(String slug) {
		return jdbc.sql("select slug, name from tag where slug = :slug")
			.param("slug", slug)
			.query((rs, n) -> new Tag(rs.getString("slug"), rs.getString("name")))
			.optional();
	}

	List<Author> authors() {
		return jdbc.sql("select * from author order by display_name, id").query((rs, n) -> author(rs)).list();
	}

	Optional<Section> section(String slug) {
		return jdbc.sql("select * from section where slug = :slug")
			.param("slug", slug)
			.query((rs, n) -> new Section(rs.getLong("id"), rs.getString("slug"), rs.getString("name"),
					rs.getString("description")))
			.optional();
	}

	List<Section> sections() {
		return jdbc.sql("select * from section order by position, name")
			.query((rs, n) -> new Section(rs.getLong("id"), rs.getString("slug"), rs.getString("name"),
					rs.getString("description")))
			.list();
	}

	void updateDiscussion(long id, boolean open, DiscussionSettings settings) {
		jdbc.sql("""
				update article set comments_open = :open, premoderated = :premoderated,
				       comments_close_after_days = :days, guests_allowed = :guests, version = version + 1
				where id = :id""")
			.param("id", id)
			.param("open", open)
			.param("premoderated", settings.premoderated())
			.param("days", settings.closeAfterDays())
			.param("guests", settings.guestsAllowed())
			.update();
	}

	long countArticles() {
		return jdbc.sql("select count(*) from article").query(Long.class).single();
	}

	// --- writes ---

	long insertAuthor(String slug, String displayName, String title, String bio, String avatarUrl) {
		jdbc.sql("insert into author (slug, display_name, title, bio, avatar_url) values (:slug, :name, :title, :bio, :avatar)")
			.param("slug", slug)
			.param("name", displayName)
			.param("title", title)
			.param("bio", bio)
			.param("avatar", avatarUrl)
			.update();
		return jdbc.sql("select id from author where slug = :slug").param("slug", slug).query(Long.class).single();
	}

	long insertSection(String slug, String name, String description, int position) {
		jdbc.sql("insert into section (slug, name, description, position) values (:slug, :name, :description, :position)")
			.param("slug", slug)
			.param("name", name)
			.param("description", description)
			.param("position", position)
			.update();
		return jdbc.sql("select id from section where slug = :slug").param("slug", slug).query(Long.class).single();
	}

	long insertArticle(ArticleInsert a) {
		jdbc.sql("""
				insert into article (slug, headline, standfirst, body_markdown, kind, section_id, published_at, updated_at,
				    lead_image_url, lead_image_width, lead_image_height, lead_image_alt, lead_image_caption, lead_image_credit,
				    source_name, source_url, canonical_url, comments_open)
				values (:slug, :headline, :standfirst, :body, :kind, :section, :published, :updated,
				    :imageUrl, :imageWidth, :imageHeight, :imageAlt, :imageCaption, :imageCredit,
				    :sourceName, :sourceUrl, :canonical, :commentsOpen)""")
			.param("slug", a.slug())
			.param("headline", a.headline())
			.param("standfirst", a.standfirst())
			.param("body", a.bodyMarkdown())
			.param("kind", a.kind().key())
			.param("section", a.sectionId())
			.param("published", at(a.publishedAt()))
			.param("updated", at(a.updatedAt()))
			.param("imageUrl", a.leadImage() == null ? null : a.leadImage().url())
			.param("imageWidth", a.leadImage() == null ? null : a.leadImage().width())
			.param("imageHeight", a.leadImage() == null ? null : a.leadImage().height())
			.param("imageAlt", a.leadImage() == null ? null : a.leadImage().alt())
			.param("imageCaption", a.leadImage() == null ? null : a.leadImage().caption())
			.param("imageCredit", a.leadImage() == null ? null : a.leadImage().credit())
			.param("sourceName", a.source() == null ? null : a.source().name())
			.param("sourceUrl", a.source() == null ? null : a.source().url())
			.param("canonical", a.canonicalUrl())
			.param("commentsOpen", a.commentsOpen())
			.update();
		long id = jdbc.sql("select id from article where slug = :slug").param("slug", a.slug()).query(Long.class).single();
		int position = 0;
		for (long authorId : a.authorIds()) {
			jdbc.sql("insert into article_author (article_id, author_id, position) values (:article, :author, :position)")
				.param("article", id)
				.param("author", authorId)
				.param("position", position++)
				.update();
		}
		for (long tagId : a.tagIds()) {
			jdbc.sql("insert into article_tag (article_id, tag_id) values (:article, :tag)")
				.param("article", id)
				.param("tag", tagId)
				.update();
		}
		return id;
	}

	long tagId(String slug, String name) {
		Optional<Long> existing = jdbc.sql("select id from tag where slug = :slug").param("slug", slug).query(Long.class).optional();
		if (existing.isPresent()) {
			return existing.get();
		}
		jdbc.sql("insert into tag (slug, name) values (:slug, :name)").param("slug", slug).param("name", name).update();
		return jdbc.sql("select id from tag where slug = :slug").param("slug", slug).query(Long.class).single();
	}

	Optional<Long> authorId(String slug) {
		return jdbc.sql("select id from author where slug = :slug").param("slug", slug).query(Long.class).optional();
	}

	Optional<Long> sectionId(String slug) {
		return jdbc.sql("select id from section where slug = :slug").param("slug", slug).query(Long.class).optional();
	}

	boolean slugTaken(String slug) {
		return jdbc.sql("select count(*) from article where slug = :slug").param("slug", slug).query(Long.class).single() > 0;
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
						(Boolean) rs.getObject("guests_allowed")));
	}

	private static Author author(ResultSet rs) throws SQLException {
		return new Author(rs.getLong("id"), rs.getString("slug"), rs.getString("display_name"), rs.getString("title"),
				rs.getString("bio"), rs.getString("avatar_url"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	static OffsetDateTime at(Instant instant) {
		return instant == null ? null : instant.atOffset(java.time.ZoneOffset.UTC);
	}

	record ArticleRow(long id, String slug, String headline, String standfirst, String bodyMarkdown, ArticleKind kind,
			Section section, Instant publishedAt, Instant updatedAt, LeadImage leadImage, Source source,
			String canonicalUrl, boolean commentsOpen, long version, DiscussionSettings discussion) {
	}

	record ArticleInsert(String slug, String headline, String standfirst, String bodyMarkdown, ArticleKind kind,
			Long sectionId, List<Long> authorIds, List<Long> tagIds, Instant publishedAt, Instant updatedAt,
			LeadImage leadImage, Source source, String canonicalUrl, boolean commentsOpen) {
	}
}
