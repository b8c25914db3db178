package dev.gazette.comment;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

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
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Comments carry their account: its display name, whatever the form or the request says; the author, and nobody
 * else, may edit a comment for fifteen minutes and delete it. (The clock of this application stands still, so every
 * comment here is within its edit window; {@code AccountsOverTimeTests} moves the clock past it.)
 */
@RunningGazette
class CommentsAndAccountsTests {

	@Autowired
	Accounts accounts;

	@Autowired
	Registration registration;

	@Autowired
	AccountAdministration administration;

	@Autowired
	ApiTokens apiTokens;

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	Readers readers;

	Published article;

	Reader author;

	Http authorsBrowser;

	@BeforeEach
	void aSignedInReaderAndAnArticle() {
		readers = new Readers(registration, accounts, administration, new Mailbox(jdbc));
		article = new Newsroom(catalog).article().publish();
		author = readers.join("Tamar Shalev");
		authorsBrowser = Http.signedInAs(port, author);
	}

	@Nested
	class OnThePage {

		@Test
		void aSignedInReadersCommentShowsTheirDisplayNameNotTheNameTyped() {
			Document form = Jsoup.parse(authorsBrowser.get(article.path()).body());
			assertThat(form.selectFirst("#comment-form .commenting-as").text()).isEqualTo("Commenting as Tamar Shalev");
			assertThat(form.selectFirst("#comment-form input[name=authorName]")).isNull();

			long id = post(authorsBrowser, Map.of("authorName", "The Editor", "body", "Posted under my own name, as always."));

			assertThat(commentOnPage(id).selectFirst(".comment-author").text()).isEqualTo("Tamar Shalev");
			assertThat(row(id)).containsEntry("account_id", author.id()).containsEntry("author_name", "Tamar Shalev");
		}

		@Test
		void aGuestsAddressIsStoredButNeverShown() {
			String address = Readers.uniqueEmail("guest");

			long id = post(new Http(port),
					Map.of("authorName", "Guest Writer", "guestEmail", address, "body", "From a guest."));

			assertThat(row(id)).containsEntry("guest_email", address).containsEntry("account_id", null);
			assertThat(new Http(port).get(article.path()).body()).contains("From a guest.").doesNotContain(address);
			assertThat(new Http(port).getJson("/api/v1/articles/" + article.slug() + "/comments").body())
				.contains("From a guest.")
				.doesNotContain(address);
		}

		@Test
		void theAuthorEditsTheirCommentWhichIsThenMarkedEdited() {
			long id = post(authorsBrowser, Map.of("body", "Teh wall is low."));
			Element shown = Jsoup.parse(authorsBrowser.get(article.path()).body()).getElementById("comment-" + id);
			assertThat(shown.select(".comment-actions a").eachText()).contains("Edit your comment", "Delete your comment");
			assertThat(commentOnPage(id).select(".comment-actions a").eachText()).as("nobody else sees them")
				.doesNotContain("Edit your comment", "Delete your comment");

			HttpResponse<String> edited = authorsBrowser.postForm(article.path() + "/comments/" + id + "/edit",
					Map.of("body", "The wall is *low*."));

			assertThat(edited.statusCode()).isEqualTo(302);
			Element comment = commentOnPage(id);
			assertThat(comment.selectFirst(".comment-body").html()).isEqualTo("<p>The wall is <em>low</em>.</p>");
			assertThat(comment.selectFirst(".edited").text()).isEqualTo("(edited)");
			assertThat(row(id).get("edited_at")).isNotNull();
		}

		@Test
		void anEditThatEmptiesTheCommentIsRefusedAndChangesNothing() {
			long id = post(authorsBrowser, Map.of("body", "Keep me."));

			HttpResponse<String> refused = authorsBrowser.postForm(article.path() + "/comments/" + id + "/edit",
					Map.of("body", "   "));

			assertThat(refused.statusCode()).isEqualTo(400);
			assertThat(Jsoup.parse(refused.body()).selectFirst(".form-error").text()).isEqualTo("Please write a comment.");
			assertThat(row(id)).containsEntry("body", "Keep me.").containsEntry("edited_at", null);
		}

		@Test
		void someoneElsesCommentCannotBeEditedOrDeleted() {
			long id = post(authorsBrowser, Map.of("body", "Mine alone."));
			Http stranger = Http.signedInAs(port, readers.join("Stranger"));
			Http guest = new Http(port);
			String comment = article.path() + "/comments/" + id;

			assertThat(stranger.get(comment + "/edit").statusCode()).isEqualTo(404);
			assertThat(stranger.get(comment + "/delete").statusCode()).isEqualTo(404);
			assertThat(stranger.postForm(comment + "/edit", Map.of("body", "Yours now")).statusCode()).isEqualTo(404);
			assertThat(stranger.postForm(comment + "/delete", Map.of()).statusCode()).isEqualTo(404);
			assertThat(guest.postForm(comment + "/edit", Map.of("body", "Yours now")).statusCode()).isEqualTo(403);
			assertThat(guest.postForm(comment + "/delete", Map.of()).statusCode()).isEqualTo(403);

			assertThat(row(id)).containsEntry("body", "Mine alone.").containsEntry("status", "published")
				.containsEntry("edited_at", null);
		}

		@Test
		void theAuthorDeletesTheirCommentAndADeletedMarkStaysInItsPlace() {
			long id = post(authorsBrowser, Map.of("body", "Regrettable words."));
			assertThat(Jsoup.parse(authorsBrowser.get(article.path() + "/comments/" + id + "/delete").body())
				.selectFirst("main h1")
				.text()).isEqualTo("Delete your comment?");

			HttpResponse<String> deleted = authorsBrowser.postForm(article.path() + "/comments/" + id + "/delete", Map.of());

			assertThat(deleted.statusCode()).isEqualTo(302);
			assertThat(commentOnPage(id).selectFirst(".comment-removed").text()).isEqualTo("[deleted]");
			assertThat(new Http(port).get(article.path()).body()).doesNotContain("Regrettable words.");
			assertThat(row(id)).containsEntry("status", "deleted").containsEntry("body", "");
		}
	}

	@Nested
	class ThroughTheApi {

		String token;

		@BeforeEach
		void aPersonalAccessToken() {
			token = apiTokens.create(author.id(), "Test client").token();
		}

		@Test
		void aCommentPostedWithATokenShowsTheAccountsNameNotTheOneInTheRequest() {
			HttpResponse<String> posted = new Http(port).withToken(token, "POST",
					"/api/v1/articles/" + article.slug() + "/comments",
					Json.object("authorName", "Somebody Famous", "guestEmail", "famous@example.com", "body", "Via the API"));

			assertThat(posted.statusCode()).isEqualTo(201);
			JsonNode comment = Json.read(posted);
			assertThat(comment.get("authorName").asString()).isEqualTo("Tamar Shalev");
			assertThat(row(comment.get("id").asLong())).containsEntry("account_id", author.id())
				.containsEntry("guest_email", null);
			assertThat(commentOnPage(comment.get("id").asLong()).selectFirst(".comment-author").text())
				.isEqualTo("Tamar Shalev");
		}

		@Test
		void theAuthorChangesAndDeletesTheirOwnComment() {
			long id = post(authorsBrowser, Map.of("body", "First draft"));

			HttpResponse<String> patched = new Http(port).withToken(token, "PATCH", "/api/v1/comments/" + id,
					Json.object("body", "Second **draft**"));

			assertThat(patched.statusCode()).isEqualTo(200);
			assertThat(Json.read(patched).get("bodyHtml").asString()).isEqualTo("<p>Second <strong>draft</strong></p>");
			assertThat(commentOnPage(id).selectFirst(".edited")).isNotNull();

			HttpResponse<String> deleted = new Http(port).withToken(token, "DELETE", "/api/v1/comments/" + id, null);

			assertThat(deleted.statusCode()).isEqualTo(204);
			assertThat(row(id)).containsEntry("status", "deleted").containsEntry("body", "");
		}

		@Test
		void someoneElsesCommentIsForbiddenAndUnchanged() {
			long id = post(Http.signedInAs(port, readers.join("Other Reader")), Map.of("body", "Not Tamar's"));

			HttpResponse<String> patched = new Http(port).withToken(token, "PATCH", "/api/v1/comments/" + id,
					Json.object("body", "Mine now"));
			HttpResponse<String> deleted = new Http(port).withToken(token, "DELETE", "/api/v1/comments/" + id, null);

			assertThat(patched.statusCode()).isEqualTo(403);
			assertThat(patched.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
			assertThat(Json.read(patched).get("detail").asString()).isEqualTo("That is not your comment.");
			assertThat(deleted.statusCode()).isEqualTo(403);
			assertThat(row(id)).containsEntry("body", "Not Tamar's").containsEntry("status", "published");
		}

		@Test
		void withoutATokenChangingACommentNeedsSigningIn() {
			long id = post(authorsBrowser, Map.of("body", "Hands off"));

			HttpResponse<String> patched = new Http(port).send("PATCH", "/api/v1/comments/" + id, Json.object("body", "x"));
			HttpResponse<String> deleted = new Http(port).send("DELETE", "/api/v1/comments/" + id, null);

			assertThat(patched.statusCode()).isEqualTo(401);
			assertThat(patched.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
			assertThat(deleted.statusCode()).isEqualTo(401);
			assertThat(row(id)).containsEntry("body", "Hands off").containsEntry("status", "published");
		}
	}

	// --- helpers ---

	private long post(Http browser, Map<String, String> fields) {
		HttpResponse<String> posted = browser.postForm(article.path() + "/comments", new LinkedHashMap<>(fields));
		assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
		String location = posted.headers().firstValue("Location").orElseThrow();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	private Element commentOnPage(long id) {
		Element comment = Jsoup.parse(new Http(port).get(article.path()).body()).getElementById("comment-" + id);
		assertThat(comment).as("comment " + id + " on the page").isNotNull();
		return comment;
	}

	private Map<String, Object> row(long id) {
		return jdbc.sql("select account_id, author_name, guest_email, body, status, edited_at from comment where id = :id")
			.param("id", id)
			.query()
			.singleRow();
	}
}
