package dev.gazette.account.internal;

import java.net.http.HttpResponse;
import java.util.Map;

import dev.gazette.support.Http;
import dev.gazette.support.Json;
import dev.gazette.support.Mailbox;
import dev.gazette.support.Readers;
import dev.gazette.support.Readers.Reader;
import dev.gazette.support.RunningGazette;
import dev.gazette.account.AccountAdministration;
import dev.gazette.account.Accounts;
import dev.gazette.account.Registration;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accounts over the JSON API: joining, and personal access tokens, made and revoked in the settings, that sign API
 * requests in.
 */
@RunningGazette
class AccountApiTests {

	@Autowired
	Accounts accounts;

	@Autowired
	Registration registration;

	@Autowired
	AccountAdministration administration;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	Http http;

	Mailbox mailbox;

	Readers readers;

	@BeforeEach
	void anApiClient() {
		http = new Http(port);
		mailbox = new Mailbox(jdbc);
		readers = new Readers(registration, accounts, administration, mailbox);
	}

	@Test
	void joiningAnswersAcceptedAlikeForANewAndARegisteredAddress() {
		Reader registered = readers.join("Already Here");
		String fresh = Readers.uniqueEmail("api");

		HttpResponse<String> forNew = http.postJson("/api/v1/accounts",
				Json.object("email", fresh, "displayName", "Api Reader", "password", Readers.PASSWORD));
		HttpResponse<String> forRegistered = http.postJson("/api/v1/accounts",
				Json.object("email", registered.email(), "displayName", "Impostor", "password", Readers.PASSWORD));

		assertThat(forNew.statusCode()).isEqualTo(forRegistered.statusCode()).isEqualTo(202);
		assertThat(forNew.body()).isEqualTo(forRegistered.body());
		assertThat(accounts.findByEmail(fresh)).get().satisfies(account -> {
			assertThat(account.displayName()).isEqualTo("Api Reader");
			assertThat(account.emailVerified()).isFalse();
		});
		assertThat(mailbox.latestTo(fresh).link("/verify")).startsWith("/verify?token=");
		assertThat(accounts.findByEmail(registered.email()).orElseThrow().displayName()).isEqualTo("Already Here");
		assertThat(mailbox.latestTo(registered.email()).subject()).startsWith("Someone tried to join");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			a malformed address      | not-an-address | Api Reader | Blue harbour lamps at dusk | email
			angle brackets           | <b>@x.example  | Api Reader | Blue harbour lamps at dusk | email
			two addresses in one     | 'x@x.example,root' | Api Reader | Blue harbour lamps at dusk | email
			an oversized address     | LONG_EMAIL     | Api Reader | Blue harbour lamps at dusk | email
			an oversized name        | NEW            | LONG_NAME  | Blue harbour lamps at dusk | displayName
			a short password         | NEW            | Api Reader | short                      | password
			an oversized password    | NEW            | Api Reader | LONG_PASSWORD              | password
			a common password        | NEW            | Api Reader | qwertyuiop                 | password
			""")
	void badInputIsAProblemThatNamesTheFieldAndNothingIsStored(String what, String email, String name,
			String password, String field) {
		String address = switch (email) {
			case "NEW" -> Readers.uniqueEmail("api-bad");
			case "LONG_EMAIL" -> "a".repeat(64) + "@" + "b".repeat(190) + ".example.com";
			default -> email;
		};
		String displayName = "LONG_NAME".equals(name) ? "N".repeat(61) : name;
		String secret = "LONG_PASSWORD".equals(password) ? "long passphrase ".repeat(9) : password;
		long accountsBefore = jdbc.sql("select count(*) from account").query(Long.class).single();

		HttpResponse<String> response = http.postJson("/api/v1/accounts",
				Json.object("email", address, "displayName", displayName, "password", secret));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		JsonNode problem = Json.read(response);
		assertThat(problem.get("status").asInt()).isEqualTo(400);
		assertThat(problem.get("errors").findValuesAsString("field")).containsExactly(field);
		assertThat(problem.get("errors").get(0).get("message").asString()).isNotBlank();
		assertThat(jdbc.sql("select count(*) from account").query(Long.class).single()).isEqualTo(accountsBefore);
		assertThat(mailbox.count(address)).isZero();
	}

	@Test
	void aTokenIsShownOnceWhenMadeAndThenSignsApiRequestsIn() {
		Reader reader = readers.join("Token Holder");
		http.signIn(reader.email(), reader.password());

		HttpResponse<String> created = http.postForm("/settings/tokens", Map.of("name", "My reader app"));

		assertThat(created.statusCode()).isEqualTo(200);
		assertThat(created.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
		String token = Jsoup.parse(created.body()).selectFirst(".new-token code.token").text();
		assertThat(token).startsWith("gz_");
		Document later = Jsoup.parse(http.get("/settings").body());
		assertThat(later.selectFirst(".new-token")).as("shown once").isNull();
		assertThat(later.body().html()).doesNotContain(token);
		assertThat(later.selectFirst(".token-list li").text()).startsWith("My reader app");
		assertThat(jdbc.sql("select token_hash from api_token where account_id = :id").param("id", reader.id())
			.query(String.class)
			.single()).isNotEqualTo(token).doesNotContain(token);

		HttpResponse<String> me = new Http(port).withToken(token, "GET", "/api/v1/me", null);

		assertThat(me.statusCode()).isEqualTo(200);
		JsonNode json = Json.read(me);
		assertThat(json.get("id").asLong()).isEqualTo(reader.id());
		assertThat(json.get("email").asString()).isEqualTo(reader.email());
		assertThat(json.get("displayName").asString()).isEqualTo("Token Holder");
		assertThat(json.get("roles").toString()).isEqualTo("[\"reader\"]");
		assertThat(me.headers().allValues("Set-Cookie")).as("the API is stateless").isEmpty();
	}

	@Test
	void aRevokedTokenIsRefusedWithAProblem() {
		Reader reader = readers.join("Token Revoker");
		http.signIn(reader.email(), reader.password());
		String token = Jsoup.parse(http.postForm("/settings/tokens", Map.of("name", "Old phone")).body())
			.selectFirst("code.token")
			.text();
		String revoke = Jsoup.parse(http.get("/settings").body()).selectFirst(".token-list form").attr("action");

		HttpResponse<String> revoked = http.postForm(revoke, Map.of());

		assertThat(revoked.headers().firstValue("Location").orElseThrow()).endsWith("/settings?saved=token");
		assertThat(Jsoup.parse(http.get("/settings").body()).selectFirst(".token-list")).isNull();
		HttpResponse<String> me = new Http(port).withToken(token, "GET", "/api/v1/me", null);
		assertThat(me.statusCode()).isEqualTo(401);
		assertThat(me.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(Json.read(me).get("detail").asString()).contains("not valid");
	}

	@Test
	void withoutATokenOrWithAMadeUpOneMeIsUnauthorized() {
		for (HttpResponse<String> response : new HttpResponse[] { http.getJson("/api/v1/me"),
				http.withToken("gz_madeUpAndNeverIssued", "GET", "/api/v1/me", null),
				http.withToken("not-even-the-right-shape", "GET", "/api/v1/me", null) }) {
			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
			assertThat(Json.read(response).get("status").asInt()).isEqualTo(401);
		}
	}

	@Test
	void aSessionCookieDoesNotSignApiRequestsIn() {
		Reader reader = readers.join("Cookie Only");
		http.signIn(reader.email(), reader.password());

		assertThat(http.getJson("/api/v1/me").statusCode()).isEqualTo(401);
	}

	@Test
	void aTokenNeedsANameOfAtMostAHundredCharacters() {
		Reader reader = readers.join("Namer");
		http.signIn(reader.email(), reader.password());

		HttpResponse<String> blank = http.postForm("/settings/tokens", Map.of("name", "  "));
		HttpResponse<String> tooLong = http.postForm("/settings/tokens", Map.of("name", "n".repeat(101)));

		assertThat(blank.statusCode()).isEqualTo(400);
		assertThat(tooLong.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(tooLong.body()).selectFirst("#name-error").text())
			.isEqualTo("Give the token a name of 1 to 100 characters.");
		assertThat(Jsoup.parse(tooLong.body()).selectFirst("code.token")).isNull();
		assertThat(jdbc.sql("select count(*) from api_token where account_id = :id").param("id", reader.id())
			.query(Long.class)
			.single()).isZero();
	}
}
