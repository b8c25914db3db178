package dev.gazette.transfer;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.gazette.support.Http;
import dev.gazette.support.Json;
import dev.gazette.support.RunningGazette;
import dev.gazette.transfer.internal.PlainText;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Moving a WordPress site in: the export written in WordPress 6's format ({@code transfer/wordpress-6.xml}) is
 * imported, and everything is checked where a reader (or a moderator) finds it: the article API and page, the
 * discussion, the old addresses.
 */
@RunningGazette
class WordPressImportTests {

	private static final String ARTICLE = "ferry-timetable-winter";

	@Autowired
	WordPressImport importer;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@TempDir
	static Path dir;

	Http http;

	static ImportReport first;

	@BeforeEach
	void importTheHarbourTimes() {
		http = new Http(port);
		if (first == null) {
			first = WordPressFixtures.importHarbourTimes(importer, dir);
		}
	}

	private JsonNode article(String slug) {
		HttpResponse<String> response = http.getJson("/api/v1/articles/" + slug);
		assertThat(response.statusCode()).as(slug).isEqualTo(200);
		return Json.read(response);
	}

	@Test
	void aPostArrivesWithItsTitleExcerptAuthorSectionTagsAndTimes() {
		JsonNode article = article(ARTICLE);

		assertThat(article.get("headline").asString())
			.isEqualTo("Ferry timetable changes for the winter – what you need to know");
		assertThat(article.get("standfirst").asString())
			.isEqualTo("Sailings every hour on weekdays & every two hours at weekends.");
		assertThat(article.get("authors").get(0).get("displayName").asString()).isEqualTo("Oğuz Türk");
		assertThat(article.get("section").asString()).as("the most specific category").isEqualTo("ferries");
		assertThat(article.get("tags").toString()).contains("Timetables", "Winter");
		assertThat(article.get("publishedAt").asString()).isEqualTo("2018-03-05T07:30:00Z");
		assertThat(article.get("updatedAt").asString()).isEqualTo("2018-03-06T10:00:00Z");
		assertThat(article.get("commentsOpen").asBoolean()).isTrue();
		assertThat(http.get("/sections/ferries").body()).contains("Ferries &amp; Boats");
		assertThat(http.get("/articles/" + ARTICLE).body()).contains("Oğuz Türk",
				"Ferry timetable changes for the winter – what you need to know");
	}

	@Test
	void theFeaturedImageComesIntoTheMediaLibraryWithItsAltTextAndCaption() {
		JsonNode image = article(ARTICLE).get("leadImage");

		assertThat(image.get("alt").asString()).isEqualTo("A white ferry leaving the quay at sunrise");
		assertThat(image.get("caption").asString()).isEqualTo("The ferry leaves at dawn");
		assertThat(image.get("url").asString()).startsWith("/media/");
		assertThat(http.get(image.get("url").asString()).statusCode()).isEqualTo(200);
	}

	@Test
	void blockMarkupShortcodesAndScriptAreGoneAndTheWordsStay() {
		String body = article(ARTICLE).get("bodyHtml").asString();

		assertThat(body).contains("<strong>winter timetable</strong>")
			.as("a ]]> split across CDATA sections").contains("a[b[0]]&gt; 1")
			.contains("<figure><img", "<figcaption>The morning ferry at the north quay</figcaption></figure>")
			.contains("<li>Monday to Friday: every hour</li>")
			.contains("href=\"https://video.example/watch?v&#61;harbour\"")
			.contains("Timetables are");
		assertThat(body).doesNotContain("wp:", "[caption", "[embed", "<script", "alert(", "onclick", "javascript:");
	}

	@Test
	void commentsKeepTheirThreadFourDeepTheirWordsAndTheirTimes() {
		JsonNode threads = Json.read(http.getJson("/api/v1/articles/" + ARTICLE + "/comments?sort=oldest"));
		JsonNode first = threads.get(0);
		JsonNode second = first.get("replies").get(0);
		JsonNode third = second.get("replies").get(0);
		JsonNode fourth = third.get("replies").get(0);

		assertThat(first.get("authorName").asString()).isEqualTo("Oğuz Türk");
		assertThat(first.get("createdAt").asString()).isEqualTo("2018-03-05T08:00:00Z");
		assertThat(first.get("bodyHtml").asString()).contains("<em>early</em>",
				"<a href=\"https://harbour.example/timetable\"");
		assertThat(second.get("authorName").asString()).isEqualTo("נועה");
		assertThat(PlainText.decode(second.get("bodyHtml").asString())).contains("שלום! המעבורת חוזרת 🎉");
		assertThat(third.get("authorName").asString()).isEqualTo("Sam");
		assertThat(fourth.get("authorName").asString()).isEqualTo("Ayşe");
		assertThat(PlainText.decode(fourth.get("bodyHtml").asString())).contains("still on topic 🚢");
		assertThat(threads.toString()).doesNotContain("Waiting for a moderator", "cheap pills", "the ferry timetable [")
			.doesNotContain("@mail.example");
		assertThat(http.get("/articles/" + ARTICLE).body()).doesNotContain("@mail.example", "Buy cheap pills");
	}

	@Test
	void heldAndSpamCommentsReachModeratorsOnlyWithTheirAddresses() {
		List<String> rows = jdbc.sql("""
				select c.status || ' ' || c.author_name || ' ' || coalesce(c.guest_email, '-') from comment c
				join article a on a.id = c.article_id where a.slug = :slug order by c.created_at""")
			.param("slug", ARTICLE)
			.query(String.class)
			.list();

		assertThat(rows).as("the WordPress comments; Disqus's, when its tests ran first, come after them")
			.startsWith("published Oğuz Türk oguz.reader@mail.example",
				"published נועה noa.reader@mail.example", "published Sam sam@mail.example",
				"published Ayşe ayse@mail.example", "pending Held Reader held@mail.example",
				"rejected Cheap Pills spam@spam.example");
		assertThat(first.counts(WordPressImport.PINGBACKS).skipped()).isEqualTo(1);
	}

	@Test
	void pagesDraftsAndScheduledPostsKeepTheirPlace() {
		JsonNode page = article("harbour-gallery");
		assertThat(page.get("commentsOpen").asBoolean()).isFalse();
		assertThat(page.get("bodyHtml").asString()).contains("Pictures from the quay.<br />", "Gallery:",
				"href=\"https://harbour.example/wp-content/uploads/2018/03/ferry.png\"");

		assertThat(http.getJson("/api/v1/articles/draft-the-new-marina").statusCode()).isEqualTo(404);
		assertThat(http.getJson("/api/v1/articles/regatta-preview").statusCode()).isEqualTo(404);
		assertThat(state("draft-the-new-marina")).isEqualTo("draft");
		assertThat(state("regatta-preview")).isEqualTo("scheduled");
	}

	private String state(String slug) {
		return jdbc.sql("select state from article where slug = :slug").param("slug", slug).query(String.class).single();
	}

	@Test
	void importingTheSameFileAgainChangesNothingAndSaysSo() {
		assertThat(first.counts(WordPressImport.ARTICLES).created()).isEqualTo(4);
		assertThat(first.counts(WordPressImport.COMMENTS).created()).isEqualTo(6);
		long articles = count("article");
		long comments = count("comment");

		ImportReport again = importer.run(WordPressFixtures.file(dir, "harbour-again.xml",
				WordPressFixtures.text("wordpress-6.xml")), null, false, (d, t) -> {
		});

		assertThat(again.changedNothing()).isTrue();
		assertThat(again.text()).contains("nothing changed");
		assertThat(again.counts(WordPressImport.ARTICLES).skipped()).isEqualTo(4);
		assertThat(again.counts(WordPressImport.COMMENTS).skipped()).isEqualTo(6);
		assertThat(count("article")).isEqualTo(articles);
		assertThat(count("comment")).isEqualTo(comments);
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	@Test
	void aRerunAfterAnInterruptedImportAddsOnlyWhatIsMissingAndAMissingImageIsReportedNotFatal() {
		String site = "https://small.example";
		ImportReport partial = importer.run(WordPressFixtures.file(dir, "small-1.xml",
				WordPressFixtures.smallSite(site, 1)), null, false, (d, t) -> {
				});
		assertThat(partial.counts(WordPressImport.IMAGES).reasons()).singleElement().asString()
			.contains("2017/01/missing.jpg not found");

		ImportReport rest = importer.run(WordPressFixtures.file(dir, "small-2.xml",
				WordPressFixtures.smallSite(site, 1, 2, 3)), null, true, (d, t) -> {
				});
		assertThat(rest.counts(WordPressImport.ARTICLES).created()).as("dry run").isEqualTo(2);
		List<int[]> progress = new ArrayList<>();
		rest = importer.run(dir.resolve("small-2.xml"), null, false, (d, t) -> progress.add(new int[] { d, t }));

		assertThat(rest.counts(WordPressImport.ARTICLES).created()).isEqualTo(2);
		assertThat(rest.counts(WordPressImport.ARTICLES).skipped()).isEqualTo(1);
		assertThat(rest.counts(WordPressImport.COMMENTS).created()).isEqualTo(2);
		assertThat(progress).last().satisfies(p -> assertThat(p).containsExactly(3, 3));
		assertThat(http.get("/?p=3").headers().firstValue("Location").orElseThrow()).startsWith("/articles/small-post-3");
	}

	@Test
	void oldAddressesAnswerWithAPermanentRedirect() {
		long reply = jdbc.sql("select gazette_id from import_record where kind = 'comment' and external_id = '102'")
			.query(Long.class)
			.single();

		assertRedirect("/2018/03/05/ferry-timetable-winter/", "/articles/" + ARTICLE);
		assertRedirect("/?p=42", "/articles/" + ARTICLE);
		assertRedirect("/?page_id=43", "/articles/harbour-gallery");
		assertRedirect("/2018/03/05/ferry-timetable-winter/comment-page-2/", "/articles/" + ARTICLE);
		assertRedirect("/2018/03/05/ferry-timetable-winter/?replytocom=102", "/comments/" + reply);
		assertRedirect("/feed/", "/feeds/rss.xml");
		assertRedirect("/feed/atom/", "/feeds/atom.xml");
		assertRedirect("/category/harbour-news/ferries/feed/", "/feeds/sections/ferries/rss.xml");
		assertRedirect("/category/harbour-news/", "/sections/harbour-news");
		assertRedirect("/tag/timetables/", "/tags/timetables");
		assertRedirect("/author/oguz/", "/authors/oguz");
		assertRedirect("/2018/03/05/ferry-timetable-winter/feed/", "/feeds/articles/" + ARTICLE + "/comments/rss.xml");
		assertThat(http.get("/comments/" + reply).statusCode()).isIn(301, 302, 303);
		assertThat(http.get("/2011/01/never-was/").statusCode()).isEqualTo(404);
		assertThat(http.get("/2018/09/regatta-preview/").statusCode()).as("not yet published").isEqualTo(404);
		assertThat(http.get("/?p=44").statusCode()).as("a draft").isNotEqualTo(301);
	}

	private void assertRedirect(String from, String to) {
		HttpResponse<String> response = http.get(from);
		assertThat(response.statusCode()).as(from).isEqualTo(301);
		assertThat(response.headers().firstValue("Location")).as(from).contains(to);
	}

	@Test
	void brokenOrHostileFilesAreRefusedWithAMessageAndImportNothing() {
		long records = count("import_record");
		long articles = count("article");
		String wxr = WordPressFixtures.text("wordpress-6.xml");

		assertRefused("not-xml.xml", "This is a CSV file, not XML", "not well-formed XML");
		assertRefused("truncated.xml", wxr.substring(0, wxr.indexOf("<wp:comment_id>104")), "ends before");
		assertRefused("laughs.xml", """
				<?xml version="1.0"?>
				<!DOCTYPE rss [
				  <!ENTITY lol "lol">
				  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
				  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
				  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
				]>
				<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel><item><title>&lol3;</title>
				<wp:post_id>1</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status></item></channel></rss>
				""", "billion laughs");
		assertRefused("xxe.xml", """
				<?xml version="1.0"?>
				<!DOCTYPE rss [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
				<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel><item><title>&secret;</title>
				<wp:post_id>1</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status></item></channel></rss>
				""", "XXE");
		assertRefused("feed.xml", "<rss version=\"2.0\"><channel><title>Just a feed</title></channel></rss>",
				"not a WXR export");

		assertThat(count("import_record")).isEqualTo(records);
		assertThat(count("article")).isEqualTo(articles);
	}

	private void assertRefused(String name, String content, String message) {
		Path file = WordPressFixtures.file(dir, name, content);
		assertThatThrownBy(() -> importer.run(file, null, false, (d, t) -> {
		})).isInstanceOf(ImportRefused.class).hasMessageContaining(message).hasMessageContaining("Nothing was imported")
			.hasMessageNotContaining("root:");
	}
}
