package dev.gazette.article;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import dev.gazette.refusal.FieldProblem;
import dev.gazette.article.internal.ArticleBodyRenderer;
import dev.gazette.article.internal.MastheadFields;

/**
 * The site's editable pages: About, Contact, Write for us and the discussion guidelines. Editors write them in
 * Markdown; readers get it through the same sanitised path as article bodies, so raw HTML cannot run script.
 */
@Service
public class Pages {

	/** The pages there are, by slug; each is also its address ({@code /about}). */
	public static final List<String> SLUGS = List.of("about", "contact", "write-for-us", "guidelines", "privacy", "terms");

	static final int MAX_TITLE = 100;

	static final int MAX_BODY = 50_000;

	private final JdbcClient jdbc;

	private final ArticleBodyRenderer renderer;

	private final Clock clock;

	Pages(JdbcClient jdbc, ArticleBodyRenderer renderer, Clock clock) {
		this.jdbc = jdbc;
		this.renderer = renderer;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Optional<SitePage> find(String slug) {
		return jdbc.sql("select * from page where slug = :slug").param("slug", slug).query((rs, n) -> page(rs)).optional();
	}

	/** Every page, in the order of {@link #SLUGS}. */
	@Transactional(readOnly = true)
	public List<SitePage> all() {
		List<SitePage> pages = jdbc.sql("select * from page").query((rs, n) -> page(rs)).list();
		return pages.stream().sorted(java.util.Comparator.comparingInt(page -> SLUGS.indexOf(page.slug()))).toList();
	}

	/** What the Markdown will look like on the page (sanitised HTML), without saving anything. */
	public String preview(String markdown) {
		return renderer.renderWithHeadingIds(markdown == null ? "" : markdown);
	}

	/**
	 * Saves a page's title and text, recording who and when.
	 * @throws Refused when the title is blank or either is too long, or there is no such page
	 */
	@Transactional
	public SitePage save(String slug, String title, String markdown, Long accountId, String accountName) {
		find(slug).orElseThrow(() -> new Refused("There is no such page."));
		String cleanTitle = MastheadFields.clean(title);
		String body = markdown == null ? "" : markdown.replace("\r\n", "\n").strip();
		List<FieldProblem> problems = new ArrayList<>();
		if (cleanTitle.isEmpty()) {
			problems.add(new FieldProblem("title", "Please give the page a title."));
		}
		else if (cleanTitle.codePointCount(0, cleanTitle.length()) > MAX_TITLE) {
			problems.add(new FieldProblem("title", "A title can be at most " + MAX_TITLE + " characters long."));
		}
		if (body.isEmpty()) {
			problems.add(new FieldProblem("body", "Please write the page's text."));
		}
		else if (body.codePointCount(0, body.length()) > MAX_BODY) {
			problems.add(new FieldProblem("body", "A page can be at most " + MAX_BODY + " characters long."));
		}
		else if (renderer.tooDeep(body)) {
			problems.add(new FieldProblem("body", MarkdownNesting.PROBLEM));
		}
		if (!problems.isEmpty()) {
			throw new Refused("Please check what is marked.", problems);
		}
		jdbc.sql("""
				update page set title = :title, body_markdown = :body, updated_at = :at, updated_by = :by,
				    updated_by_name = :name where slug = :slug""")
			.param("title", cleanTitle)
			.param("body", body)
			.param("at", clock.instant().atOffset(java.time.ZoneOffset.UTC))
			.param("by", accountId)
			.param("name", accountName)
			.param("slug", slug)
			.update();
		return find(slug).orElseThrow();
	}

	private SitePage page(ResultSet rs) throws SQLException {
		String markdown = rs.getString("body_markdown");
		Instant updated = rs.getObject("updated_at", java.time.OffsetDateTime.class).toInstant();
		return new SitePage(rs.getString("slug"), rs.getString("title"), markdown,
				renderer.renderWithHeadingIds(markdown), updated,
				rs.getString("updated_by_name"));
	}
}
