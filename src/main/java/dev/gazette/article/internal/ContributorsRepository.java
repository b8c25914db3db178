package dev.gazette.article.internal;

import dev.gazette.publication.NameLikeness;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import dev.gazette.article.Contributors.AuthorInput;
import dev.gazette.article.Contributors.SectionLine;
import dev.gazette.article.Contributors.TagLine;
import dev.gazette.article.Author;
import dev.gazette.article.AuthorProfile;
import dev.gazette.article.Contributors;
import dev.gazette.article.Section;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Sections, tags and author profiles as the newsroom manages them. */
@Repository
public class ContributorsRepository {

	private final JdbcClient jdbc;

	public ContributorsRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// --- sections

	public List<SectionLine> sections() {
		return jdbc.sql("""
				select s.*, (select count(*) from article a where a.section_id = s.id) as articles
				from section s order by s.position, s.name, s.id""")
			.query((rs, n) -> new SectionLine(new Section(rs.getLong("id"), rs.getString("slug"), rs.getString("name"),
					rs.getString("description")), rs.getInt("position"), rs.getLong("articles")))
			.list();
	}

	public boolean sectionSlugTaken(String slug, Long exceptId) {
		return jdbc.sql("select count(*) from section where slug = :slug and id <> :id")
			.param("slug", slug)
			.param("id", exceptId == null ? -1L : exceptId)
			.query(Long.class)
			.single() > 0;
	}

	/** The position after the last section's: a new section goes last in the navigation. */
	public int nextSectionPosition() {
		return jdbc.sql("select coalesce(max(position), -1) + 1 from section").query(Integer.class).single();
	}

	public boolean updateSection(long id, String slug, String name, String description) {
		return jdbc.sql("update section set slug = :slug, name = :name, description = :description where id = :id")
			.param("slug", slug)
			.param("name", name)
			.param("description", description)
			.param("id", id)
			.update() == 1;
	}

	public void setPosition(long id, int position) {
		jdbc.sql("update section set position = :position where id = :id").param("position", position).param("id", id).update();
	}

	public void deleteSection(long id) {
		jdbc.sql("delete from section where id = :id").param("id", id).update();
	}

	/** @return the articles touched */
	public List<Long> touchArticlesInSection(long sectionId) {
		jdbc.sql("update article set version = version + 1 where section_id = :id").param("id", sectionId).update();
		return jdbc.sql("select id from article where section_id = :id").param("id", sectionId).query(Long.class).list();
	}

	// --- tags

	public List<TagLine> tags() {
		return jdbc.sql("""
				select t.id, t.slug, t.name, count(at.article_id) as articles
				from tag t left join article_tag at on at.tag_id = t.id
				group by t.id, t.slug, t.name order by t.name, t.id""")
			.query((rs, n) -> new TagLine(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getLong("articles")))
			.list();
	}

	public Optional<TagLine> tag(long id) {
		return tags().stream().filter(tag -> tag.id() == id).findFirst();
	}

	public Optional<Long> tagIdBySlug(String slug) {
		return jdbc.sql("select id from tag where slug = :slug").param("slug", slug).query(Long.class).optional();
	}

	public void renameTag(long id, String slug, String name) {
		jdbc.sql("update tag set slug = :slug, name = :name where id = :id")
			.param("slug", slug)
			.param("name", name)
			.param("id", id)
			.update();
	}

	/** @return the articles touched */
	public List<Long> touchArticlesTagged(long tagId) {
		jdbc.sql("update article set version = version + 1 where id in (select article_id from article_tag where tag_id = :id)")
			.param("id", tagId)
			.update();
		return jdbc.sql("select article_id from article_tag where tag_id = :id").param("id", tagId).query(Long.class).list();
	}

	/** Moves every article from one tag to another (articles with both keep one) and removes the first. */
	public void mergeTag(long from, long into) {
		jdbc.sql("""
				insert into article_tag (article_id, tag_id)
				select at.article_id, :into from article_tag at
				where at.tag_id = :from and not exists
				  (select 1 from article_tag other where other.article_id = at.article_id and other.tag_id = :into)""")
			.param("from", from)
			.param("into", into)
			.update();
		jdbc.sql("delete from article_tag where tag_id = :id").param("id", from).update();
		jdbc.sql("delete from tag where id = :id").param("id", from).update();
	}

	public void deleteTag(long id) {
		jdbc.sql("delete from tag where id = :id").param("id", id).update();
	}

	// --- authors

	public List<AuthorProfile> authors() {
		return jdbc.sql("select " + AUTHOR_COLUMNS + " from author order by display_name, id").query((rs, n) -> profile(rs)).list();
	}

	public Optional<AuthorProfile> author(long id) {
		return jdbc.sql("select " + AUTHOR_COLUMNS + " from author where id = :id").param("id", id).query((rs, n) -> profile(rs)).optional();
	}

	public Optional<AuthorProfile> author(String slug) {
		return jdbc.sql("select " + AUTHOR_COLUMNS + " from author where slug = :slug")
			.param("slug", slug)
			.query((rs, n) -> profile(rs))
			.optional();
	}

	public Optional<AuthorProfile> authorOfAccount(long accountId) {
		return jdbc.sql("select " + AUTHOR_COLUMNS + " from author where account_id = :account")
			.param("account", accountId)
			.query((rs, n) -> profile(rs))
			.optional();
	}

	public boolean authorSlugTaken(String slug, Long exceptId) {
		return jdbc.sql("select count(*) from author where slug = :slug and id <> :id")
			.param("slug", slug)
			.param("id", exceptId == null ? -1L : exceptId)
			.query(Long.class)
			.single() > 0;
	}

	public boolean nameKeyTaken(String key) {
		return jdbc.sql("select count(*) from author where name_key = :key").param("key", key).query(Long.class).single() > 0;
	}

	public boolean accountLinkedElsewhere(long accountId, Long exceptId) {
		return jdbc.sql("select count(*) from author where account_id = :account and id <> :id")
			.param("account", accountId)
			.param("id", exceptId == null ? -1L : exceptId)
			.query(Long.class)
			.single() > 0;
	}

	public long insertAuthor(AuthorInput in) {
		jdbc.sql("""
				insert into author (slug, display_name, name_key, title, bio, website_url, mastodon_url, x_url, bluesky_url,
				                    linkedin_url, email, account_id)
				values (:slug, :name, :key, :title, :bio, :website, :mastodon, :x, :bluesky, :linkedin, :email, :account)""")
			.params(params(in))
			.update();
		return jdbc.sql("select id from author where slug = :slug").param("slug", in.slug()).query(Long.class).single();
	}

	public void updateAuthor(long id, AuthorInput in) {
		java.util.Map<String, Object> params = params(in);
		params.put("id", id);
		jdbc.sql("""
				update author set slug = :slug, display_name = :name, name_key = :key, title = :title, bio = :bio, website_url = :website,
				    mastodon_url = :mastodon, x_url = :x, bluesky_url = :bluesky, linkedin_url = :linkedin, email = :email,
				    account_id = :account, version = version + 1
				where id = :id""")
			.params(params)
			.update();
	}

	public void setPicture(long id, byte[] png) {
		jdbc.sql("update author set avatar_png = :png, version = version + 1 where id = :id").param("png", png).param("id", id).update();
		long version = jdbc.sql("select version from author where id = :id").param("id", id).query(Long.class).single();
		jdbc.sql("update author set avatar_url = :url where id = :id")
			.param("url", "/author-pictures/" + id + ".png?v=" + version)
			.param("id", id)
			.update();
	}

	public Optional<byte[]> picture(long id) {
		return jdbc.sql("select avatar_png from author where id = :id and avatar_png is not null")
			.param("id", id)
			.query((rs, n) -> rs.getBytes(1))
			.optional();
	}

	/** @return the articles touched */
	public List<Long> touchArticlesBy(long authorId) {
		jdbc.sql("update article set version = version + 1 where id in (select article_id from article_author where author_id = :id)")
			.param("id", authorId)
			.update();
		return jdbc.sql("select article_id from article_author where author_id = :id").param("id", authorId)
			.query(Long.class)
			.list();
	}

	private static final String AUTHOR_COLUMNS = """
			id, slug, display_name, title, bio, avatar_url, website_url, mastodon_url, x_url, bluesky_url, linkedin_url,
			email, account_id, avatar_png is not null as has_picture""";

	private static java.util.Map<String, Object> params(AuthorInput in) {
		java.util.Map<String, Object> params = new java.util.HashMap<>();
		params.put("slug", in.slug());
		params.put("name", in.displayName());
		params.put("key", NameLikeness.key(in.displayName()));
		params.put("title", in.title());
		params.put("bio", in.bio());
		params.put("website", in.websiteUrl());
		params.put("mastodon", in.mastodonUrl());
		params.put("x", in.xUrl());
		params.put("bluesky", in.blueskyUrl());
		params.put("linkedin", in.linkedinUrl());
		params.put("email", in.email());
		params.put("account", in.accountId());
		return params;
	}

	private static AuthorProfile profile(ResultSet rs) throws SQLException {
		long account = rs.getLong("account_id");
		Long accountId = rs.wasNull() ? null : account;
		Author author = new Author(rs.getLong("id"), rs.getString("slug"), rs.getString("display_name"), rs.getString("title"),
				rs.getString("bio"), rs.getString("avatar_url"));
		return new AuthorProfile(author, rs.getString("website_url"), rs.getString("mastodon_url"), rs.getString("x_url"),
				rs.getString("bluesky_url"), rs.getString("linkedin_url"), rs.getString("email"), accountId,
				rs.getBoolean("has_picture"));
	}
}
