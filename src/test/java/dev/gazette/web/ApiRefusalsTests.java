package dev.gazette.web;

import java.net.http.HttpResponse;
import java.util.Map;

import dev.gazette.account.AccountAdministration;
import dev.gazette.account.Accounts;
import dev.gazette.account.Registration;
import dev.gazette.account.Role;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.comment.CommentStatus;
import dev.gazette.comment.Comments;
import dev.gazette.support.Http;
import dev.gazette.support.Json;
import dev.gazette.support.Mailbox;
import dev.gazette.support.Newsroom;
import dev.gazette.support.Newsroom.Published;
import dev.gazette.support.Readers;
import dev.gazette.support.Readers.Reader;
import dev.gazette.support.RunningGazette;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint refuses the same way: problem JSON with the status, a detail a person can read, and the fields at
 * fault in {@code errors} — whether the refusal came from a request record's constraints, a parameter's, a body of
 * the wrong shape, or a feature's own rules — and nothing changes. Here, in the shared Gazette, the refusals whose
 * "nothing changes" is read back from the database; the moderation API's refusals that change nothing by
 * construction (a parameter, a field of the wrong shape, a body that is not JSON, a text too long to score) are
 * {@code moderation.internal.ModerationApiSliceTests}' (a web slice).
 */
@RunningGazette
class ApiRefusalsTests {

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	Comments comments;

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

	Http http;

	String moderatorToken;

	@BeforeEach
	void aModeratorWithAToken() {
		http = new Http(port);
		Reader moderator = new Readers(registration, accounts, administration, new Mailbox(jdbc)).join("Nilüfer Aksoy",
				Role.MODERATOR);
		Http browser = Http.signedInAs(port, moderator);
		moderatorToken = Jsoup.parse(browser.postForm("/settings/tokens", Map.of("name", "tests")).body())
			.selectFirst("code.token").text();
	}

	@Test
	void aDecisionThatIsNeitherApproveNorRejectNamesTheActionAndLeavesTheCommentHeld() {
		Published article = new Newsroom(catalog).article().publish();
		long held = comments.importComment(article.id(), null, "Guest", "Held for a look.", CommentStatus.PENDING,
				java.time.Instant.parse("2026-12-01T09:00:00Z"));

		HttpResponse<String> answer = http.withToken(moderatorToken, "POST", "/api/v1/comments/" + held + "/decision",
				Json.object("action", "maybe"));

		assertProblem(answer, 400, "action", "action must be approve or reject");
		assertThat(statusOf(held)).isEqualTo("pending");

		HttpResponse<String> missing = http.withToken(moderatorToken, "POST", "/api/v1/comments/" + held + "/decision",
				"{}");
		assertProblem(missing, 400, "action", "action must be approve or reject");
		assertThat(statusOf(held)).isEqualTo("pending");
	}

	@Test
	void aFeaturesOwnRefusalReadsTheSame() {
		// The newsletter's check of the address: a feature's refusal, written by the same code as the others.
		HttpResponse<String> bad = http.postJson("/api/v1/newsletter/subscriptions",
				Json.object("email", "<b>@x.example", "frequency", "weekly"));

		assertThat(bad.statusCode()).isEqualTo(400);
		JsonNode problem = Json.read(bad);
		assertThat(problem.get("title").asString()).isEqualTo("The subscription was not accepted");
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("email");
		assertThat(jdbc.sql("select count(*) from newsletter_subscriber where email like :address")
			.param("address", "%x.example%")
			.query(Long.class)
			.single()).isZero();
	}

	private String statusOf(long commentId) {
		return jdbc.sql("select status from comment where id = :id").param("id", commentId).query(String.class).single()
			.toLowerCase(java.util.Locale.ROOT);
	}

	private static JsonNode assertProblem(HttpResponse<String> answer, int status, String field, String message) {
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
		assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		JsonNode problem = Json.read(answer);
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("errors").size()).isEqualTo(1);
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(field);
		assertThat(problem.get("errors").get(0).get("message").asString()).isEqualTo(message);
		return problem;
	}
}
