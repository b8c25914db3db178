package dev.gazette.article.internal;

import dev.gazette.publication.NameLikeness;
import dev.gazette.article.Author;
import dev.gazette.article.Section;
import dev.gazette.article.Tag;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

/**
 * What an article is filed under and by: sections, authors and tags as the catalogue and the newsroom's drafts name
 * them (by slug), the bylines and tags of many articles at once, and the plain inserts the catalogue makes. The
 * masthead's own management of the same rows (order, renames, merges, pictures, linked accounts) is
 * {@link ContributorsRepository}: it changes with the admin pages, this with what an article carries.
 */
@Repository
public class LabelRepository {

	private final JdbcClient jdbc;

	public LabelRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Map<Long, List<Author>> authorsOf(Collection<Long> articleIds) {
		Map<Long, List<Author>> byArticle = new LinkedHashMap<>();
		if (articleIds.isEmpty()) {
			return byArticle;
		}
		jdbc.sql("""
				select aa.article_id, au.* from article_author aa join author au on au.id = aa.author_id
				where aa.article_id = any(:ids) order by aa.article_id, aa.position""")
			.param("ids", new SqlArrayValue("bigint", articleIds.toArray()))
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
				where at.article_id = any(:ids) order by at.article_id, t.name""")
			.param("ids", new SqlArrayValue("bigint", articleIds.toArray()))
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

	// --- mapping ---

	private static Author author(ResultSet rs) throws SQLException {
		return new Author(rs.getLong("id"), rs.getString("slug"), rs.getString("display_name"), rs.getString("title"),
				rs.getString("bio"), rs.getString("avatar_url"));
	}

}
