package dev.gazette.comment;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.gazette.account.AccountAdministration;
import dev.gazette.account.Accounts;
import dev.gazette.account.Registration;
import dev.gazette.account.ApiTokens;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.support.Http;
import dev.gazette.support.Json;
import dev.gazette.support.Mailbox;
import dev.gazette.support.Newsroom;
import dev.gazette.support.Newsroom.Published;
import dev.gazette.support.Readers;
import dev.gazette.support.Readers.Reader;
import dev.gazette.support.RunningGazette;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signed-in readers recommend comments, once each, and may take it back; everyone sees the counts, and the
 * discussion sorts by them. Nobody recommends their own comment; a reader going too fast is refused; and however many
 * clicks arrive at once, each reader counts once.
 */
@RunningGazette
class RecommendingCommentsTests {

	@Autowired
	Registration registration;

	@Autowired
	Accounts accounts;

	@Autowired
	AccountAdministration administration;

	@Autowired
	ApiTokens apiTokens;

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	Comments comments;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	Readers readers;

	Published article;

	Reader commenter;

	long comment;

	@BeforeEach
	void aComment() {
		readers = new Readers(registration, accounts, administration, new Mailbox(jdbc));
		article = new Newsroom(catalog).article().publish();
		commenter = readers.join("Leocadia Parrondo-Whit");
		comment = post(Http.signedInAs(port, commenter), "The harbour tariffs explain the whole dispute.");
	}

	@Test
	void aReaderRecommendsWithThePlainFormAndTakesItBack() {
		Reader reader = readers.join("Teodor Ashgrove-Nunes");
		Http browser = Http.signedInAs(port, reader);
		String button = "#comment-" + comment + " .recommend-form";

		HttpResponse<String> recommended = browser.submit(article.path(), button, Map.of("action", "recommend"));

		assertThat(recommended.statusCode()).isEqualTo(302);
		assertThat(recommended.headers().firstValue("Location").orElseThrow())
			.endsWith(article.path() + "/comments/" + comment);
		assertThat(browser.follow(recommended).headers().firstValue("Location").orElseThrow())
			.endsWith("#comment-" + comment);
		assertThat(stored(comment)).containsExactly(reader.id());
		assertThat(onThePage(comment).selectFirst(".recommendation-count").text()).isEqualTo("1 recommendation");
		Element mine = Jsoup.parse(browser.get(article.path()).body()).getElementById("comment-" + comment);
		assertThat(mine.selectFirst(".recommend-button").attr("aria-pressed")).isEqualTo("true");
		assertThat(mine.selectFirst(".recommend-button").text()).startsWith("Recommended");

		HttpResponse<String> withdrawn = browser.submit(article.path(), button, Map.of("action", "withdraw"));

		assertThat(withdrawn.statusCode()).isEqualTo(302);
		assertThat(stored(comment)).isEmpty();
		assertThat(onThePage(comment).selectFirst(".recommendation-count")).isNull();
	}

	@Test
	void aGuestSeesTheCountAndAnInvitationButNoButtonAndCannotRecommend() {
		api(readers.join("Marisol Quennell-Ube"), "POST", comment);
		Document page = Jsoup.parse(new Http(port).get(article.path()).body());

		assertThat(page.getElementById("comment-" + comment).selectFirst(".recommendation-count").text())
			.isEqualTo("1 recommendation");
		assertThat(page.select(".recommend-form")).isEmpty();
		assertThat(page.selectFirst(".recommend-invitation").text())
			.isEqualTo("Sign in or join to recommend the comments worth reading.");

		HttpResponse<String> guest = new Http(port).postForm(article.path() + "/comments/" + comment + "/recommendation",
				Map.of("action", "recommend"));

		assertThat(guest.statusCode()).isEqualTo(302);
		assertThat(guest.headers().firstValue("Location").orElseThrow()).contains("/sign-in");
		assertThat(stored(comment)).hasSize(1);
		assertThat(new Http(port).send("POST", "/api/v1/comments/" + comment + "/recommendation", null).statusCode())
			.isEqualTo(401);
		assertThat(stored(comment)).hasSize(1);
	}

	@Test
	void nobodyRecommendsTheirOwnComment() {
		Http own = Http.signedInAs(port, commenter);
		assertThat(Jsoup.parse(own.get(article.path()).body()).getElementById("comment-" + comment)
			.select(".recommend-form")).isEmpty();

		HttpResponse<String> form = own.postForm(article.path() + "/comments/" + comment + "/recommendation",
				Map.of("action", "recommend"));
		HttpResponse<String> api = api(commenter, "POST", comment);

		assertThat(form.statusCode()).isEqualTo(403);
		assertThat(Jsoup.parse(form.body()).selectFirst("[role=alert]").text()).startsWith(
				"You cannot recommend your own comment");
		assertThat(api.statusCode()).isEqualTo(403);
		assertThat(api.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(Json.read(api).get("detail").asString()).startsWith("You cannot recommend your own comment");
		assertThat(stored(comment)).isEmpty();
	}

	@Test
	void aFormThatDoesNotSayWhatToDoIsRefusedAndStoresNothing() {
		HttpResponse<String> refused = Http.signedInAs(port, readers.join("Casimir Oyelaran-Pike"))
			.postForm(article.path() + "/comments/" + comment + "/recommendation", Map.of("action", "boost"));

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(refused.body()).selectFirst("[role=alert]").text()).contains("'action'");
		assertThat(stored(comment)).isEmpty();
	}

	@Test
	void throughTheApiOncePerReaderUndoAllowedAndHeldCommentsAreNotThere() {
		Reader reader = readers.join("Yevgenia Holloway-Tan");

		JsonNode first = Json.read(api(reader, "POST", comment));
		JsonNode again = Json.read(api(reader, "POST", comment));

		assertThat(first.get("recommendations").asInt()).isEqualTo(1);
		assertThat(first.get("recommendedByYou").asBoolean()).isTrue();
		assertThat(again.get("recommendations").asInt()).isEqualTo(1);
		JsonNode publicCount = Json.read(new Http(port).getJson("/api/v1/comments/" + comment + "/recommendation"));
		assertThat(publicCount.get("recommendations").asInt()).isEqualTo(1);
		assertThat(publicCount.get("recommendedByYou").asBoolean()).isFalse();

		HttpResponse<String> withdrawn = api(reader, "DELETE", comment);

		assertThat(withdrawn.statusCode()).isEqualTo(200);
		assertThat(Json.read(withdrawn).get("recommendations").asInt()).isZero();
		assertThat(stored(comment)).isEmpty();

		comments.moderate(comment, CommentStatus.PENDING);
		HttpResponse<String> held = api(reader, "POST", comment);
		assertThat(held.statusCode()).isEqualTo(404);
		assertThat(stored(comment)).isEmpty();
	}

	@Test
	void aReaderRecommendingTooFastIsToldToWaitAndNothingIsStored() {
		Reader hasty = readers.join("Bartholomew Quayle-Ibsen");
		String token = apiTokens.create(hasty.id(), "Recommend test").token();
		boolean recommended = false;
		int allowed = 0;
		HttpResponse<String> answer = null;
		// The bucket refills as it goes (30 a minute), so a slow machine gets a few more than 30 before the refusal.
		while (allowed < 100) {
			answer = new Http(port).withToken(token, recommended ? "DELETE" : "POST",
					"/api/v1/comments/" + comment + "/recommendation", null);
			if (answer.statusCode() != 200) {
				break;
			}
			allowed++;
			recommended = !recommended;
		}

		assertThat(allowed).isBetween(30, 60);
		assertThat(answer.statusCode()).isEqualTo(429);
		assertThat(answer.headers().firstValue("Retry-After")).isPresent();
		assertThat(Json.read(answer).get("detail").asString()).startsWith("You are recommending faster");
		assertThat(stored(comment)).as("the refused request changed nothing")
			.isEqualTo(recommended ? List.of(hasty.id()) : List.of());
	}

	@Test
	void mostRecommendedIsASortBesideTheOthers() {
		Http browser = Http.signedInAs(port, readers.join("Wilhelmina Saarinen-Obi"));
		long second = post(browser, "Second thread.");
		long third = post(browser, "Third thread.");
		Reader one = readers.join("Anselm Okonkwo-Lind");
		Reader two = readers.join("Berenike Thorsdottir-Mae");
		api(one, "POST", third);
		api(two, "POST", third);
		api(one, "POST", second);

		Document page = Jsoup.parse(new Http(port).get(article.path() + "?sort=recommended").body());

		assertThat(page.select("nav.sort a").eachText()).containsExactly("Oldest", "Newest", "Most replies",
				"Most recommended");
		assertThat(page.selectFirst("nav.sort a[aria-current=true]").text()).isEqualTo("Most recommended");
		assertThat(page.select("ol.threads > li.comment").eachAttr("id")).containsExactly("comment-" + third,
				"comment-" + second, "comment-" + comment);
		JsonNode api = Json.read(new Http(port).getJson("/api/v1/articles/" + article.slug() + "/comments?sort=recommended"));
		assertThat(api.get(0).get("id").asLong()).isEqualTo(third);
	}

	@Test
	void manyClicksAtOnceCountEachReaderOnce() throws Exception {
		List<Reader> crowd = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			crowd.add(readers.join("Crowd Reader " + Newsroom.unique("rc")));
		}
		List<String> tokens = crowd.stream().map(r -> apiTokens.create(r.id(), "Recommend test").token()).toList();
		List<Callable<Integer>> clicks = new ArrayList<>();
		for (String token : tokens) {
			clicks.add(() -> click(token));
		}
		for (int i = 0; i < 10; i++) {
			clicks.add(() -> click(tokens.get(0)));
		}
		ExecutorService pool = Executors.newFixedThreadPool(10);
		try {
			for (Future<Integer> done : pool.invokeAll(clicks)) {
				assertThat(done.get()).isEqualTo(200);
			}
		}
		finally {
			pool.shutdown();
		}

		assertThat(stored(comment)).hasSize(10)
			.containsExactlyInAnyOrderElementsOf(crowd.stream().map(Reader::id).toList());
		assertThat(Json.read(new Http(port).getJson("/api/v1/comments/" + comment + "/recommendation"))
			.get("recommendations").asInt()).isEqualTo(10);
		assertThat(onThePage(comment).selectFirst(".recommendation-count").text()).isEqualTo("10 recommendations");
	}

	@Test
	void theRecommendationEndpointsAreInTheOpenApiDocument() {
		JsonNode path = Json.read(new Http(port).getJson("/api/v1/openapi.json")).get("paths")
			.get("/api/v1/comments/{id}/recommendation");

		assertThat(path).as("the recommendation path in the OpenAPI document").isNotNull();
		assertThat(path.propertyNames()).contains("get", "post", "delete");
		assertThat(path.get("post").get("description").asString()).contains("403", "429");
	}

	// --- helpers

	private int click(String token) {
		return new Http(port).withToken(token, "POST", "/api/v1/comments/" + comment + "/recommendation", null)
			.statusCode();
	}

	private HttpResponse<String> api(Reader reader, String method, long id) {
		String token = apiTokens.create(reader.id(), "Recommend test").token();
		return new Http(port).withToken(token, method, "/api/v1/comments/" + id + "/recommendation", null);
	}

	private List<Long> stored(long id) {
		return jdbc.sql("select account_id from comment_recommendation where comment_id = :id")
			.param("id", id)
			.query(Long.class)
			.list();
	}

	private Element onThePage(long id) {
		Element shown = Jsoup.parse(new Http(port).get(article.path()).body()).getElementById("comment-" + id);
		assertThat(shown).as("comment " + id + " on the page").isNotNull();
		return shown;
	}

	private long post(Http browser, String body) {
		HttpResponse<String> posted = browser.postForm(article.path() + "/comments", Map.of("body", body));
		assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
		String location = posted.headers().firstValue("Location").orElseThrow();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}
}
