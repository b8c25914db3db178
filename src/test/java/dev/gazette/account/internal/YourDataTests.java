package dev.gazette.account.internal;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import dev.gazette.article.ArticleCatalog;
import dev.gazette.support.Http;
import dev.gazette.support.Json;
import dev.gazette.support.Mailbox;
import dev.gazette.support.Newsroom;
import dev.gazette.support.Newsroom.Published;
import dev.gazette.support.Readers;
import dev.gazette.support.Readers.Reader;
import dev.gazette.support.RunningGazette;
import dev.gazette.account.AccountAdministration;
import dev.gazette.account.Accounts;
import dev.gazette.account.Registration;
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
import static org.awaitility.Awaitility.await;

/** A reader downloads what Gazette holds about them, and deletes their account with or without their comments. */
@RunningGazette
class YourDataTests {

	static final Duration PATIENCE = Duration.ofSeconds(10);

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

	@LocalServerPort
	int port;

	Http http;

	Readers readers;

	Reader reader;

	Published article;

	@BeforeEach
	void aSignedInReaderWithAnArticleToTalkAbout() {
		readers = new Readers(registration, accounts, administration, new Mailbox(jdbc));
		reader = readers.join("Leyla Mammadova");
		http = Http.signedInAs(port, reader);
		article = new Newsroom(catalog).article().publish();
	}

	@Test
	void theExportHoldsTheAccountItsHistoryAndItsComments() {
		long comment = comment(http, "Ferries should run all night.", null);
		http.postForm("/settings/tokens", Map.of("name", "My reader app"));

		HttpResponse<String> export = http.get("/settings/export");

		assertThat(export.statusCode()).isEqualTo(200);
		assertThat(export.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
		assertThat(export.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
		JsonNode data = Json.read(export);
		assertThat(data.get("account").get("id").asLong()).isEqualTo(reader.id());
		assertThat(data.get("account").get("email").asString()).isEqualTo(reader.email());
		assertThat(data.get("account").get("displayName").asString()).isEqualTo("Leyla Mammadova");
		assertThat(data.get("account").get("roles").toString()).isEqualTo("[\"reader\"]");
		assertThat(data.get("history").findValuesAsString("kind")).containsExactly("signed-up", "verified",
				"api-token-created");
		JsonNode comments = data.get("comments");
		assertThat(comments).hasSize(1);
		assertThat(comments.get(0).get("id").asLong()).isEqualTo(comment);
		assertThat(comments.get(0).get("body").asString()).isEqualTo("Ferries should run all night.");
		assertThat(export.body()).doesNotContain("bcrypt").doesNotContain("password_hash");
		assertThat(new Http(port).get("/settings/export").statusCode()).as("a guest has no data to download")
			.isEqualTo(302);
	}

	@Test
	void deletingKeepsTheCommentsAsDeletedMarksWithoutTheirTextAndRecordsTheDeletion() {
		long mine = comment(http, "My thoughts on the wall.", null);
		Http otherDevice = Http.signedInAs(port, reader);

		HttpResponse<String> deleted = http.postForm("/settings/delete",
				Map.of("currentPassword", reader.password(), "comments", "keep"));

		assertThat(deleted.statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(deleted.body()).selectFirst("main h1").text()).isEqualTo("Your account is deleted");
		assertThat(count("select count(*) from account where id = :id")).isZero();
		assertThat(jdbc.sql("select detail from account_event where account_id = :id and kind = 'deleted'")
			.param("id", reader.id())
			.query(String.class)
			.single()).isEqualTo("contributions kept as [deleted]");
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(shownText(mine)).isEqualTo("[deleted]"));
		assertThat(commentRow(mine)).containsEntry("body", "").containsEntry("author_name", "[deleted]");
		assertThat(new Http(port).get(article.path()).body()).doesNotContain("My thoughts on the wall.")
			.doesNotContain("Leyla Mammadova");
		assertThat(http.get("/settings").statusCode()).as("signed out here").isEqualTo(302);
		assertThat(otherDevice.get("/settings").statusCode()).as("and everywhere else").isEqualTo(302);
		Http again = new Http(port);
		again.signIn(reader.email(), reader.password());
		assertThat(again.get("/settings").statusCode()).as("cannot sign in again").isEqualTo(302);
		assertThat(new Http(port).get(reader.profilePath()).statusCode()).isEqualTo(404);
	}

	@Test
	void deletingWithTheCommentsRemovesThemButAReplyKeepsADeletedMarkToAnswer() {
		long answered = comment(http, "Answered one", null);
		long alone = comment(http, "Nobody answered this", null);
		Reader other = readers.join("Noa Peretz");
		long reply = comment(Http.signedInAs(port, other), "Here is my answer.", answered);

		http.postForm("/settings/delete", Map.of("currentPassword", reader.password(), "comments", "remove"));

		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(jdbc.sql("select count(*) from comment where id = :id").param("id", alone)
				.query(Long.class).single()).isZero());
		assertThat(commentRow(answered)).containsEntry("status", "deleted").containsEntry("body", "");
		Document page = Jsoup.parse(new Http(port).get(article.path()).body());
		assertThat(page.getElementById("comment-" + answered).selectFirst(".comment-removed").text()).isEqualTo("[deleted]");
		assertThat(page.getElementById("comment-" + reply).selectFirst(".comment-body").text()).isEqualTo("Here is my answer.");
		assertThat(page.getElementById("comment-" + alone)).isNull();
		assertThat(jdbc.sql("select detail from account_event where account_id = :id and kind = 'deleted'")
			.param("id", reader.id())
			.query(String.class)
			.single()).isEqualTo("contributions removed");
	}

	@Test
	void aWrongPasswordDeletesNothing() {
		long mine = comment(http, "Still here", null);

		HttpResponse<String> refused = http.postForm("/settings/delete",
				Map.of("currentPassword", "Not my password at all", "comments", "remove"));

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(refused.body()).selectFirst("section[aria-labelledby=delete-heading] .form-error").text())
			.isEqualTo("Your current password is not right.");
		assertThat(count("select count(*) from account where id = :id")).isEqualTo(1);
		assertThat(count("select count(*) from account_event where account_id = :id and kind = 'deleted'")).isZero();
		assertThat(commentRow(mine)).containsEntry("status", "published");
		assertThat(http.get("/settings").statusCode()).isEqualTo(200);
	}

	// --- helpers ---

	private long comment(Http browser, String body, Long parentId) {
		Map<String, String> fields = parentId == null ? Map.of("body", body)
				: Map.of("body", body, "parentId", String.valueOf(parentId));
		HttpResponse<String> posted = browser.postForm(article.path() + "/comments", fields);
		assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
		String location = posted.headers().firstValue("Location").orElseThrow();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	private String shownText(long commentId) {
		Element comment = Jsoup.parse(new Http(port).get(article.path()).body()).getElementById("comment-" + commentId);
		return comment.selectFirst("[role=article]").text();
	}

	private Map<String, Object> commentRow(long id) {
		return jdbc.sql("select status, body, author_name from comment where id = :id").param("id", id).query().singleRow();
	}

	private long count(String sql) {
		return jdbc.sql(sql).param("id", reader.id()).query(Long.class).single();
	}
}
