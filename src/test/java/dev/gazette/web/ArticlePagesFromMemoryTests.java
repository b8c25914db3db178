package dev.gazette.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import dev.gazette.account.AccountAdministration;
import dev.gazette.account.Accounts;
import dev.gazette.account.Registration;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.article.ArticleCopy;
import dev.gazette.article.DiscussionSettings;
import dev.gazette.article.Manuscript;
import dev.gazette.article.Manuscripts;
import dev.gazette.comment.CommentStatus;
import dev.gazette.comment.Comments;
import dev.gazette.support.Http;
import dev.gazette.support.Json;
import dev.gazette.support.Mailbox;
import dev.gazette.support.Newsroom;
import dev.gazette.support.Newsroom.Published;
import dev.gazette.support.Readers;
import dev.gazette.support.RunningGazette;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.UriUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The article page for readers who are not signed in comes whole from memory: the same bytes for every such reader,
 * no cookie, a strong ETag with 304 for a repeat visit, a gzip copy, and never a page older than the discussion or
 * the article in the database. Signed-in readers never get it, and it never carries anything of theirs.
 */
@RunningGazette
class ArticlePagesFromMemoryTests {

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	Comments comments;

	@Autowired
	Manuscripts manuscripts;

	@Autowired
	Accounts accounts;

	@Autowired
	Registration registration;

	@Autowired
	AccountAdministration administration;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	Published article;

	@BeforeEach
	void publish() {
		article = new Newsroom(catalog).article().publish();
	}

	@Test
	void twoReadersWhoAreNotSignedInGetTheSameBytesAndNoCookie() throws Exception {
		post("Ayelet", "The ferry is the slow way home.");
		HttpResponse<byte[]> first = get(article.path());
		HttpResponse<byte[]> second = get(article.path());

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(second.body()).isEqualTo(first.body());
		assertThat(second.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));
		assertThat(first.headers().firstValue("ETag")).hasValueSatisfying(tag -> assertThat(tag).matches("\"[^W].*\""));
		assertThat(first.headers().firstValue("Last-Modified")).isPresent();
		for (HttpResponse<byte[]> page : List.of(first, second)) {
			assertThat(page.headers().allValues("Set-Cookie")).isEmpty();
			assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");
			assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
			assertThat(text(page)).contains("The ferry is the slow way home.").doesNotContain("_csrf");
		}
	}

	@Test
	void theKeptPageCarriesTheSameSecurityHeadersAsEveryPage() throws Exception {
		HttpResponse<byte[]> built = get(article.path(), Map.of("Accept-Language", "he-IL, he;q=0.9"));
		HttpResponse<byte[]> kept = get(article.path());

		// The kept page is answered ahead of Spring Security and Spring MVC; it must not lose a header they add,
		// nor say anything of the reader it was first built for.
		assertThat(withoutDate(kept.headers().map())).isEqualTo(withoutDate(built.headers().map()));
		assertThat(kept.headers().firstValue("Content-Language")).hasValue("en");

		assertThat(kept.headers().firstValue("Content-Security-Policy"))
			.hasValue(SecurityHeaders.CONTENT_SECURITY_POLICY);
		assertThat(kept.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(kept.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(kept.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
		assertThat(kept.headers().firstValue("Cross-Origin-Opener-Policy")).hasValue("same-origin");
	}

	@Test
	void aCommentPostedThroughTheApiShowsOnTheNextLoad() throws Exception {
		HttpResponse<byte[]> before = get(article.path());

		post("Burak", "Posted after the page was kept.");
		HttpResponse<byte[]> after = get(article.path());

		assertThat(text(before)).doesNotContain("Posted after the page was kept.");
		assertThat(text(after)).contains("Posted after the page was kept.");
		assertThat(after.headers().firstValue("ETag")).isNotEqualTo(before.headers().firstValue("ETag"));
	}

	@Test
	void aCommentSentWithTheKeptPagesFormShowsOnTheNextLoad() {
		Http guest = new Http(port);
		guest.get(article.path());

		HttpResponse<String> sent = guest.submit(article.path(), "#comment-form",
				Map.of("authorName", "Chana", "body", "Sent from the form of a kept page."));

		assertThat(sent.statusCode()).isIn(302, 303);
		assertThat(guest.get(article.path()).body()).contains("Sent from the form of a kept page.");
	}

	@Test
	void aCommentChangedBehindTheNodesBackShowsOnTheNextLoad() throws Exception {
		// As another node sharing the database would: the row and the discussion's version change, and nothing in this
		// node is told.
		long id = post("Dilek", "The first wording.");
		get(article.path());

		jdbc.sql("update comment set body_html = '<p>The second wording.</p>' where id = :id").param("id", id).update();
		jdbc.sql("update discussion set version = version + 1 where article_id = :article")
			.param("article", article.id())
			.update();

		assertThat(text(get(article.path()))).contains("The second wording.").doesNotContain("The first wording.");
	}

	@Test
	void theKeptPageIsNotBuiltAgainWhileNoVersionChanges() throws Exception {
		long id = post("Mira", "Kept as it was.");
		get(article.path());

		// Nothing that Gazette writes changes a row without bumping a version; this does, to show what is read.
		jdbc.sql("update comment set body_html = '<p>Never read.</p>' where id = :id").param("id", id).update();

		assertThat(text(get(article.path()))).contains("Kept as it was.").doesNotContain("Never read.");
	}

	@Test
	void anArticleWithAHebrewSlugIsKeptTooAndAnAddressTheFirewallRefusesNeverGetsTheKeptPage() throws Exception {
		article = new Newsroom(catalog).article().slug(Newsroom.unique("גשר-הירקון")).publish();
		long id = post("Noa", "כתוב בעברית, kept as it was.");
		String path = "/articles/" + UriUtils.encodePathSegment(article.slug(), StandardCharsets.UTF_8);
		get(path);
		jdbc.sql("update comment set body_html = '<p>Never read.</p>' where id = :id").param("id", id).update();

		assertThat(text(get(path))).contains("כתוב בעברית, kept as it was.").doesNotContain("Never read.");
		// Spring Security's firewall refuses these before any page is written, kept or not.
		for (String refused : List.of(path + ";x=1", path + "%3B", "/articles/..%2F" + path.substring(10), path + "%2F")) {
			assertThat(get(refused).statusCode()).as(refused).isEqualTo(400);
		}
	}

	@Test
	void aCommentHeldByAModeratorLeavesThePageAndAHeldOneNeverShows() throws Exception {
		long shown = post("Eli", "A fair point about the timetable.");
		assertThat(text(get(article.path()))).contains("A fair point about the timetable.");

		comments.moderate(shown, CommentStatus.PENDING);
		catalog.changeDiscussion(article.slug(), true, new DiscussionSettings(true, null, null));
		post("Farah", "Waiting for a moderator.");

		String page = text(get(article.path()));
		assertThat(page).doesNotContain("A fair point about the timetable.").doesNotContain("Waiting for a moderator.");
	}

	@Test
	void anEditedArticleShowsOnTheNextLoad() throws Exception {
		assertThat(text(get(article.path()))).doesNotContain("A paragraph added later.");
		Manuscript read = manuscripts.find(article.id()).orElseThrow();
		ArticleCopy copy = read.copy();

		manuscripts.revise(article.id(), read.version(), new ArticleCopy(copy.headline(), copy.standfirst(), copy.slug(),
				copy.kind(), copy.sectionSlug(), copy.tags(), copy.authorSlugs(),
				copy.bodyMarkdown() + "\n\nA paragraph added later.", copy.source(), copy.canonicalUrl(),
				copy.leadImageId(), copy.seoTitle(), copy.seoDescription()));

		assertThat(text(get(article.path()))).contains("A paragraph added later.");
	}

	@Test
	void aRepeatVisitWithTheETagGets304UntilTheDiscussionChanges() throws Exception {
		String etag = get(article.path()).headers().firstValue("ETag").orElseThrow();

		HttpResponse<byte[]> repeat = get(article.path(), Map.of("If-None-Match", etag));
		post("Gal", "A new voice.");
		HttpResponse<byte[]> afterAComment = get(article.path(), Map.of("If-None-Match", etag));

		assertThat(repeat.statusCode()).isEqualTo(304);
		assertThat(repeat.body()).isEmpty();
		assertThat(repeat.headers().firstValue("ETag")).hasValue(etag);
		assertThat(repeat.headers().allValues("Set-Cookie")).isEmpty();
		assertThat(afterAComment.statusCode()).isEqualTo(200);
		assertThat(text(afterAComment)).contains("A new voice.");
	}

	@Test
	void theGzipCopyIsTheSamePage() throws Exception {
		post("Hana", "Compressed once, sent many times.");
		HttpResponse<byte[]> plain = get(article.path());

		HttpResponse<byte[]> zipped = get(article.path(), Map.of("Accept-Encoding", "gzip, deflate, br"));
		HttpResponse<byte[]> zippedAgain = get(article.path(), Map.of("Accept-Encoding", "gzip"));

		assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(zipped.headers().firstValue("Vary").orElse("")).containsIgnoringCase("accept-encoding");
		assertThat(gunzip(zipped.body())).isEqualTo(plain.body());
		assertThat(zippedAgain.body()).isEqualTo(zipped.body());
		assertThat(zipped.headers().firstValue("ETag")).isNotEqualTo(plain.headers().firstValue("ETag"));
		assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
	}

	@Test
	void eachOrderAndPageOfTheDiscussionIsItsOwnPage() throws Exception {
		post("Ira", "The oldest thread.");
		post("Jon", "The newest thread.");

		String oldest = text(get(article.path()));
		String newest = text(get(article.path() + "?sort=newest"));

		assertThat(oldest.indexOf("The oldest thread.")).isLessThan(oldest.indexOf("The newest thread."));
		assertThat(newest.indexOf("The newest thread.")).isLessThan(newest.indexOf("The oldest thread."));
		assertThat(text(get(article.path() + "?cpage=0"))).isEqualTo(oldest);
	}

	@Test
	void aSignedInReaderNeverGetsTheKeptPageNorAGuestTheirs() throws Exception {
		post("Kai", "Read by everyone.");
		String guestPage = text(get(article.path()));
		Readers.Reader reader = new Readers(registration, accounts, administration, new Mailbox(jdbc)).join("Lior Signed-In");
		Http browser = Http.signedInAs(port, reader);

		HttpResponse<String> theirs = browser.get(article.path());
		String guestAfter = text(get(article.path()));

		assertThat(theirs.body()).contains("Lior Signed-In").contains("Sign out").contains("_csrf")
			.contains("Read by everyone.");
		assertThat(theirs.headers().firstValue("ETag")).isEmpty();
		assertThat(theirs.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
		assertThat(guestAfter).isEqualTo(guestPage).doesNotContain("Lior Signed-In").contains("Sign in");
		assertThat(Jsoup.parse(guestAfter).select("form#comment-form input[name=authorName]")).hasSize(1);
	}

	private long post(String name, String body) {
		HttpResponse<String> posted = new Http(port).postJson("/api/v1/articles/" + article.slug() + "/comments",
				Json.object("authorName", name, "body", body, "parentId", null, "acknowledgeNudge", true));
		assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
		return Json.read(posted).get("id").asLong();
	}

	private static Map<String, List<String>> withoutDate(Map<String, List<String>> headers) {
		Map<String, List<String>> rest = new TreeMap<>(headers);
		rest.remove("date");
		return rest;
	}

	private HttpResponse<byte[]> get(String path) throws Exception {
		return get(path, Map.of());
	}

	private HttpResponse<byte[]> get(String path, Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", "text/html")
			.timeout(Duration.ofSeconds(30));
		headers.forEach(request::header);
		return client.send(request.GET().build(), BodyHandlers.ofByteArray());
	}

	private static String text(HttpResponse<byte[]> page) {
		return new String(page.body(), StandardCharsets.UTF_8);
	}

	private static byte[] gunzip(byte[] zipped) throws IOException {
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped))) {
			return in.readAllBytes();
		}
	}
}
