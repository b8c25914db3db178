package dev.gazette.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.account.AccountAdministration;
import dev.gazette.account.Accounts;
import dev.gazette.account.Registration;
import dev.gazette.account.Role;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.comment.CommentDraft;
import dev.gazette.comment.CommentOutcome;
import dev.gazette.comment.CommentStatus;
import dev.gazette.comment.Commenter;
import dev.gazette.comment.Commenting;
import dev.gazette.comment.Comments;
import dev.gazette.moderation.ModerationService;
import dev.gazette.support.Http;
import dev.gazette.support.Json;
import dev.gazette.support.Mailbox;
import dev.gazette.support.Newsroom;
import dev.gazette.support.Newsroom.Published;
import dev.gazette.support.Readers;
import dev.gazette.support.Readers.Reader;
import dev.gazette.support.RunningGazette;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Moderators' search over comments in every status, over the real application: comments reach the index through the
 * change feed like articles do, moderators find them by words, name, e-mail, account, article, status and day, and
 * nobody else finds a held or rejected one anywhere. Each test's comments carry a made-up word of its own.
 */
@RunningGazette
class SearchingCommentsTests {

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	Comments comments;

	@Autowired
	Commenting commenting;

	@Autowired
	ModerationService moderation;

	@Autowired
	CommentSearch search;

	@Autowired
	ReaderSearch readerSearch;

	@Autowired
	SearchIndexer indexer;

	@Autowired
	Registration registration;

	@Autowired
	Accounts accounts;

	@Autowired
	AccountAdministration administration;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	Published article;

	Readers readers;

	String marker;

	@BeforeEach
	void setUp() {
		article = new Newsroom(catalog).article().headline("Harbour wall repairs").publish();
		readers = new Readers(registration, accounts, administration, new Mailbox(jdbc));
		Random random = new Random();
		StringBuilder word = new StringBuilder("qc");
		for (int i = 0; i < 8; i++) {
			word.append((char) ('a' + random.nextInt(26)));
		}
		marker = word.toString();
	}

	private long imported(String name, String body, CommentStatus status, Instant at) {
		return comments.importComment(article.id(), null, name, body, status, at);
	}

	private long guest(String name, String email, String body) {
		CommentOutcome outcome = commenting.submit(article.slug(), new CommentDraft(body, null, true),
				new Commenter(null, name, email, "127.0.0.1"));
		// Screening may hold a new guest's first comment; either way it is stored and searchable by moderators.
		if (outcome instanceof CommentOutcome.Posted posted) {
			return posted.comment().id();
		}
		assertThat(outcome).as("posting as a guest").isInstanceOf(CommentOutcome.Held.class);
		return ((CommentOutcome.Held) outcome).comment().id();
	}

	private CommentQuery query(String text, String status, String article, String author, String from, String to) {
		var checked = new CommentSearchRequest(text, status, article, author, from, to, null, null).check(50);
		assertThat(checked).isInstanceOf(CommentSearchRequest.Valid.class);
		return ((CommentSearchRequest.Valid) checked).query();
	}

	private List<Long> found(CommentQuery query) {
		return search.search(query).items().stream().map(CommentHits.Hit::id).toList();
	}

	@Test
	void moderatorsFindHeldAndRejectedCommentsByWordsNameArticleStatusAndDay() {
		Instant day1 = Instant.parse("2018-07-20T23:30:00Z");
		Instant day2 = Instant.parse("2018-07-21T00:30:00Z");
		long held = imported("Oğuz Türk", "The ferries " + marker + " were late again", CommentStatus.PENDING, day1);
		long rejected = imported("Dana Levi", marker + " rude words about the mayor", CommentStatus.REJECTED, day2);
		long published = imported("Sam Reed", marker + " the repairs look good", CommentStatus.PUBLISHED, day2);
		indexer.catchUp();

		assertThat(found(query(marker, null, null, null, null, null))).containsExactlyInAnyOrder(held, rejected, published);
		assertThat(found(query(marker + " ferry", null, null, null, null, null))).as("stemmed words").containsExactly(held);
		assertThat(found(query(marker, "held", null, null, null, null))).containsExactly(held);
		assertThat(found(query(marker, "rejected", null, null, null, null))).containsExactly(rejected);
		assertThat(found(query(marker, "held,rejected", null, null, null, null))).containsExactlyInAnyOrder(held, rejected);
		assertThat(found(query(marker, null, null, "oguz turk", null, null))).as("name, folded").containsExactly(held);
		assertThat(found(query(marker, null, article.slug(), null, null, null))).hasSize(3);
		assertThat(found(query(marker, null, "another-article", null, null, null))).isEmpty();
		assertThat(found(query(marker, null, null, null, "2018-07-20", "2018-07-20"))).as("a UTC day").containsExactly(held);
		assertThat(found(query(marker, null, null, null, "2018-07-21", null))).containsExactlyInAnyOrder(rejected, published);
	}

	@Test
	void moderatorsFindAGuestsCommentsByEmailAndAnAccountsByItsAddressOrId() {
		long byGuest = guest("Harbour Walker", "Walker." + marker + "@Example.org", marker + " the wall needs lights");
		Reader member = readers.join("Miriam Kaplan");
		long byMember = comments.importComment(article.id(), null, member.displayName(), member.id(),
				marker + " thank you for the update", CommentStatus.PENDING, Instant.parse("2018-07-21T10:00:00Z"));
		indexer.catchUp();

		assertThat(found(query(marker, null, null, "walker." + marker + "@example.org", null, null))).containsExactly(byGuest);
		assertThat(found(query(marker, null, null, "other@example.org", null, null))).isEmpty();
		assertThat(found(query(marker, null, null, member.email(), null, null))).containsExactly(byMember);
		assertThat(found(query(marker, null, null, "account:" + member.id(), null, null))).containsExactly(byMember);
	}

	@Test
	void aCommentRejectedAfterIndexingShowsAsRejectedWithinTwoSeconds() throws InterruptedException {
		long id = imported("Ravi Shah", marker + " what about the north pier", CommentStatus.PUBLISHED,
				Instant.parse("2018-07-21T10:00:00Z"));
		indexer.catchUp();
		assertThat(found(query(marker, "published", null, null, null, null))).containsExactly(id);
		Reader moderator = readers.join("Mod " + marker, Role.MODERATOR);

		moderation.reject(id, moderator.id(), "off topic", Set.of());
		long rejectedAt = System.nanoTime();

		assertThat(search.search(query(marker, null, null, null, null, null)).items().get(0).status()).isEqualTo("rejected");
		assertThat(found(query(marker, "published", null, null, null, null))).isEmpty();
		while (found(query(marker, "rejected", null, null, null, null)).isEmpty()) {
			assertThat(Duration.ofNanos(System.nanoTime() - rejectedAt)).isLessThan(Duration.ofSeconds(2));
			Thread.sleep(20);
		}
	}

	@Test
	void readersNeverFindCommentsThroughAnySearch() {
		imported("Lea Cohen", marker + " held text", CommentStatus.PENDING, Instant.parse("2018-07-21T10:00:00Z"));
		imported("Lea Cohen", marker + " rejected text", CommentStatus.REJECTED, Instant.parse("2018-07-21T10:00:00Z"));
		imported("Lea Cohen", marker + " published text", CommentStatus.PUBLISHED, Instant.parse("2018-07-21T10:00:00Z"));
		indexer.catchUp();
		Http http = new Http(port);

		assertThat(readerSearch.search(new ArticleQuery(marker, null, null, null, null, null, null,
				ArticleQuery.Order.RELEVANCE, 1, 10)).total()).isZero();
		HttpResponse<String> page = http.get("/search?q=" + marker);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).doesNotContain("held text").doesNotContain("rejected text");
		JsonNode api = Json.read(http.getJson("/api/v1/search?q=" + marker));
		assertThat(api.get("total").asLong()).isZero();
		// Not even a reader who signs in and asks the moderators' API.
		Reader reader = readers.join("Curious Reader");
		Http browser = Http.signedInAs(port, reader);
		assertThat(http.withToken(token(browser), "GET", "/api/v1/moderation/comments/search?q=" + marker, null)
			.statusCode()).isEqualTo(403);
	}

	@Test
	void onlyModeratorsReachThePageAndTheApi() {
		Http guest = new Http(port);
		HttpResponse<String> page = guest.get("/admin/moderation/search?q=x");
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location").orElse("")).contains("/sign-in");
		assertThat(guest.getJson("/api/v1/moderation/comments/search?q=x").statusCode()).isEqualTo(401);

		for (Role role : new Role[] { null, Role.AUTHOR }) {
			Reader someone = role == null ? readers.join("Plain Reader") : readers.join("Staff Writer", role);
			Http browser = Http.signedInAs(port, someone);
			assertThat(browser.get("/admin/moderation/search?q=x").statusCode()).as(String.valueOf(role)).isEqualTo(403);
			assertThat(browser.withToken(token(browser), "GET", "/api/v1/moderation/comments/search?q=x", null)
				.statusCode()).as(String.valueOf(role)).isEqualTo(403);
		}
	}

	@Test
	void moderatorsSearchInTheConsoleAndOverTheApi() {
		long held = imported("Noa Ben-David 🌊", "נמל " + marker + " <b>bold</b> claim", CommentStatus.PENDING,
				Instant.parse("2018-07-21T10:00:00Z"));
		indexer.catchUp();
		Reader moderator = readers.join("Console Mod", Role.MODERATOR);
		Http browser = Http.signedInAs(port, moderator);

		HttpResponse<String> response = browser.get("/admin/moderation/search?q=" + marker + "&status=held");
		assertThat(response.statusCode()).isEqualTo(200);
		Document page = Jsoup.parse(response.body());
		assertThat(page.select("li.comment-hit")).hasSize(1);
		assertThat(page.selectFirst("li.comment-hit").text()).contains("Noa Ben-David 🌊", "held", "2018-07-21 10:00 UTC",
				"<b>bold</b>");
		assertThat(page.selectFirst("li.comment-hit mark").text()).isEqualTo(marker);
		assertThat(page.selectFirst("li.comment-hit a[href*=/admin/moderation?queue=pending]").attr("href"))
			.endsWith("#item-" + held);
		assertThat(Jsoup.parse(browser.get("/admin/moderation").body()).selectFirst("a[href=/admin/moderation/search]"))
			.isNotNull();

		String token = token(browser);
		JsonNode json = Json.read(browser.withToken(token, "GET",
				"/api/v1/moderation/comments/search?q=" + marker + "&status=held&from=2018-07-21&to=2018-07-21", null));
		assertThat(json.get("total").asLong()).isEqualTo(1);
		assertThat(json.get("totalIsLowerBound").asBoolean()).isFalse();
		assertThat(json.get("items").get(0).get("id").asLong()).isEqualTo(held);
		assertThat(json.get("items").get(0).get("status").asString()).isEqualTo("pending");
		assertThat(json.get("items").get(0).get("authorName").asString()).isEqualTo("Noa Ben-David 🌊");
	}

	@Test
	void badParametersAnswer400NamingTheField() {
		Reader moderator = readers.join("Strict Mod", Role.MODERATOR);
		Http browser = Http.signedInAs(port, moderator);
		String token = token(browser);
		Map<String, String> bad = Map.of("status=lost", "status", "from=yesterday", "from", "to=2018-13-01", "to",
				"from=2018-07-22&to=2018-07-01", "to", "page=0", "page", "article=" + enc("no spaces"), "article",
				"author=" + enc("a@b@c"), "author", "sort=random", "sort", "q=" + "x".repeat(501), "q");
		bad.forEach((params, field) -> {
			HttpResponse<String> api = browser.withToken(token, "GET", "/api/v1/moderation/comments/search?" + params, null);
			assertThat(api.statusCode()).as(params).isEqualTo(400);
			assertThat(api.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
			assertThat(Json.read(api).get("errors").get(0).get("field").asString()).as(params).isEqualTo(field);
			HttpResponse<String> html = browser.get("/admin/moderation/search?" + params);
			assertThat(html.statusCode()).as(params).isEqualTo(400);
			Document page = Jsoup.parse(html.body());
			assertThat(page.selectFirst("#search-problem").text()).as(params).isEqualTo(Json.read(api).get("detail").asString());
			if (!field.equals("page")) {
				assertThat(page.selectFirst("[aria-invalid=true]").attr("name")).as(params).isEqualTo(field);
			}
		});
	}

	private static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private static String token(Http browser) {
		Document page = Jsoup.parse(browser.postForm("/settings/tokens", Map.of("name", "tests")).body());
		return page.selectFirst("code.token").text();
	}
}
