package dev.gazette.newsroom;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.gazette.account.AccountAdministration;
import dev.gazette.account.Accounts;
import dev.gazette.account.Registration;
import dev.gazette.account.Role;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.article.Author;
import dev.gazette.newsroom.Desk.Writer;
import dev.gazette.support.Http;
import dev.gazette.support.Json;
import dev.gazette.support.Mailbox;
import dev.gazette.support.MutableClock;
import dev.gazette.support.Newsroom;
import dev.gazette.support.Readers;
import dev.gazette.newsroom.internal.Notes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.gazette.newsroom.Desk.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workflow role by role, over the API with each person's token: who may start, change, submit, review, publish,
 * schedule, unpublish and annotate whose pieces, in which states; a refusal is problem JSON and changes nothing.
 */
@NewsroomGazette
class NewsroomWorkflowTests {

	/** One account per role for the whole class (the context, and so the database, is shared). */
	static final Map<String, Writer> staff = new ConcurrentHashMap<>();

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

	Author byline;

	@BeforeEach
	void theStaff() {
		desk = new Desk(port, new Readers(registration, accounts, administration, new Mailbox(jdbc)));
		byline = new Newsroom(catalog).author("Dana Reporter");
		staff.computeIfAbsent("contributor", name -> desk.join("Cleo Contributor", Role.CONTRIBUTOR));
		staff.computeIfAbsent("author", name -> desk.join("Avi Author", Role.AUTHOR));
		staff.computeIfAbsent("editor", name -> desk.join("Eda Editor", Role.EDITOR));
		staff.computeIfAbsent("admin", name -> desk.join("Ada Admin", Role.ADMIN));
		staff.computeIfAbsent("moderator", name -> desk.join("Mo Moderator", Role.MODERATOR));
		staff.computeIfAbsent("reader", name -> desk.join("Rita Reader"));
		staff.computeIfAbsent("other", name -> desk.join("Otto Othercontributor", Role.CONTRIBUTOR));
	}

	@ParameterizedTest(name = "{0} starts a piece: {1}")
	@CsvSource(delimiter = '|', textBlock = """
			contributor | 201
			author      | 201
			editor      | 201
			admin       | 201
			moderator   | 403
			reader      | 403
			""")
	void whoMayStartAPiece(String role, int status) {
		long before = jdbc.sql("select count(*) from article").query(Long.class).single();

		HttpResponse<String> response = desk.call(staff.get(role), "POST", "",
				Json.object("headline", "A piece by a " + role));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		long after = jdbc.sql("select count(*) from article").query(Long.class).single();
		if (status == 201) {
			JsonNode piece = Json.read(response);
			assertThat(piece.get("state").asString()).isEqualTo("draft");
			assertThat(piece.get("ownerId").asLong()).isEqualTo(staff.get(role).id());
			assertThat(response.headers().firstValue("Location").orElseThrow())
				.endsWith(Desk.API + "/" + piece.get("id").asLong());
			assertThat(after).isEqualTo(before + 1);
		}
		else {
			assertProblem(response, status);
			assertThat(after).isEqualTo(before);
		}
	}

	@Test
	void withoutATokenTheWritingApiAnswersUnauthorized() {
		HttpResponse<String> response = new Http(port).send("POST", Desk.API, Json.object("headline", "Anonymous"));

		assertProblem(response, 401);
	}

	@ParameterizedTest(name = "{0}, {1} piece, {2}: {3} → {4}")
	@CsvSource(delimiter = '|', textBlock = """
			contributor | own   | draft       | edit      | 200
			contributor | own   | draft       | submit    | 200
			contributor | own   | draft       | publish   | 403
			contributor | own   | draft       | schedule  | 403
			contributor | own   | draft       | note      | 403
			contributor | own   | submitted   | edit      | 403
			contributor | own   | submitted   | review    | 403
			contributor | own   | submitted   | draft     | 200
			contributor | own   | published   | unpublish | 403
			contributor | other | draft       | read      | 403
			contributor | other | draft       | edit      | 403
			contributor | other | draft       | submit    | 403
			author      | own   | draft       | publish   | 200
			author      | own   | in_review   | publish   | 200
			author      | own   | published   | edit      | 200
			author      | own   | published   | unpublish | 403
			author      | own   | submitted   | review    | 403
			author      | own   | draft       | schedule  | 403
			author      | other | draft       | read      | 403
			author      | other | draft       | publish   | 403
			author      | other | draft       | edit      | 403
			editor      | other | draft       | edit      | 200
			editor      | other | submitted   | review    | 200
			editor      | other | draft       | publish   | 200
			editor      | other | in_review   | schedule  | 200
			editor      | other | published   | unpublish | 200
			editor      | other | unpublished | publish   | 200
			editor      | other | scheduled   | draft     | 200
			editor      | other | in_review   | draft     | 200
			editor      | other | draft       | note      | 201
			editor      | other | draft       | review    | 409
			editor      | other | published   | submit    | 409
			editor      | other | draft       | unpublish | 409
			editor      | other | published   | schedule  | 409
			admin       | other | draft       | publish   | 200
			admin       | other | submitted   | review    | 200
			admin       | other | published   | unpublish | 200
			admin       | other | draft       | note      | 201
			moderator   | other | draft       | read      | 403
			moderator   | other | draft       | publish   | 403
			reader      | other | draft       | read      | 403
			reader      | other | draft       | edit      | 403
			""")
	void whoMayDoWhatToWhichPiece(String role, String whose, String state, String action, int status) {
		Writer actor = staff.get(role);
		long id = pieceIn(state, whose.equals("own") ? actor : staff.get("other"));
		JsonNode before = desk.piece(staff.get("admin"), id);

		HttpResponse<String> response = perform(actor, action, id);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		JsonNode after = desk.piece(staff.get("admin"), id);
		if (status >= 400) {
			assertProblem(response, status);
			assertThat(after).as("nothing changed").isEqualTo(before);
			return;
		}
		String expected = switch (action) {
			case "submit" -> "submitted";
			case "review" -> "in_review";
			case "publish" -> "published";
			case "unpublish" -> "unpublished";
			case "schedule" -> "scheduled";
			case "draft" -> "draft";
			default -> state;
		};
		assertThat(after.get("state").asString()).isEqualTo(expected);
		if (action.equals("edit")) {
			assertThat(after.get("standfirst").asString()).isEqualTo("Changed by " + role + ".");
		}
		if (action.equals("note")) {
			assertThat(after.get("notes").get(0).get("by").asString()).isEqualTo(actor.name());
			assertThat(after.get("notes").get(0).get("body").asString()).isEqualTo("Tighten the second paragraph.");
		}
	}

	@Test
	void theWriterReadsTheEditorsNotesWithWhoAndWhen() {
		Writer contributor = staff.get("contributor");
		long id = desk.start(contributor, "headline", "Notes for the writer");
		desk.post(contributor, "/" + id + "/submit");

		HttpResponse<String> note = desk.call(staff.get("editor"), "POST", "/" + id + "/notes",
				Json.object("body", "Needs a second source."));

		assertThat(note.statusCode()).isEqualTo(201);
		JsonNode notes = desk.piece(contributor, id).get("notes");
		assertThat(notes).hasSize(1);
		assertThat(notes.get(0).get("by").asString()).isEqualTo("Eda Editor");
		assertThat(notes.get(0).get("byId").asLong()).isEqualTo(staff.get("editor").id());
		assertThat(notes.get(0).get("at").asString()).isEqualTo(clock.instant().toString());
		assertThat(notes.get(0).get("body").asString()).isEqualTo("Needs a second source.");
	}

	@Test
	void anUnpublishedPieceDisappearsFromReadingPagesFeedsSitemapsAndTheReadingApi() {
		Writer editor = staff.get("editor");
		long id = desk.start(editor, "headline", "Here today, gone tomorrow", "authors", List.of(byline.slug()),
				"bodyMarkdown", "A short life.");
		String slug = desk.piece(editor, id).get("slug").asString();
		assertThat(slug).isEqualTo("here-today-gone-tomorrow");
		assertThat(desk.read("/articles/" + slug).statusCode()).as("a draft is not public").isEqualTo(404);

		assertThat(desk.post(editor, "/" + id + "/publish").statusCode()).isEqualTo(200);

		assertThat(desk.read("/articles/" + slug).statusCode()).isEqualTo(200);
		assertThat(everywhereAReaderLooks(slug)).allSatisfy(body -> assertThat(body).contains(slug));

		assertThat(desk.post(editor, "/" + id + "/unpublish").statusCode()).isEqualTo(200);

		assertThat(desk.read("/articles/" + slug).statusCode()).isEqualTo(404);
		assertThat(new Http(port).getJson("/api/v1/articles/" + slug).statusCode()).isEqualTo(404);
		assertThat(everywhereAReaderLooks(slug)).allSatisfy(body -> assertThat(body).doesNotContain(slug));
	}

	@Test
	void publishingAnnouncesThePieceOnceAndRepublishingKeepsItsFirstPublicationTime() {
		Writer editor = staff.get("editor");
		long id = desk.start(editor, "headline", "Announced once", "authors", List.of(byline.slug()), "bodyMarkdown",
				"Body.");
		desk.post(editor, "/" + id + "/publish");
		String firstPublished = desk.piece(editor, id).get("publishedAt").asString();
		desk.post(editor, "/" + id + "/unpublish");
		clock.advance(Duration.ofMinutes(5));

		desk.post(editor, "/" + id + "/publish");

		assertThat(desk.piece(editor, id).get("publishedAt").asString()).isEqualTo(firstPublished);
		assertThat(jdbc.sql("select count(*) from event_publication where serialized_event like :id")
			.param("id", "%\"articleId\":" + id + ",%")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aPieceWithoutABylineOrBodyCannotBePublished() {
		Writer editor = staff.get("editor");
		long id = desk.start(editor, "headline", "Nobody wrote this");

		HttpResponse<String> response = desk.post(editor, "/" + id + "/publish");

		assertProblem(response, 409);
		assertThat(Json.read(response).get("errors").get(0).get("field").asString()).isEqualTo("authors");
		assertThat(desk.piece(editor, id).get("state").asString()).isEqualTo("draft");
	}

	@Test
	void theListShowsEditorsEveryPieceAndWritersOnlyTheirOwn() {
		Writer contributor = desk.join("Lisa Lister", Role.CONTRIBUTOR);
		long mine = desk.start(contributor, "headline", "Mine to list");
		desk.post(contributor, "/" + mine + "/submit");
		long others = desk.start(staff.get("other"), "headline", "Not hers to list");

		JsonNode hers = Json.read(desk.call(contributor, "GET", "", null));
		JsonNode herSubmitted = Json.read(desk.call(contributor, "GET", "?state=submitted", null));
		JsonNode editorsDrafts = Json.read(desk.call(staff.get("editor"), "GET", "?state=draft&size=100", null));
		JsonNode editorsSubmitted = Json.read(desk.call(staff.get("editor"), "GET", "?state=submitted&size=100", null));

		assertThat(hers.get("total").asLong()).isEqualTo(1);
		assertThat(hers.get("items").get(0).get("id").asLong()).isEqualTo(mine);
		assertThat(hers.get("items").get(0).get("state").asString()).isEqualTo("submitted");
		assertThat(hers.get("items").get(0).get("headline").asString()).isEqualTo("Mine to list");
		assertThat(herSubmitted.get("items").findValuesAsString("state")).containsExactly("submitted");
		assertThat(editorsDrafts.get("items").findValues("id").stream().map(JsonNode::asLong)).contains(others)
			.doesNotContain(mine);
		assertThat(editorsDrafts.get("items").findValuesAsString("state")).containsOnly("draft");
		assertThat(editorsSubmitted.get("items").findValues("id").stream().map(JsonNode::asLong)).contains(mine);
		assertProblem(desk.call(staff.get("reader"), "GET", "", null), 403);
		assertProblem(desk.call(contributor, "GET", "?state=lost", null), 400);
	}

	private List<String> everywhereAReaderLooks(String slug) {
		return List.of(desk.read("/").body(), desk.read("/authors/" + byline.slug()).body(),
				desk.read("/feeds/rss.xml").body(), desk.read("/feeds/atom.xml").body(),
				desk.read("/sitemaps/articles-1.xml").body(), desk.read("/sitemaps/news.xml").body(),
				new Http(port).getJson("/api/v1/articles?size=100").body());
	}

	/** A piece owned by {@code owner}, moved into {@code state} by an admin. */
	private long pieceIn(String state, Writer owner) {
		Writer admin = staff.get("admin");
		long id = desk.start(owner, "headline", "A piece that is " + state, "bodyMarkdown", "Line one.\n\nLine two.");
		// The byline is the admin's to give: a contributor may put only their own on a piece.
		HttpResponse<String> bylined = desk.call(admin, "PATCH", "/" + id, Json.object("authors", List.of(byline.slug())));
		assertThat(bylined.statusCode()).as(bylined.body()).isEqualTo(200);
		switch (state) {
			case "draft" -> {
			}
			case "submitted" -> move(admin, id, "submit");
			case "in_review" -> {
				move(admin, id, "submit");
				move(admin, id, "review");
			}
			case "published" -> move(admin, id, "publish");
			case "scheduled" -> assertThat(desk.call(admin, "POST", "/" + id + "/schedule",
					Json.object("at", clock.instant().plus(Duration.ofDays(1)).toString())).statusCode()).isEqualTo(200);
			case "unpublished" -> {
				move(admin, id, "publish");
				move(admin, id, "unpublish");
			}
			default -> throw new IllegalArgumentException(state);
		}
		return id;
	}

	private void move(Writer who, long id, String action) {
		HttpResponse<String> moved = desk.post(who, "/" + id + "/" + action);
		assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
	}

	private HttpResponse<String> perform(Writer actor, String action, long id) {
		return switch (action) {
			case "read" -> desk.call(actor, "GET", "/" + id, null);
			case "edit" -> desk.call(actor, "PATCH", "/" + id, Json.object("standfirst", "Changed by "
					+ staff.entrySet().stream().filter(e -> e.getValue().equals(actor)).findFirst().orElseThrow().getKey() + "."));
			case "note" -> desk.call(actor, "POST", "/" + id + "/notes", Json.object("body", "Tighten the second paragraph."));
			case "schedule" -> desk.call(actor, "POST", "/" + id + "/schedule",
					Json.object("at", clock.instant().plus(Duration.ofDays(2)).toString()));
			default -> desk.post(actor, "/" + id + "/" + action);
		};
	}
}
