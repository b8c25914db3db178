package dev.gazette.article.internal;

import dev.gazette.publication.NameLikeness;
import dev.gazette.article.Article;
import dev.gazette.article.ArticleCopy;
import dev.gazette.article.ArticleKind;
import dev.gazette.article.ArticlePublished;
import dev.gazette.article.ArticleStamp;
import dev.gazette.article.ArticleState;
import dev.gazette.article.Author;
import dev.gazette.article.DiscussionSettings;
import dev.gazette.article.LeadImage;
import dev.gazette.article.ManuscriptSummary;
import dev.gazette.article.PageVersions;
import dev.gazette.article.Section;
import dev.gazette.article.Source;
import dev.gazette.article.Tag;
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
public class ArticleRepository {

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

	public ArticleRepository(JdbcClient jdbc) {
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
				+ "where a.id in (:ids) and " + VISIBLE)
			.param("ids", ids)
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
				+ "left join section s on s.id = a.section_id where a.id in (:ids)")
			.param("ids", ids)
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
		return jdbc.sql("select a.id from article a where a.id in (:ids) and " + VISIBLE)
			.param("ids", ids)
			.param("now", at(now))
			.query(Long.class)
			.list();
	}

	public record SearchRow(ArticleRow row, ArticleState state) {
	}

	/** Articles whose time has come and that were not announced yet, oldest first. */
	public List<Long> unannounced(Instant now, int limit) {
		return jdbc.sql("select a.id from article a where a.announced_at is null and " + VISIBLE + " order by a.published_at, a.id limit :limit")
			.param("now", at(now))
			.param("limit", limit)
			.query(Long.class)
			.list();
	}

	/**
	 * Sets the announced marker, and marks a scheduled article published; of several callers at once, exactly one sees
	 * it change.
	 */
	public boolean markAnnounced(long id, Instant now) {
		return jdbc.sql("update article a set announced_at = :now, state = 'published' where a.id = :id "
				+ "and a.announced_at is null and " + VISIBLE)
			.param("id", id)
			.param("now", at(now))
			.update() == 1;
	}

	/**
	 * Puts an article just inserted by an import in its state, with its library lead image; a piece already visible is
	 * marked announced (its announcement happened long ago, elsewhere), so nothing announces it again.
	 */
	public void settleImported(long id, ArticleState state, Long leadMediaId, Instant createdAt, Instant now) {
		jdbc.sql("""
				update article set state = :state, lead_media_id = :leadMedia, created_at = :created,
				    state_changed_at = :now, announced_at = :announced
				where id = :id""")
			.param("id", id)
			.param("state", state.key())
			.param("leadMedia", leadMediaId)
			.param("created", at(createdAt))
			.param("now", at(now))
			.param("announced", state == ArticleState.PUBLISHED ? at(now) : null)
			.update();
	}

	/** The event for an article, if it exists. */
	public List<ArticlePublished> announcement(long id) {
		return jdbc.sql("""
				select a.id, a.slug, a.headline, a.published_at, s.slug as section_slug
				from article a left join section s on s.id = a.section_id where a.id = :id""")
			.param("id", id)
			.query((rs, n) -> new ArticlePublished(rs.getLong("id"), rs.getString("slug"), rs.getString("headline"),
					rs.getString("section_slug"), instant(rs, "published_at")))
			.list();
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

	public Map<Long, List<Author>> authorsOf(Collection<Long> articleIds) {
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

	public Map<Long, List<Tag>> tagsOf(Collection<Long> articleIds) {
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

	public Optional<Author> author(String slug) {
		return jdbc.sql("select * from author where slug = :slug").param("slug", slug).query((rs, n) -> author(rs)).optional();
	}

	public Optional<Tag> tag(String slug) {
		return jdbc.sql("select slug, name from tag where slug = :slug")
			.param("slug", slug)
			.query((rs, n) -> new Tag(rs.getString("slug"), rs.getString("name")))
			.optional();
	}

	public List<Author> authors() {
		return jdbc.sql("select * from author order by display_name, id").query((rs, n) -> author(rs)).list();
	}

	public Optional<Section> section(String slug) {
		return jdbc.sql("select * from section where slug = :slug")
			.param("slug", slug)
			.query((rs, n) -> new Section(rs.getLong("id"), rs.getString("slug"), rs.getString("name"),
					rs.getString("description")))
			.optional();
	}

	public List<Section> sections() {
		return jdbc.sql("select * from section order by position, name")
			.query((rs, n) -> new Section(rs.getLong("id"), rs.getString("slug"), rs.getString("name"),
					rs.getString("description")))
			.list();
	}

	public void updateDiscussion(long id, boolean open, DiscussionSettings settings) {
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

	/** Marks changed every article whose lead image (or body) shows this library image, so kept pages and caches re-read it. */
	public void touchArticlesShowing(long mediaId) {
		// A body shows a library image as ![alt](media:42) or ![alt](media:42 "caption"): the two ways the id ends.
		jdbc.sql("""
				update article set version = version + 1
				where lead_media_id = :media or body_markdown like :closed or body_markdown like :titled""")
			.param("media", mediaId)
			.param("closed", "%(media:" + mediaId + ")%")
			.param("titled", "%(media:" + mediaId + " %")
			.update();
	}

	public long countArticles() {
		return jdbc.sql("select count(*) from article").query(Long.class).single();
	}

	// --- writes ---

	public long insertAuthor(String slug, String displayName, String title, String bio, String avatarUrl, Long accountId) {
		jdbc.sql("""
				insert into author (slug, display_name, name_key, title, bio, avatar_url, account_id)
				values (:slug, :name, :key, :title, :bio, :avatar, :account)""")
			.param("account", accountId)
			.param("slug", slug)
			.param("name", displayName)
			.param("key", NameLikeness.key(displayName))
			.param("title", title)
			.param("bio", bio)
			.param("avatar", avatarUrl)
			.update();
		return jdbc.sql("select id from author where slug = :slug").param("slug", slug).query(Long.class).single();
	}

	public long insertSection(String slug, String name, String description, int position) {
		jdbc.sql("insert into section (slug, name, description, position) values (:slug, :name, :description, :position)")
			.param("slug", slug)
			.param("name", name)
			.param("description", description)
			.param("position", position)
			.update();
		return jdbc.sql("select id from section where slug = :slug").param("slug", slug).query(Long.class).single();
	}

	public long insertArticle(ArticleInsert a) {
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
		linkAuthorsAndTags(id, a.authorIds(), a.tagIds());
		return id;
	}

	private void linkAuthorsAndTags(long id, List<Long> authorIds, List<Long> tagIds) {
		int position = 0;
		for (long authorId : authorIds) {
			jdbc.sql("insert into article_author (article_id, author_id, position) values (:article, :author, :position)")
				.param("article", id)
				.param("author", authorId)
				.param("position", position++)
				.update();
		}
		for (long tagId : tagIds) {
			jdbc.sql("insert into article_tag (article_id, tag_id) values (:article, :tag)")
				.param("article", id)
				.param("tag", tagId)
				.update();
		}
	}

	public long tagId(String slug, String name) {
		Optional<Long> existing = jdbc.sql("select id from tag where slug = :slug").param("slug", slug).query(Long.class).optional();
		if (existing.isPresent()) {
			return existing.get();
		}
		jdbc.sql("insert into tag (slug, name) values (:slug, :name)").param("slug", slug).param("name", name).update();
		return jdbc.sql("select id from tag where slug = :slug").param("slug", slug).query(Long.class).single();
	}

	public Optional<Long> authorId(String slug) {
		return jdbc.sql("select id from author where slug = :slug").param("slug", slug).query(Long.class).optional();
	}

	public Optional<Long> sectionId(String slug) {
		return jdbc.sql("select id from section where slug = :slug").param("slug", slug).query(Long.class).optional();
	}

	public boolean slugTaken(String slug) {
		return jdbc.sql("select count(*) from article where slug = :slug").param("slug", slug).query(Long.class).single() > 0;
	}

	// --- the newsroom: articles in any state ---

	public Optional<ManuscriptRow> manuscript(long id) {
		return jdbc.sql("""
				select a.id, a.state, a.slug, a.headline, a.standfirst, a.kind, a.body_markdown, a.source_name, a.source_url,
				       a.canonical_url, a.lead_media_id, a.seo_title, a.seo_description, a.created_by, a.created_at,
				       a.published_at, a.updated_at, a.announced_at, a.version, s.slug as section_slug
				from article a left join section s on s.id = a.section_id where a.id = :id""")
			.param("id", id)
			.query((rs, n) -> {
				String sourceName = rs.getString("source_name");
				ArticleCopy copy = new ArticleCopy(rs.getString("headline"), rs.getString("standfirst"),
						rs.getString("slug"), ArticleKind.fromKey(rs.getString("kind")), rs.getString("section_slug"),
						List.of(), List.of(), rs.getString("body_markdown"),
						sourceName == null ? null : new Source(sourceName, rs.getString("source_url")),
						rs.getString("canonical_url"), rs.getObject("lead_media_id", Long.class), rs.getString("seo_title"),
						rs.getString("seo_description"));
				return new ManuscriptRow(rs.getLong("id"), ArticleState.fromKey(rs.getString("state")), copy,
						(Long) rs.getObject("created_by", Long.class), instant(rs, "created_at"), instant(rs, "published_at"),
						instant(rs, "updated_at"), instant(rs, "announced_at") != null, rs.getLong("version"));
			})
			.optional();
	}

	/**
	 * A page of articles in any state, newest first; {@code state} (as readers experience it) and {@code ownerId}
	 * narrow it when not {@code null}.
	 */
	public List<ManuscriptSummary> manuscripts(ArticleState state, Long ownerId, Instant now, int limit, long offset) {
		return manuscripts(state, ownerId, null, now, limit, offset, false);
	}

	public List<ManuscriptSummary> manuscripts(ArticleState state, Long ownerId, Instant now, int limit, long offset,
			boolean oldestFirst) {
		return manuscripts(state, ownerId, null, now, limit, offset, oldestFirst);
	}

	/** The same, oldest first by when each piece last changed state ({@code oldestFirst}). */
	/** {@code among}: only these pieces (a search's matches), or {@code null} for all. */
	public List<ManuscriptSummary> manuscripts(ArticleState state, Long ownerId, Collection<Long> among, Instant now, int limit,
			long offset, boolean oldestFirst) {
		if (among != null && among.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select a.id, a.state, a.slug, a.headline, a.created_by, a.created_at, a.published_at, a.updated_at, "
				+ "a.state_changed_at from article a " + manuscriptFilter(state, ownerId, among)
				+ (oldestFirst ? " order by coalesce(a.state_changed_at, a.created_at), a.id" : " order by a.id desc")
				+ " limit :limit offset :offset")
			.param("state", state == null ? null : state.key())
			.param("owner", ownerId)
			.param("among", among == null ? List.of(0L) : among)
			.param("now", at(now))
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> {
				ArticleState stored = ArticleState.fromKey(rs.getString("state"));
				Instant publishedAt = instant(rs, "published_at");
				boolean due = publishedAt != null && !publishedAt.isAfter(now);
				return new ManuscriptSummary(rs.getLong("id"),
						stored == ArticleState.SCHEDULED && due ? ArticleState.PUBLISHED : stored, rs.getString("slug"),
						rs.getString("headline"), rs.getObject("created_by", Long.class), instant(rs, "created_at"),
						publishedAt, instant(rs, "updated_at"), instant(rs, "state_changed_at"));
			})
			.list();
	}

	public long countManuscripts(ArticleState state, Long ownerId, Instant now) {
		return countManuscripts(state, ownerId, null, now);
	}

	public long countManuscripts(ArticleState state, Long ownerId, Collection<Long> among, Instant now) {
		if (among != null && among.isEmpty()) {
			return 0;
		}
		return jdbc.sql("select count(*) from article a " + manuscriptFilter(state, ownerId, among))
			.param("state", state == null ? null : state.key())
			.param("owner", ownerId)
			.param("among", among == null ? List.of(0L) : among)
			.param("now", at(now))
			.query(Long.class)
			.single();
	}

	private static String manuscriptFilter(ArticleState state, Long ownerId, Collection<Long> among) {
		StringBuilder where = new StringBuilder("where 1 = 1");
		if (among != null) {
			where.append(" and a.id in (:among)");
		}
		if (state == ArticleState.PUBLISHED) {
			where.append(" and (a.state = 'published' or (a.state = 'scheduled' and a.published_at <= :now))");
		}
		else if (state == ArticleState.SCHEDULED) {
			where.append(" and a.state = 'scheduled' and a.published_at > :now");
		}
		else if (state != null) {
			where.append(" and a.state = :state");
		}
		if (ownerId != null) {
			where.append(" and a.created_by = :owner");
		}
		return where.toString();
	}

	/** Marks a just-inserted article as a draft started by an account, with the newsroom's own fields. */
	public void startDraft(long id, long ownerId, Instant now, ArticleCopy copy) {
		jdbc.sql("""
				update article set state = 'draft', created_by = :owner, created_at = :now, state_changed_at = :now,
				    lead_media_id = :leadMedia,
				    seo_title = :seoTitle, seo_description = :seoDescription
				where id = :id""")
			.param("id", id)
			.param("owner", ownerId)
			.param("now", at(now))
			.param("leadMedia", copy.leadImageId())
			.param("seoTitle", copy.seoTitle())
			.param("seoDescription", copy.seoDescription())
			.update();
	}

	/** Replaces an article's copy, bylines and tags; {@code updatedAt} {@code null} leaves the update time alone. */
	public boolean updateCopy(long id, long version, ArticleCopy copy, Long sectionId, List<Long> authorIds,
			List<Long> tagIds, Instant updatedAt) {
		int updated = jdbc.sql("""
				update article set slug = :slug, headline = :headline, standfirst = :standfirst, body_markdown = :body,
				    kind = :kind, section_id = :section, source_name = :sourceName, source_url = :sourceUrl,
				    canonical_url = :canonical, lead_media_id = :leadMedia, seo_title = :seoTitle,
				    seo_description = :seoDescription, updated_at = coalesce(:updated, updated_at), version = version + 1
				where id = :id and version = :version""")
			.param("id", id)
			.param("version", version)
			.param("slug", copy.slug())
			.param("headline", copy.headline())
			.param("standfirst", copy.standfirst())
			.param("body", copy.bodyMarkdown())
			.param("kind", copy.kind().key())
			.param("section", sectionId)
			.param("sourceName", copy.source() == null ? null : copy.source().name())
			.param("sourceUrl", copy.source() == null ? null : copy.source().url())
			.param("canonical", copy.canonicalUrl())
			.param("leadMedia", copy.leadImageId())
			.param("seoTitle", copy.seoTitle())
			.param("seoDescription", copy.seoDescription())
			.param("updated", at(updatedAt))
			.update();
		if (updated == 0) {
			return false;
		}
		jdbc.sql("delete from article_author where article_id = :id").param("id", id).update();
		jdbc.sql("delete from article_tag where article_id = :id").param("id", id).update();
		linkAuthorsAndTags(id, authorIds, tagIds);
		return true;
	}

	/**
	 * Moves an article to a state if it is still at {@code version}; {@code publishedAt} {@code null} keeps its
	 * publication time.
	 */
	public boolean moveTo(long id, long version, ArticleState state, Instant publishedAt, Instant now) {
		return jdbc.sql("""
				update article set state = :state, published_at = coalesce(:published, published_at), version = version + 1,
				    state_changed_at = :now
				where id = :id and version = :version""")
			.param("id", id)
			.param("now", at(now))
			.param("version", version)
			.param("state", state.key())
			.param("published", at(publishedAt))
			.update() == 1;
	}

	public Optional<Long> holderOfSlug(String slug) {
		return jdbc.sql("select id from article where slug = :slug").param("slug", slug).query(Long.class).optional();
	}

	/** Remembers that an article was at {@code oldSlug}; a slug remembers only its latest article. */
	public void rememberOldSlug(String oldSlug, long articleId, Instant now) {
		jdbc.sql("delete from article_slug_history where slug = :slug").param("slug", oldSlug).update();
		jdbc.sql("insert into article_slug_history (slug, article_id, changed_at) values (:slug, :id, :now)")
			.param("slug", oldSlug)
			.param("id", articleId)
			.param("now", at(now))
			.update();
	}

	/** The current slug of the visible article that was once at {@code oldSlug}. */
	public Optional<String> movedTo(String oldSlug, Instant now) {
		return jdbc.sql("select a.slug from article_slug_history h join article a on a.id = h.article_id "
				+ "where h.slug = :slug and " + VISIBLE)
			.param("slug", oldSlug)
			.param("now", at(now))
			.query(String.class)
			.optional();
	}

	public record ManuscriptRow(long id, ArticleState state, ArticleCopy copy, Long ownerId, Instant createdAt,
			Instant publishedAt, Instant updatedAt, boolean announced, long version) {
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

	private static Author author(ResultSet rs) throws SQLException {
		return new Author(rs.getLong("id"), rs.getString("slug"), rs.getString("display_name"), rs.getString("title"),
				rs.getString("bio"), rs.getString("avatar_url"));
	}

	public static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	public static OffsetDateTime at(Instant instant) {
		return instant == null ? null : instant.atOffset(java.time.ZoneOffset.UTC);
	}

	public record ArticleRow(long id, String slug, String headline, String standfirst, String bodyMarkdown, ArticleKind kind,
			Section section, Instant publishedAt, Instant updatedAt, LeadImage leadImage, Source source,
			String canonicalUrl, boolean commentsOpen, long version, DiscussionSettings discussion, String seoTitle,
			String seoDescription, Long leadMediaId) {
	}

	public record ArticleInsert(String slug, String headline, String standfirst, String bodyMarkdown, ArticleKind kind,
			Long sectionId, List<Long> authorIds, List<Long> tagIds, Instant publishedAt, Instant updatedAt,
			LeadImage leadImage, Source source, String canonicalUrl, boolean commentsOpen) {
	}
}
