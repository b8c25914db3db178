package dev.gazette.newsroom;

import java.net.http.HttpResponse;
import java.util.List;

import dev.gazette.account.AccountAdministration;
import dev.gazette.account.Accounts;
import dev.gazette.account.Registration;
import dev.gazette.account.Role;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.article.ArticleState;
import dev.gazette.article.Manuscript;
import dev.gazette.article.Manuscripts;
import dev.gazette.article.Author;
import dev.gazette.newsroom.Desk.Writer;
import dev.gazette.support.Http;
import dev.gazette.support.Json;
import dev.gazette.support.Mailbox;
import dev.gazette.support.Newsroom;
import dev.gazette.support.Newsroom.Published;
import dev.gazette.support.Readers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.gazette.newsroom.Desk.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every save keeps a revision (who, when, the fields); two revisions compare field by field and line by line; an old
 * revision comes back as a new one. A published piece's new slug leaves the old address answering 301. A change made
 * on a version someone else has since changed is refused.
 */
@NewsroomGazette
class NewsroomRevisionsTests {

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
	Manuscripts manuscripts;

	@LocalServerPort
	int port;

	Desk desk;

	Newsroom newsroom;

	Writer writer;

	Writer editor;

	Author byline;

	@BeforeEach
	void aWriterAndAnEditor() {
		desk = new Desk(port, new Readers(registration, accounts, administration, new Mailbox(jdbc)));
		newsroom = new Newsroom(catalog);
		writer = desk.join("Ron Revisor", Role.AUTHOR);
		editor = desk.join("Eve Editor", Role.EDITOR);
		byline = newsroom.author("Ron Revisor");
	}

	@Test
	void everySaveKeepsARevisionWithWhoWhenAndTheFields() {
		long id = desk.start(writer, "headline", "Tides of change", "bodyMarkdown", "First line.\nSecond line.");
		patch(writer, id, Json.object("standfirst", "What the sea brings."));
		patch(editor, id, Json.object("headline", "Tides of change, at last", "bodyMarkdown",
				"First line.\nSecond line, edited.\nThird line."));
		patch(editor, id, Json.object("headline", "Tides of change, at last"));

		HttpResponse<String> response = desk.call(writer, "GET", "/" + id + "/revisions", null);

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode revisions = Json.read(response);
		assertThat(revisions).as("the save that changed nothing kept none").hasSize(3);
		assertThat(revisions.get(0).get("number").asInt()).isEqualTo(3);
		assertThat(revisions.get(0).get("by").asString()).isEqualTo("Eve Editor");
		assertThat(revisions.get(0).get("byId").asLong()).isEqualTo(editor.id());
		assertThat(revisions.get(0).get("at").asString()).isNotBlank();
		assertThat(revisions.get(0).get("summary").asString()).isEqualTo("edited");
		assertThat(revisions.get(0).get("fields").get("headline").asString()).isEqualTo("Tides of change, at last");
		assertThat(revisions.get(2).get("summary").asString()).isEqualTo("started");
		assertThat(revisions.get(2).get("by").asString()).isEqualTo("Ron Revisor");
		assertThat(revisions.get(2).get("bodyMarkdown").asString()).isEqualTo("First line.\nSecond line.");
		assertThat(revisions.get(1).get("fields").get("standfirst").asString()).isEqualTo("What the sea brings.");
	}

	@Test
	void theDiffNamesTheChangedFieldsAndTheChangedLinesOfTheBody() {
		long id = desk.start(writer, "headline", "Ferry timetable", "tags", List.of("Transport"), "bodyMarkdown",
				"Ferries run hourly.\nThe first leaves at six.\nTickets cost two euros.");
		patch(writer, id, Json.object("headline", "New ferry timetable", "tags", List.of("Transport", "Sea"),
				"bodyMarkdown", "Ferries run hourly.\nThe first leaves at seven.\nTickets cost two euros.\nBikes ride free."));

		HttpResponse<String> response = desk.call(writer, "GET", "/" + id + "/revisions/diff?from=1&to=2", null);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode diff = Json.read(response);
		assertThat(diff.get("fields").findValuesAsString("field")).containsExactly("headline", "tags");
		assertThat(diff.get("fields").get(0).get("from").asString()).isEqualTo("Ferry timetable");
		assertThat(diff.get("fields").get(0).get("to").asString()).isEqualTo("New ferry timetable");
		assertThat(diff.get("unified").asString()).contains("--- revision 1", "+++ revision 2", "-The first leaves at six.",
				"+The first leaves at seven.", "+Bikes ride free.", " Ferries run hourly.");
		JsonNode change = diff.get("body").get(0);
		assertThat(change.get("type").asString()).isEqualTo("change");
		assertThat(change.get("fromLine").asInt()).isEqualTo(2);
		assertThat(change.get("removed").get(0).asString()).isEqualTo("The first leaves at six.");
		assertThat(change.get("added").get(0).asString()).isEqualTo("The first leaves at seven.");

		assertProblem(desk.call(writer, "GET", "/" + id + "/revisions/diff?from=1&to=9", null), 404);
	}

	@Test
	void restoringAnOldRevisionMakesANewOneWithItsFieldsAndBody() {
		long id = desk.start(writer, "headline", "Original headline", "bodyMarkdown", "Original body.");
		patch(writer, id, Json.object("headline", "Worse headline", "bodyMarkdown", "Worse body."));

		HttpResponse<String> restored = desk.post(writer, "/" + id + "/revisions/1/restore");

		assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
		JsonNode piece = Json.read(restored);
		assertThat(piece.get("headline").asString()).isEqualTo("Original headline");
		assertThat(piece.get("bodyMarkdown").asString()).isEqualTo("Original body.");
		JsonNode revisions = Json.read(desk.call(writer, "GET", "/" + id + "/revisions", null));
		assertThat(revisions).hasSize(3);
		assertThat(revisions.get(0).get("summary").asString()).isEqualTo("restored revision 1");
		JsonNode diff = Json.read(desk.call(writer, "GET", "/" + id + "/revisions/diff?from=1&to=3", null));
		assertThat(diff.get("fields")).isEmpty();
		assertThat(diff.get("unified").asString()).isEmpty();
		assertProblem(desk.post(writer, "/" + id + "/revisions/7/restore"), 404);
	}

	@Test
	void theSearchTitleAndDescriptionAreSavedRevisedAndRestoredLikeTheCopy() {
		long id = desk.start(writer, "headline", "Council votes on the harbour", "seoTitle", "Harbour vote: what changes",
				"seoDescription", "Şehir meclisi votes on the harbour plan; דיון ציבורי 🌊");
		JsonNode changed = patch(writer, id, Json.object("seoTitle", null, "seoDescription", "   "));

		assertThat(changed.get("seoTitle").isNull()).isTrue();
		assertThat(changed.get("seoDescription").isNull()).as("a blank description means none").isTrue();
		JsonNode diff = Json.read(desk.call(writer, "GET", "/" + id + "/revisions/diff?from=1&to=2", null));
		assertThat(diff.get("fields").findValuesAsString("field")).containsExactly("seoTitle", "seoDescription");
		JsonNode restored = Json.read(desk.post(writer, "/" + id + "/revisions/1/restore"));
		assertThat(restored.get("seoTitle").asString()).isEqualTo("Harbour vote: what changes");
		assertThat(restored.get("seoDescription").asString())
			.isEqualTo("Şehir meclisi votes on the harbour plan; דיון ציבורי 🌊");

		assertProblem(desk.call(writer, "PATCH", "/" + id, Json.object("seoTitle", "x".repeat(301))), 400);
		assertThat(Json.read(desk.call(writer, "GET", "/" + id, null)).get("seoTitle").asString())
			.isEqualTo("Harbour vote: what changes");
	}

	@Test
	void aPieceFromBeforeTheNewsroomKeepsItsOldStateAsTheFirstRevision() {
		Published old = newsroom.article().headline("Written before the newsroom").body("Old body.").publish();

		patch(editor, old.id(), Json.object("bodyMarkdown", "New body."));

		JsonNode revisions = Json.read(desk.call(editor, "GET", "/" + old.id() + "/revisions", null));
		assertThat(revisions).hasSize(2);
		assertThat(revisions.get(1).get("summary").asString()).isEqualTo("as it was before the newsroom");
		assertThat(revisions.get(1).get("bodyMarkdown").asString()).isEqualTo("Old body.");
		assertThat(desk.piece(editor, old.id()).get("state").asString()).isEqualTo("published");
	}

	@Test
	void aPublishedPiecesOldSlugRedirectsPermanentlyToTheNewOne() {
		long id = desk.start(writer, "headline", "Bridge opens", "authors", List.of(byline.slug()), "bodyMarkdown",
				"It opened.");
		desk.post(writer, "/" + id + "/publish");
		assertThat(desk.read("/articles/bridge-opens").statusCode()).isEqualTo(200);

		JsonNode renamed = patch(writer, id, Json.object("slug", "bridge-opens-to-traffic"));

		assertThat(renamed.get("slug").asString()).isEqualTo("bridge-opens-to-traffic");
		HttpResponse<String> old = desk.read("/articles/bridge-opens");
		assertThat(old.statusCode()).isEqualTo(301);
		assertThat(old.headers().firstValue("Location").orElseThrow()).endsWith("/articles/bridge-opens-to-traffic");
		assertThat(desk.read("/articles/bridge-opens-to-traffic").statusCode()).isEqualTo(200);
		HttpResponse<String> api = new Http(port).getJson("/api/v1/articles/bridge-opens");
		assertThat(api.statusCode()).isEqualTo(301);
		assertThat(api.headers().firstValue("Location").orElseThrow()).endsWith("/api/v1/articles/bridge-opens-to-traffic");
		assertThat(desk.read("/articles/never-was-an-article").statusCode()).isEqualTo(404);
	}

	@Test
	void addressesBelowAnOldSlugLeadToTheSameAddressesUnderTheNewOne() {
		long id = desk.start(writer, "headline", "Tram line extended", "authors", List.of(byline.slug()), "bodyMarkdown",
				"The tram now reaches the harbour.");
		desk.post(writer, "/" + id + "/publish");
		patch(writer, id, Json.object("slug", "tram-line-reaches-the-harbour"));

		HttpResponse<String> feed = desk.read("/feeds/articles/tram-line-extended/comments/atom.xml");
		assertThat(feed.statusCode()).isEqualTo(301);
		assertThat(feed.headers().firstValue("Location").orElseThrow())
			.endsWith("/feeds/articles/tram-line-reaches-the-harbour/comments/atom.xml");
		HttpResponse<String> form = desk.read("/articles/tram-line-extended/email?from=feed");
		assertThat(form.statusCode()).isEqualTo(301);
		assertThat(form.headers().firstValue("Location").orElseThrow())
			.endsWith("/articles/tram-line-reaches-the-harbour/email?from=feed");
		assertThat(desk.read("/articles/tram-line-reaches-the-harbour/email?from=feed").statusCode()).isEqualTo(200);
		assertThat(desk.read("/articles/tram-line-reaches-the-harbour/comments/999999").statusCode())
			.as("an unknown comment under the current slug stays a 404").isEqualTo(404);
		assertThat(desk.read("/articles/never-was-an-article/email").statusCode()).isEqualTo(404);
	}

	@Test
	void anOldSlugLeadsToItsArticleUntilAnotherIsPublishedThere() {
		long first = desk.start(writer, "headline", "Harbour lights", "authors", List.of(byline.slug()), "bodyMarkdown",
				"First.");
		desk.post(writer, "/" + first + "/publish");
		patch(writer, first, Json.object("slug", "harbour-lights-return"));
		long second = desk.start(writer, "headline", "Harbour lights", "slug", "harbour-lights", "authors",
				List.of(byline.slug()), "bodyMarkdown", "Second.");

		assertThat(desk.read("/articles/harbour-lights").statusCode()).as("the new piece is a draft").isEqualTo(301);

		desk.post(writer, "/" + second + "/publish");

		assertThat(desk.read("/articles/harbour-lights").statusCode()).isEqualTo(200);
		assertThat(desk.read("/articles/harbour-lights").body()).contains("Second.");
	}

	@Test
	void aDraftsSlugComesFromTheHeadlineUniquelyAndANewHeadlineLeavesItAlone() {
		long first = desk.start(writer, "headline", "Çay time in İzmir");
		long second = desk.start(writer, "headline", "Çay time in İzmir");

		assertThat(desk.piece(writer, first).get("slug").asString()).isEqualTo("cay-time-in-izmir");
		assertThat(desk.piece(writer, second).get("slug").asString()).isEqualTo("cay-time-in-izmir-2");
		assertThat(patch(writer, first, Json.object("headline", "Tea time")).get("slug").asString())
			.isEqualTo("cay-time-in-izmir");
		assertThat(patch(writer, first, Json.object("slug", null)).get("slug").asString()).isEqualTo("tea-time");
		assertThat(desk.read("/articles/cay-time-in-izmir").statusCode()).as("a draft's old slug leads nowhere")
			.isEqualTo(404);
	}

	@Test
	void aNumericSlugStillReadsAtItsAddress() {
		long id = desk.start(editor, "headline", "2018", "authors", List.of(byline.slug()), "bodyMarkdown", "A year.");
		String slug = desk.piece(editor, id).get("slug").asString();
		desk.post(editor, "/" + id + "/publish");

		assertThat(slug).isEqualTo("2018");
		assertThat(new Http(port).getJson("/api/v1/articles/2018").statusCode()).isEqualTo(200);
		assertThat(desk.read("/articles/2018").statusCode()).isEqualTo(200);
	}

	@Test
	void aChangeMadeOnAStaleVersionIsRefusedSoNoSaveIsLost() {
		long id = desk.start(writer, "headline", "Two editors at once", "bodyMarkdown", "Body.");
		Manuscript read = manuscripts.find(id).orElseThrow();
		patch(editor, id, Json.object("bodyMarkdown", "The other editor's body."));

		assertThatExceptionOfType(OptimisticLockingFailureException.class)
			.isThrownBy(() -> manuscripts.revise(id, read.version(), read.copy()));
		assertThatExceptionOfType(OptimisticLockingFailureException.class)
			.isThrownBy(() -> manuscripts.moveTo(id, read.version(), ArticleState.SUBMITTED, null));

		JsonNode piece = desk.piece(editor, id);
		assertThat(piece.get("bodyMarkdown").asString()).isEqualTo("The other editor's body.");
		assertThat(piece.get("state").asString()).isEqualTo("draft");
	}

	@Test
	void aMoveItsStateDoesNotAllowIsRefusedByTheArticleItself() {
		long id = desk.start(writer, "headline", "Straight to unpublished", "bodyMarkdown", "Body.");
		Manuscript draft = manuscripts.find(id).orElseThrow();

		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> manuscripts.moveTo(id, draft.version(), ArticleState.UNPUBLISHED, null));
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> manuscripts.moveTo(id, draft.version(), ArticleState.IN_REVIEW, null));

		assertThat(manuscripts.find(id).orElseThrow()).isEqualTo(draft);
		assertThat(desk.piece(editor, id).get("state").asString()).isEqualTo("draft");
	}

	private JsonNode patch(Writer who, long id, String json) {
		HttpResponse<String> response = desk.call(who, "PATCH", "/" + id, json);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return Json.read(response);
	}
}
