package dev.gazette.article.internal;

import dev.gazette.article.ArticleCopy;
import dev.gazette.article.ArticleKind;
import dev.gazette.article.ArticleState;
import dev.gazette.article.DiscussionSettings;
import dev.gazette.article.LeadImage;
import dev.gazette.article.ManuscriptSummary;
import dev.gazette.article.Source;
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
 * Articles in any state, as they are written: a new article with its bylines and tags, a draft's start, its copy, its
 * moves through the workflow, an import's settling, its discussion settings, and the version bump that tells every
 * node's reading cache an article changed; and the newsroom's lists of pieces. Reading what is visible is
 * {@link PublishedArticleRepository}, slugs and old slugs {@link SlugRepository}. A little over 300 lines, because
 * every write to an article row is here: one file shows every way the row changes.
 */
@Repository
public class ManuscriptRepository {

	private final JdbcClient jdbc;

	public ManuscriptRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long countArticles() {
		return jdbc.sql("select count(*) from article").query(Long.class).single();
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
			.param("among", new SqlArrayValue("bigint", among == null ? new Object[0] : among.toArray()))
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
			.param("among", new SqlArrayValue("bigint", among == null ? new Object[0] : among.toArray()))
			.param("now", at(now))
			.query(Long.class)
			.single();
	}

	private static String manuscriptFilter(ArticleState state, Long ownerId, Collection<Long> among) {
		StringBuilder where = new StringBuilder("where 1 = 1");
		if (among != null) {
			where.append(" and a.id = any(:among)");
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

	public record ManuscriptRow(long id, ArticleState state, ArticleCopy copy, Long ownerId, Instant createdAt,
			Instant publishedAt, Instant updatedAt, boolean announced, long version) {
	}

	public record ArticleInsert(String slug, String headline, String standfirst, String bodyMarkdown, ArticleKind kind,
			Long sectionId, List<Long> authorIds, List<Long> tagIds, Instant publishedAt, Instant updatedAt,
			LeadImage leadImage, Source source, String canonicalUrl, boolean commentsOpen) {
	}
}
