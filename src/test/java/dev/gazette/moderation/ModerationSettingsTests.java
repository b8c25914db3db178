package dev.gazette.moderation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.gazette.account.AccountAdministration;
import dev.gazette.account.Accounts;
import dev.gazette.account.Registration;
import dev.gazette.account.Role;
import dev.gazette.article.Article;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.support.Http;
import dev.gazette.support.Json;
import dev.gazette.support.Mailbox;
import dev.gazette.support.Newsroom;
import dev.gazette.support.Newsroom.Published;
import dev.gazette.support.Readers;
import dev.gazette.support.RunningGazette;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What moderators and admins set rather than decide: one article's discussion (open, closing day, pre-moderation,
 * guests) and the classifier's retraining from scratch, each from its page and over the API, with the permissions
 * and the audit trail. Its own application (the property below), since retraining changes the model other tests
 * score with.
 */
@RunningGazette
@TestPropertySource(properties = "gazette.moderation.retrain-after=1000")
class ModerationSettingsTests {

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	Accounts accounts;

	@Autowired
	Registration registration;

	@Autowired
	AccountAdministration administration;

	@Autowired
	ClassifierModels models;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	Readers readers;

	Published article;

	@BeforeEach
	void setUp() {
		readers = new Readers(registration, accounts, administration, new Mailbox(jdbc));
		article = new Newsroom(catalog).article().publish();
	}

	@Test
	void aModeratorClosesGuestsOutAndPremoderatesOneArticle() {
		Http moderator = signedIn(Role.MODERATOR);
		Document form = Jsoup.parse(moderator.get("/admin/moderation/discussions/" + article.slug()).body());
		assertThat(form.selectFirst("input[name=open]").hasAttr("checked")).isTrue();
		assertThat(form.selectFirst("select#guests option[selected]").text()).startsWith("As the site");

		HttpResponse<String> saved = moderator.postForm("/admin/moderation/discussions/" + article.slug(),
				Map.of("open", "true", "premoderated", "true", "closeAfterDays", "5000", "guests", "no"));

		assertThat(saved.statusCode()).isEqualTo(302);
		Article changed = catalog.find(article.slug()).orElseThrow();
		assertThat(changed.discussion().premoderated()).isTrue();
		assertThat(changed.discussion().closeAfterDays()).isEqualTo(5000);
		assertThat(changed.discussion().guestsAllowed()).isFalse();
		HttpResponse<String> guest = new Http(port).postForm(article.path() + "/comments",
				Map.of("authorName", "Guest", "body", "A civil word from a guest."));
		assertThat(guest.statusCode()).isEqualTo(403);
		assertThat(Jsoup.parse(guest.body()).text()).contains("Please sign in to comment");
		assertThat(audit.find(new AuditLog.Filter("discussion-settings", null, null, null, null), 50, 0))
			.anySatisfy(entry -> assertThat(entry.detail()).contains(article.slug()).contains("no guests")
				.contains("closes 5000 days after publication"));
	}

	@Test
	void aBadClosingDayIsExplainedAndChangesNothing() {
		Http moderator = signedIn(Role.MODERATOR);

		HttpResponse<String> refused = moderator.postForm("/admin/moderation/discussions/" + article.slug(),
				Map.of("open", "false", "closeAfterDays", "soon"));

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(refused.body()).selectFirst("[role=alert]").text()).contains("whole number of days");
		assertThat(catalog.find(article.slug()).orElseThrow().commentsOpen()).as("still open").isTrue();
		assertThat(moderator.postForm("/admin/moderation/discussions/" + article.slug(),
				Map.of("open", "true", "closeAfterDays", "0")).statusCode()).isEqualTo(400);
	}

	@Test
	void readersMayNotChangeADiscussionAndUnknownArticlesAreNotFound() {
		Http reader = signedIn();
		assertThat(reader.get("/admin/moderation/discussions/" + article.slug()).statusCode()).isEqualTo(403);
		assertThat(reader.postForm("/admin/moderation/discussions/" + article.slug(), Map.of("open", "false"))
			.statusCode()).isEqualTo(403);
		assertThat(catalog.find(article.slug()).orElseThrow().commentsOpen()).isTrue();
		assertThat(signedIn(Role.MODERATOR).get("/admin/moderation/discussions/no-such-article").statusCode())
			.isEqualTo(404);
	}

	@Test
	void anEditorClosesADiscussionOverTheApi() {
		String token = token(signedIn(Role.EDITOR));
		Http api = new Http(port);

		HttpResponse<String> closed = api.withToken(token, "PUT", "/api/v1/articles/" + article.slug() + "/discussion",
				Json.object("open", false, "premoderated", false, "closeAfterDays", null, "guestsAllowed", true));

		assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
		assertThat(Json.read(closed).get("open").asBoolean()).isFalse();
		assertThat(Json.read(closed).get("guestsAllowed").asBoolean()).isTrue();
		assertThat(catalog.find(article.slug()).orElseThrow().commentsOpen()).isFalse();
		HttpResponse<String> unknown = api.withToken(token, "PUT", "/api/v1/articles/no-such-article/discussion",
				Json.object("open", true));
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
		HttpResponse<String> readerTry = api.withToken(token(signedIn()), "PUT",
				"/api/v1/articles/" + article.slug() + "/discussion", Json.object("open", true));
		assertThat(readerTry.statusCode()).isEqualTo(403);
		assertThat(catalog.find(article.slug()).orElseThrow().commentsOpen()).isFalse();
	}

	@Test
	void anAdminRetrainsTheClassifierWithALabelledFileOverTheApi() throws Exception {
		String token = token(signedIn(Role.ADMIN));
		long before = models.version();
		String csv = """
				id,comment_text,toxic,severe_toxic,obscene,threat,insult,identity_hate
				x1,"Sit down, you snollygoster.",1,0,0,0,1,0
				x2,"Only a snollygoster writes such drivel.",1,0,0,0,1,0
				x3,"Snollygosters, the lot of you, Oğuz included.",1,0,0,0,1,0
				""";

		HttpResponse<String> accepted = postCsv(token, csv);

		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
		assertThat(Json.read(accepted).get("extraExamples").asInt()).isEqualTo(3);
		JsonNode newest = awaitVersionAfter(token, before);
		assertThat(newest.get("description").asString()).contains("3 examples sent with the request");
		assertThat(newest.get("trainedRows").asInt()).isGreaterThanOrEqualTo(1887 + 3);
		assertThat(newest.get("thresholds").get("insult").asDouble()).as("tuned for this version").isBetween(0.0, 1.0);
		assertThat(models.version()).isEqualTo(newest.get("version").asLong());
		assertThat(audit.find(new AuditLog.Filter("classifier-retrained", null, null, null, null), 10, 0)).isNotEmpty();
	}

	@Test
	void anUnreadableFileIsRefusedAndOnlyAdminsRetrain() throws Exception {
		String adminToken = token(signedIn(Role.ADMIN));
		int versions = models.versions().size();

		HttpResponse<String> refused = postCsv(adminToken, "id,text\n1,hello\n");

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(Json.read(refused).get("detail").asString()).contains("cannot be read");
		assertThat(postCsv(token(signedIn(Role.MODERATOR)), "").statusCode()).isEqualTo(403);
		Thread.sleep(500);
		assertThat(models.versions()).hasSize(versions);
	}

	@Test
	void theClassifierPageListsVersionsAndRefusesAFileItCannotRead() {
		models.version();
		Http admin = signedIn(Role.ADMIN);
		Document page = Jsoup.parse(admin.get("/admin/moderation/model").body());
		assertThat(page.select("tbody tr")).isNotEmpty();
		assertThat(page.selectFirst("tbody tr td").text()).contains("(in use)");

		HttpResponse<String> refused = admin.postFile("/admin/moderation/model", "file", "comments.txt", "text/plain",
				"just some text".getBytes(StandardCharsets.UTF_8));

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(refused.body()).selectFirst("[role=alert]").text()).contains(".csv or .jsonl");
		assertThat(signedIn(Role.MODERATOR).get("/admin/moderation/model").statusCode()).isEqualTo(403);
	}

	private JsonNode awaitVersionAfter(String token, long before) throws InterruptedException {
		// A retrain with extra examples trains six models (one, and five folds to tune its thresholds): 12,482 rows and
		// their counterfactual copies, a minute or two on a quiet 2-core machine, several on a busy one.
		Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
		while (Instant.now().isBefore(deadline)) {
			JsonNode versions = Json.read(new Http(port).withToken(token, "GET", "/api/v1/moderation/model", null));
			if (versions.get(0).get("version").asLong() > before) {
				return versions.get(0);
			}
			Thread.sleep(250);
		}
		throw new AssertionError("No new classifier version within 10 minutes");
	}

	private HttpResponse<String> postCsv(String token, String csv) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/moderation/model"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "text/csv; charset=utf-8")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

	/** A browser signed in as a new account of its own with these roles ({@link Http#signedInAs}). */
	private Http signedIn(Role... roles) {
		return Http.signedInAs(port, readers.join("Settings " + List.of(roles), roles));
	}

	private static String token(Http browser) {
		Document page = Jsoup.parse(browser.postForm("/settings/tokens", Map.of("name", "tests")).body());
		return page.selectFirst("code.token").text();
	}
}
