package dev.gazette.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.gazette.article.ArticleCatalog;
import dev.gazette.comment.CommentStatus;
import dev.gazette.comment.Comments;
import dev.gazette.comment.Discussions;
import dev.gazette.support.Http;
import dev.gazette.support.Mailbox;
import dev.gazette.support.Newsroom;
import dev.gazette.support.Newsroom.Published;
import dev.gazette.support.Readers;
import dev.gazette.support.Readers.Reader;
import dev.gazette.support.RunningGazette;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What protects readers in their browser: every form needs its CSRF token, so a forged cross-site post changes
 * nothing; and every answer, page or API, carries a strict Content-Security-Policy and the other hardening headers.
 */
@RunningGazette
class WebSecurityTests {

	@Autowired
	Accounts accounts;

	@Autowired
	Registration registration;

	@Autowired
	AccountAdministration administration;

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	Comments comments;

	@Autowired
	Discussions discussions;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	Http http;

	Reader reader;

	@BeforeEach
	void aSignedInReader() {
		reader = new Readers(registration, accounts, administration, new Mailbox(jdbc)).join("Careful Reader");
		http = Http.signedInAs(port, reader);
	}

	@Test
	void aForgedJoinIsForbiddenAndCreatesNoAccount() {
		String email = Readers.uniqueEmail("forged");

		HttpResponse<String> response = new Http(port).postFormWithoutCsrf("/join",
				Map.of("email", email, "displayName", "Forged", "password", Readers.PASSWORD));

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(accounts.findByEmail(email)).isEmpty();
	}

	@Test
	void aForgedProfileChangeIsForbiddenAndChangesNothing() {
		HttpResponse<String> response = unchangedAccount(() -> http.postFormWithoutCsrf("/settings/profile",
				Map.of("displayName", "Hacked", "bio", "pwned", "newsletter", "true")));

		assertThat(response.statusCode()).isEqualTo(403);
	}

	@Test
	void forgedPasswordAddressAndDeletionRequestsAreForbiddenAndChangeNothing() {
		String newEmail = Readers.uniqueEmail("attacker");
		for (HttpResponse<String> response : new HttpResponse[] {
				unchangedAccount(() -> http.postFormWithoutCsrf("/settings/password",
						Map.of("currentPassword", reader.password(), "newPassword", "Attacker chosen passphrase"))),
				unchangedAccount(() -> http.postFormWithoutCsrf("/settings/email",
						Map.of("newEmail", newEmail, "currentPassword", reader.password()))),
				unchangedAccount(() -> http.postFormWithoutCsrf("/settings/delete",
						Map.of("currentPassword", reader.password(), "comments", "remove"))) }) {
			assertThat(response.statusCode()).isEqualTo(403);
		}
		assertThat(new Mailbox(jdbc).count(newEmail)).isZero();
	}

	@Test
	void aForgedCommentIsForbiddenAndNotStored() {
		Published article = new Newsroom(catalog).article().publish();
		long before = discussions.discussion(article.id()).version();

		HttpResponse<String> asReader = http.postFormWithoutCsrf(article.path() + "/comments", Map.of("body", "Forged"));
		HttpResponse<String> asGuest = new Http(port).postFormWithoutCsrf(article.path() + "/comments",
				Map.of("authorName", "Guest", "body", "Forged"));

		assertThat(asReader.statusCode()).isEqualTo(403);
		assertThat(asGuest.statusCode()).isEqualTo(403);
		assertThat(discussions.discussion(article.id()).version()).isEqualTo(before);
		assertThat(discussions.discussion(article.id()).publishedComments()).isZero();
	}

	@Test
	void aForgedSignOutIsForbiddenAndTheReaderStaysSignedIn() {
		HttpResponse<String> response = http.postFormWithoutCsrf("/sign-out", Map.of());

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(http.get("/settings").statusCode()).isEqualTo(200);
	}

	@Test
	void aForgedSignInIsForbidden() {
		Http victim = new Http(port);

		HttpResponse<String> response = victim.postFormWithoutCsrf("/sign-in",
				Map.of("email", reader.email(), "password", reader.password()));

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(victim.get("/settings").statusCode()).isEqualTo(302);
	}

	@Test
	void aForgedHostHeaderNeverReachesARedirect() throws IOException {
		Published article = new Newsroom(catalog).article().publish();
		long comment = comments.importComment(article.id(), null, "Ayelet", "On the record.",
				CommentStatus.PUBLISHED, Instant.parse("2018-07-21T09:00:00Z"));

		for (String path : List.of("/settings", "/comments/" + comment, article.path() + "/comments/" + comment,
				"/admin/moderation")) {
			String location = locationWithHost(path, "evil.example");

			assertThat(location).as(path).isNotBlank().startsWith("/").doesNotContain("evil.example");
		}
	}

	/** The Location of a GET sent with this Host header (which the JDK's HTTP client will not forge), over a socket. */
	private String locationWithHost(String path, String host) throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: text/html\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			BufferedReader answer = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
			for (String line = answer.readLine(); line != null && !line.isEmpty(); line = answer.readLine()) {
				if (line.regionMatches(true, 0, "Location:", 0, 9)) {
					return line.substring(9).strip();
				}
			}
			return "";
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/sign-in", "/join", "/settings", "/people/0", "/no-such-page" })
	void everyPageCarriesTheHardeningHeaders(String path) {
		assertHardened(http.get(path));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/articles", "/api/v1/me", "/api/v1/articles/no-such-article" })
	void everyApiAnswerCarriesTheHardeningHeaders(String path) {
		assertHardened(new Http(port).getJson(path));
	}

	@Test
	void anAvatarCarriesTheHardeningHeadersToo() {
		assertHardened(http.get(reader.profilePath() + "/avatar"));
	}

	// --- helpers ---

	private static void assertHardened(HttpResponse<String> response) {
		String csp = response.headers().firstValue("Content-Security-Policy").orElseThrow(
				() -> new AssertionError("no Content-Security-Policy on " + response.uri()));
		assertThat(csp).contains("default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'none'",
				"base-uri 'self'", "form-action 'self'");
		assertThat(csp).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval").doesNotContain("*");
		assertThat(response.headers().firstValue("X-Content-Type-Options")).as(response.uri().toString()).contains("nosniff");
		assertThat(response.headers().firstValue("X-Frame-Options")).as(response.uri().toString()).contains("DENY");
		assertThat(response.headers().firstValue("Referrer-Policy")).as(response.uri().toString())
			.contains("strict-origin-when-cross-origin");
	}

	private HttpResponse<String> unchangedAccount(Supplier<HttpResponse<String>> request) {
		Map<String, Object> before = jdbc.sql("select * from account where id = :id").param("id", reader.id()).query().singleRow();
		HttpResponse<String> response = request.get();
		Map<String, Object> after = jdbc.sql("select * from account where id = :id").param("id", reader.id()).query().singleRow();
		assertThat(after.toString()).isEqualTo(before.toString());
		return response;
	}
}
