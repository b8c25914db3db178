package dev.gazette.newsroom;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.gazette.account.AccountAdministration;
import dev.gazette.account.Accounts;
import dev.gazette.account.Registration;
import dev.gazette.account.Role;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.article.Author;
import dev.gazette.article.Section;
import dev.gazette.newsroom.Desk.Writer;
import dev.gazette.support.Http;
import dev.gazette.support.Json;
import dev.gazette.support.Mailbox;
import dev.gazette.support.MutableClock;
import dev.gazette.support.Newsroom;
import dev.gazette.support.Newsroom.Published;
import dev.gazette.support.Readers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.gazette.newsroom.Desk.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The front page is edited, not sorted: an editor pins the lead and top stories (on the staff page with plain forms,
 * or through the API), the newest pieces fill what is not pinned, and a pinned piece that is unpublished leaves the
 * page by itself. Each test publishes pieces newer than any before it and starts with nothing pinned.
 */
@NewsroomGazette
class FrontPageCurationTests {

	private static Writer editor;

	private static Writer contributor;

	private static Readers.Reader editorAccount;

	@Autowired
	Accounts accounts;

	@Autowired
	Registration registration;

	@Autowired
	AccountAdministration administration;

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@LocalServerPort
	int port;

	Desk desk;

	Newsroom newsroom;

	Author byline;

	@BeforeEach
	void aDeskWithNothingPinned() {
		Readers readers = new Readers(registration, accounts, administration, new Mailbox(jdbc));
		desk = new Desk(port, readers);
		newsroom = new Newsroom(catalog);
		byline = newsroom.author("Oğuz Türk");
		if (editor == null) {
			editorAccount = readers.join("Eda Frontpage", Role.EDITOR);
			editor = desk.join("Eda Frontpage Api", Role.EDITOR);
			contributor = desk.join("Cleo Frontpage", Role.CONTRIBUTOR);
		}
		jdbc.sql("delete from front_pick").update();
	}

	/**
	 * A piece newer than every piece before it, in this class or another sharing the database: published at the
	 * clock's time, which no visible piece is after, and with a higher id than any before it.
	 */
	private Published piece(String headline, Section section) {
		Instant at = clock.instant();
		var draft = newsroom.article().headline(headline).by(byline).publishedAt(at);
		if (section != null) {
			draft.in(section);
		}
		return draft.publish();
	}

	private Document front() {
		HttpResponse<String> page = new Http(port).get("/");
		assertThat(page.statusCode()).isEqualTo(200);
		return Jsoup.parse(page.body());
	}

	private static String lead(Document page) {
		return page.selectFirst(".front-top .card-lead .card-headline").text();
	}

	private static List<String> top(Document page) {
		return page.select(".front-top .card:not(.card-lead) .card-headline").eachText();
	}

	@Test
	void withNothingPinnedTheNewestLeadsThenFourTopStoriesThenACompactList() {
		Published older = piece("An older report", null);
		List<Published> newer = List.of(piece("Report two", null), piece("Report three", null), piece("Report four", null),
				piece("Report five", null), piece("Report six", null));

		Document page = front();

		assertThat(lead(page)).isEqualTo("Report six");
		assertThat(top(page)).containsExactly("Report five", "Report four", "Report three", "Report two");
		// The rest: headlines without pictures or standfirsts, under their own heading.
		Element rest = page.selectFirst(".front-rest");
		assertThat(rest.selectFirst("h2").text()).isEqualTo("More stories");
		assertThat(rest.select(".card-compact .card-headline").eachText()).startsWith(older.headline());
		assertThat(rest.select(".card-compact img")).isEmpty();
		assertThat(newer).hasSize(5);
	}

	@Test
	void anEditorPinsAnOlderPieceAsTheLeadWithPlainFormsAndMovesAndUnpinsIt() {
		Published investigation = piece("The long investigation", null);
		Published second = piece("A second pick", null);
		piece("Breaking but small", null);
		Http browser = Http.signedInAs(port, editorAccount);

		HttpResponse<String> pinned = browser.submit("/admin/front-page",
				"li.candidate[data-id=" + investigation.id() + "] form[action=/admin/front-page/pin]", Map.of());
		assertThat(pinned.statusCode()).isEqualTo(302);
		assertThat(lead(front())).isEqualTo("The long investigation");

		browser.submit("/admin/front-page", "li.candidate[data-id=" + second.id() + "] form[action=/admin/front-page/pin]",
				Map.of());
		assertThat(lead(front())).isEqualTo("The long investigation");
		assertThat(top(front())).first().isEqualTo("A second pick");

		Document desk = Jsoup.parse(browser.get("/admin/front-page?saved").body());
		assertThat(desk.select("ol.picks li .pick-slot").eachText()).containsExactly("Lead", "Top story 1");
		assertThat(desk.selectFirst("[role=status]").text()).contains("Saved");
		browser.submit("/admin/front-page", "ol.picks li[data-id=" + second.id() + "] form:has(input[value=up])", Map.of());
		assertThat(lead(front())).isEqualTo("A second pick");
		assertThat(top(front())).first().isEqualTo("The long investigation");

		browser.submit("/admin/front-page", "ol.picks li[data-id=" + second.id() + "] form[action=/admin/front-page/unpin]",
				Map.of());
		browser.submit("/admin/front-page",
				"ol.picks li[data-id=" + investigation.id() + "] form[action=/admin/front-page/unpin]", Map.of());
		assertThat(lead(front())).isEqualTo("Breaking but small");
	}

	@Test
	void thePinFormsRefuseAPostWithoutTheFormsToken() {
		Published piece = piece("Forged pick", null);
		Http browser = Http.signedInAs(port, editorAccount);

		HttpResponse<String> forged = browser.postFormWithoutCsrf("/admin/front-page/pin",
				Map.of("article", Long.toString(piece.id())));

		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(jdbc.sql("select count(*) from front_pick").query(Long.class).single()).isZero();
	}

	@Test
	void aPinnedPieceThatIsUnpublishedLeavesTheFrontPageByItself() {
		Published pinned = piece("Soon withdrawn", null);
		piece("The newest", null);
		HttpResponse<String> pin = new Http(port).withToken(editor.token(), "POST", "/api/v1/front-page/picks",
				Json.object("article", pinned.id()));
		assertThat(pin.statusCode()).as(pin.body()).isEqualTo(200);
		assertThat(lead(front())).isEqualTo("Soon withdrawn");

		HttpResponse<String> unpublished = desk.post(editor, "/" + pinned.id() + "/unpublish");
		assertThat(unpublished.statusCode()).as(unpublished.body()).isEqualTo(200);

		assertThat(lead(front())).isEqualTo("The newest");
		assertThat(front().text()).doesNotContain("Soon withdrawn");
		assertThat(Json.read(api("GET", "/api/v1/front-page", null)).get("picks")).isEmpty();
	}

	@Test
	void theApiPinsOrdersAndUnpins() {
		Published a = piece("Pick A", null);
		Published b = piece("Pick B", null);
		Published c = piece("Pick C", null);

		api("POST", "/api/v1/front-page/picks", Json.object("article", a.id()));
		api("POST", "/api/v1/front-page/picks", Json.object("article", b.id()));
		HttpResponse<String> ordered = api("PUT", "/api/v1/front-page/picks",
				"{\"articles\": [" + c.id() + ", " + a.id() + ", " + b.id() + "]}");
		JsonNode picks = Json.read(ordered).get("picks");
		assertThat(picks.get(0).get("slot").asString()).isEqualTo("lead");
		assertThat(picks.get(0).get("headline").asString()).isEqualTo("Pick C");
		assertThat(lead(front())).isEqualTo("Pick C");
		assertThat(top(front())).startsWith("Pick A", "Pick B");

		HttpResponse<String> moved = api("POST", "/api/v1/front-page/picks/" + b.id() + "/move",
				Json.object("direction", "up"));
		assertThat(Json.read(moved).get("picks").get(1).get("id").asLong()).isEqualTo(b.id());

		HttpResponse<String> unpinned = api("DELETE", "/api/v1/front-page/picks/" + c.id(), null);
		assertThat(unpinned.statusCode()).isEqualTo(200);
		assertThat(lead(front())).isEqualTo("Pick B");
	}

	@Test
	void aSectionPageHasItsOwnPicksAndTakesOnlyItsOwnPieces() {
		Section rivers = newsroom.section("Rivers");
		Published inRivers = piece("Rivers: the old weir", rivers);
		piece("Rivers: the newest", rivers);
		Published elsewhere = piece("Somewhere else", null);

		HttpResponse<String> pinned = api("POST", "/api/v1/front-page/sections/" + rivers.slug() + "/picks",
				Json.object("article", inRivers.id()));
		assertThat(pinned.statusCode()).as(pinned.body()).isEqualTo(200);
		Document section = Jsoup.parse(new Http(port).get("/sections/" + rivers.slug()).body());
		assertThat(section.selectFirst(".front-top .card-lead .card-headline").text()).isEqualTo("Rivers: the old weir");
		// The front page's own picks are untouched.
		assertThat(lead(front())).isEqualTo("Somewhere else");

		HttpResponse<String> wrongSection = api("POST", "/api/v1/front-page/sections/" + rivers.slug() + "/picks",
				Json.object("article", elsewhere.id()));
		assertProblem(wrongSection, 400);
	}

	@Test
	void badRequestsAreProblemsAndChangeNothing() {
		Published piece = piece("Stays unpinned", null);

		assertProblem(api("POST", "/api/v1/front-page/picks", Json.object("article", 999_999_999L)), 404);
		assertProblem(api("POST", "/api/v1/front-page/picks", "{}"), 400);
		assertProblem(api("POST", "/api/v1/front-page/picks/" + piece.id() + "/move", Json.object("direction", "up")), 404);
		assertProblem(api("POST", "/api/v1/front-page/picks/" + piece.id() + "/move", Json.object("direction", "sideways")),
				400);
		assertProblem(api("GET", "/api/v1/front-page/sections/no-such-section", null), 404);
		assertProblem(new Http(port).withToken(contributor.token(), "POST", "/api/v1/front-page/picks",
				Json.object("article", piece.id())), 403);
		assertProblem(new Http(port).withToken(contributor.token(), "GET", "/api/v1/front-page", null), 403);
		assertProblem(new Http(port).send("GET", "/api/v1/front-page", null), 401);
		assertThat(jdbc.sql("select count(*) from front_pick").query(Long.class).single()).isZero();
	}

	@Test
	void aWronglyShapedBodyIsRefusedNamingTheFieldAClientMustFix() {
		Published piece = piece("Shape checked", null);

		assertFieldProblem(api("POST", "/api/v1/front-page/picks", "{}"), "article",
				"Name the piece to pin: {\"article\": id}.");
		assertFieldProblem(api("POST", "/api/v1/front-page/picks", "{\"article\": \"seven\"}"), "article",
				"article has the wrong type or format.");
		assertFieldProblem(api("PUT", "/api/v1/front-page/picks", "{}"), "articles",
				"Give the picks in order: {\"articles\": [id, …]}.");
		assertFieldProblem(api("PUT", "/api/v1/front-page/picks", "{\"articles\": [" + piece.id() + ", null]}"),
				"articles", "Give the picks in order: {\"articles\": [id, …]}.");
		assertFieldProblem(api("POST", "/api/v1/front-page/picks/" + piece.id() + "/move", "{}"), "direction",
				"direction is up or down.");
		assertFieldProblem(api("POST", "/api/v1/front-page/picks/" + piece.id() + "/move",
				Json.object("direction", "sideways")), "direction", "direction is up or down.");
		assertThat(jdbc.sql("select count(*) from front_pick").query(Long.class).single()).isZero();
	}

	@Test
	void aCallerWhoMayNotCurateIsRefusedBeforeTheBodyIsRead() {
		assertProblem(new Http(port).postJson("/api/v1/front-page/picks", "{}"), 401);
		assertProblem(new Http(port).withToken(contributor.token(), "POST", "/api/v1/front-page/picks", "{}"), 403);
		assertProblem(new Http(port).withToken(contributor.token(), "POST", "/api/v1/front-page/picks/1/move",
				"{\"direction\": \"sideways\"}"), 403);
		assertThat(jdbc.sql("select count(*) from front_pick").query(Long.class).single()).isZero();
	}

	/** What a client reads from a 400 about one field: the status, the title, the detail and the field's message. */
	private static void assertFieldProblem(HttpResponse<String> response, String field, String message) {
		assertProblem(response, 400);
		JsonNode problem = Json.read(response);
		assertThat(problem.get("title").asString()).isEqualTo("Bad Request");
		assertThat(problem.get("detail").asString()).isEqualTo(message);
		assertThat(problem.get("errors")).hasSize(1);
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(field);
		assertThat(problem.get("errors").get(0).get("message").asString()).isEqualTo(message);
	}

	@Test
	void aPageHoldsALeadAndFourTopStoriesAtMost() {
		for (int i = 1; i <= 5; i++) {
			api("POST", "/api/v1/front-page/picks", Json.object("article", piece("Full " + i, null).id()));
		}
		Published sixth = piece("One too many", null);

		assertProblem(api("POST", "/api/v1/front-page/picks", Json.object("article", sixth.id())), 409);
		Document desk = Jsoup.parse(Http.signedInAs(port, editorAccount).get("/admin/front-page").body());
		assertThat(desk.select("li.candidate[data-id=" + sixth.id() + "] form")).isEmpty();
		assertThat(desk.text()).contains("unpin one to pin another");
	}

	@Test
	void theStaffPageIsForEditors() {
		Readers readers = new Readers(registration, accounts, administration, new Mailbox(jdbc));
		Readers.Reader writer = readers.join("Wanda Writer", Role.CONTRIBUTOR);
		Http browser = Http.signedInAs(port, writer);

		assertThat(browser.get("/admin/front-page").statusCode()).isEqualTo(403);
		assertThat(Http.signedInAs(port, editorAccount).get("/admin/front-page?section=no-such-section").statusCode()).isEqualTo(404);
	}

	@Test
	void theOpinionPageListsOpinionPiecesOfEverySectionAndTakesOnlyThemAsPicks() {
		Section opinionPage = newsroom.section("Opinion");
		Section science = newsroom.section("Science");
		Instant at = clock.instant();
		Published column = newsroom.article().headline("A column filed under science").opinion().in(science).by(byline)
			.publishedAt(at).publish();
		Published report = newsroom.article().headline("A report filed under science").in(science).by(byline)
			.publishedAt(at).publish();

		Document page = Jsoup.parse(new Http(port).get("/sections/" + opinionPage.slug()).body());
		assertThat(page.select("article.card .card-headline").eachText()).contains(column.headline())
			.doesNotContain(report.headline());
		Element card = page.select("article.card").stream()
			.filter(c -> c.text().contains(column.headline()))
			.findFirst()
			.orElseThrow();
		assertThat(card.selectFirst(".kicker").text()).isEqualTo("Opinion Science");
		assertThat(api("POST", "/api/v1/front-page/sections/" + opinionPage.slug() + "/picks",
				Json.object("article", column.id())).statusCode()).isEqualTo(200);
		assertProblem(api("POST", "/api/v1/front-page/sections/" + opinionPage.slug() + "/picks",
				Json.object("article", report.id())), 400);
	}

	@Test
	void theNewsroomRefusesANewsPieceInTheOpinionSection() {
		Section opinionPage = newsroom.section("Opinion");

		HttpResponse<String> refused = new Http(port).withToken(editor.token(), "POST", Desk.API,
				Json.object("headline", "News in the wrong place", "kind", "news", "section", opinionPage.slug()));
		HttpResponse<String> accepted = new Http(port).withToken(editor.token(), "POST", Desk.API,
				Json.object("headline", "A column in its place", "kind", "opinion", "section", opinionPage.slug()));

		assertProblem(refused, 400);
		assertThat(Json.read(refused).get("errors").get(0).get("field").asString()).isEqualTo("kind");
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
	}

	private HttpResponse<String> api(String method, String path, String json) {
		return new Http(port).withToken(editor.token(), method, path, json);
	}
}
