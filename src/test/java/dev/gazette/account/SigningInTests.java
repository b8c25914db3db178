package dev.gazette.account;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import dev.gazette.support.Http;
import dev.gazette.support.Mailbox;
import dev.gazette.support.Readers;
import dev.gazette.support.Readers.Reader;
import dev.gazette.support.RunningGazette;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing in and out with the form, staying signed in on a device, and what the cookies look like. */
@RunningGazette
class SigningInTests {

	static final String SESSION = "gazette-session";

	static final String REMEMBER_ME = "gazette-remember-me";

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

	Reader reader;

	@BeforeEach
	void aVerifiedReader() {
		http = new Http(port);
		reader = new Readers(registration, accounts, administration, new Mailbox(jdbc)).join("Adina Levi");
	}

	@Test
	void signingInLeadsToTheFrontPageWithTheReadersNameAndSigningOutEndsIt() {
		HttpResponse<String> signIn = http.signIn(reader.email(), reader.password());

		assertThat(signIn.statusCode()).isEqualTo(302);
		assertThat(signIn.headers().firstValue("Location").orElseThrow()).endsWith("/");
		Document front = Jsoup.parse(http.get("/").body());
		assertThat(front.selectFirst(".account-nav a[href=/people/" + reader.id() + "]").text()).isEqualTo("Adina Levi");
		assertThat(http.get("/settings").statusCode()).isEqualTo(200);

		HttpResponse<String> signOut = http.postForm("/sign-out", Map.of());

		assertThat(signOut.statusCode()).isEqualTo(302);
		assertThat(signOut.headers().firstValue("Location").orElseThrow()).endsWith("/?signed-out");
		assertThat(Jsoup.parse(http.get("/").body()).selectFirst(".account-nav a[href=/sign-in]")).isNotNull();
		HttpResponse<String> settings = http.get("/settings");
		assertThat(settings.statusCode()).isEqualTo(302);
		assertThat(settings.headers().firstValue("Location").orElseThrow()).endsWith("/sign-in");
	}

	@Test
	void readingPagesLeavesTheSessionRowAloneUntilItsLastAccessIsAnHourOldThenMovesIt() {
		http.signIn(reader.email(), reader.password());
		// The cookie carries the session id Base64-encoded (Spring Session's DefaultCookieSerializer).
		String session = new String(Base64.getDecoder().decode(http.cookie(SESSION).orElseThrow()), StandardCharsets.UTF_8);
		long signedInAt = lastAccess(session);

		for (String page : List.of("/", "/settings", "/")) {
			assertThat(http.get(page).statusCode()).isEqualTo(200);
		}
		assertThat(lastAccess(session)).isEqualTo(signedInAt);

		// As if the reader came back two hours later: the page moves the recorded last access, and the expiry with it.
		long twoHours = Duration.ofHours(2).toMillis();
		jdbc.sql("update spring_session set last_access_time = last_access_time - :d, expiry_time = expiry_time - :d "
				+ "where session_id = :id").param("d", twoHours).param("id", session).update();
		long expiryBefore = jdbc.sql("select expiry_time from spring_session where session_id = :id")
			.param("id", session).query(Long.class).single();
		assertThat(Jsoup.parse(http.get("/").body()).selectFirst(".account-nav a[href=/people/" + reader.id() + "]"))
			.isNotNull();

		assertThat(lastAccess(session)).isGreaterThanOrEqualTo(signedInAt);
		assertThat(jdbc.sql("select expiry_time from spring_session where session_id = :id").param("id", session)
			.query(Long.class).single()).isGreaterThanOrEqualTo(expiryBefore + twoHours);
		assertThat(http.postForm("/sign-out", Map.of()).statusCode()).isEqualTo(302);
		assertThat(jdbc.sql("select count(*) from spring_session where session_id = :id").param("id", session)
			.query(Long.class).single()).isZero();
	}

	private long lastAccess(String session) {
		return jdbc.sql("select last_access_time from spring_session where session_id = :id").param("id", session)
			.query(Long.class).single();
	}

	@Test
	void aWrongPasswordAndAnUnknownAddressGetTheSameAnswer() {
		String unknown = Readers.uniqueEmail("nobody");

		HttpResponse<String> wrongPassword = http.signIn(reader.email(), "Not the password at all");
		HttpResponse<String> unknownAddress = http.signIn(unknown, "Not the password at all");

		assertThat(wrongPassword.statusCode()).isEqualTo(unknownAddress.statusCode()).isEqualTo(302);
		assertThat(wrongPassword.headers().firstValue("Location").orElseThrow().replace(encoded(reader.email()), "ADDRESS"))
			.isEqualTo(unknownAddress.headers().firstValue("Location").orElseThrow().replace(encoded(unknown), "ADDRESS"));
		Document afterWrongPassword = Jsoup.parse(http.follow(wrongPassword).body());
		Document afterUnknownAddress = Jsoup.parse(http.follow(unknownAddress).body());
		assertThat(afterWrongPassword.selectFirst(".form-error").text())
			.isEqualTo(afterUnknownAddress.selectFirst(".form-error").text())
			.isEqualTo("That e-mail address and password do not match an account.");
		assertThat(afterWrongPassword.selectFirst("input[name=email]").val()).isEqualTo(reader.email());
		assertThat(http.get("/settings").statusCode()).isEqualTo(302);
	}

	@Test
	void theSessionGetsANewIdAtSignInSoAnIdKnownBeforehandIsWorthNothing() {
		// A guest's visit to a page that needs an account starts a session (to return there after signing in).
		http.get("/settings", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
		String before = http.cookie(SESSION).orElseThrow(() -> new AssertionError("no session before signing in"));

		http.signIn(reader.email(), reader.password());

		String after = http.cookie(SESSION).orElseThrow();
		assertThat(after).isNotEqualTo(before);
		Http attacker = new Http(port);
		attacker.setCookie(SESSION, before);
		assertThat(attacker.get("/settings").statusCode()).as("the old id is not signed in").isEqualTo(302);
		Http sameBrowser = new Http(port);
		sameBrowser.setCookie(SESSION, after);
		assertThat(sameBrowser.get("/settings").statusCode()).isEqualTo(200);
	}

	@Test
	void keepMeSignedInSetsACookieThatSignsANewBrowserIn() {
		HttpResponse<String> signIn = http.postForm("/sign-in",
				Map.of("email", reader.email(), "password", reader.password(), "remember-me", "true"));

		assertThat(setCookie(signIn, REMEMBER_ME)).as("Set-Cookie").contains("HttpOnly");
		String remembered = http.cookie(REMEMBER_ME).orElseThrow();
		Http laterThatWeek = new Http(port);
		laterThatWeek.setCookie(REMEMBER_ME, remembered);

		HttpResponse<String> settings = laterThatWeek.get("/settings");

		assertThat(settings.statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(settings.body()).selectFirst("main").text()).contains("Signed in as " + reader.email());
	}

	@Test
	void withoutTheBoxTickedNoRememberMeCookieIsSetAndSigningOutDeletesIt() {
		HttpResponse<String> plain = http.signIn(reader.email(), reader.password());
		assertThat(setCookies(plain)).noneMatch(cookie -> cookie.startsWith(REMEMBER_ME + "="));

		Http remembering = new Http(port);
		remembering.postForm("/sign-in", Map.of("email", reader.email(), "password", reader.password(), "remember-me", "true"));
		HttpResponse<String> signOut = remembering.postForm("/sign-out", Map.of());

		assertThat(setCookie(signOut, REMEMBER_ME)).startsWith(REMEMBER_ME + "=;").contains("Expires=Thu, 01 Jan 1970");
		assertThat(remembering.cookie(REMEMBER_ME)).isEmpty();
		assertThat(remembering.get("/settings").statusCode()).isEqualTo(302);
	}

	@Test
	void theSessionCookieIsHttpOnlyAndSameSiteLax() {
		HttpResponse<String> signIn = http.signIn(reader.email(), reader.password());

		assertThat(setCookie(signIn, SESSION)).contains("HttpOnly").contains("SameSite=Lax");
	}

	@Test
	void everyCookieTheSiteSetsIsHttpOnlyAndSameSiteLax() {
		HttpResponse<String> form = http.get("/sign-in");
		HttpResponse<String> signIn = http.postForm("/sign-in",
				Map.of("email", reader.email(), "password", reader.password(), "remember-me", "true"));

		List<String> cookies = new java.util.ArrayList<>(setCookies(form));
		cookies.addAll(setCookies(signIn));
		assertThat(cookies).isNotEmpty().allSatisfy(cookie -> {
			assertThat(cookie).contains("HttpOnly");
			assertThat(cookie).containsIgnoringCase("SameSite=Lax");
		});
	}

	@Test
	void afterTenFailedAttemptsOnOneAccountTheEleventhIsRefusedEvenWithTheRightPassword() {
		for (int attempt = 1; attempt <= 10; attempt++) {
			assertThat(http.signIn(reader.email(), "Wrong guess number " + attempt).statusCode()).isEqualTo(302);
		}

		HttpResponse<String> eleventh = http.signIn(reader.email(), reader.password());

		assertThat(eleventh.statusCode()).isEqualTo(429);
		assertThat(http.get("/settings").statusCode()).as("not signed in").isEqualTo(302);
		Reader other = new Readers(registration, accounts, administration, new Mailbox(jdbc)).join("Burak Demir");
		assertThat(new Http(port).signIn(other.email(), other.password()).statusCode())
			.as("other accounts are not affected").isEqualTo(302);
	}

	// --- helpers ---

	private static List<String> setCookies(HttpResponse<?> response) {
		return response.headers().allValues("Set-Cookie");
	}

	private static String setCookie(HttpResponse<?> response, String name) {
		return setCookies(response).stream()
			.filter(cookie -> cookie.startsWith(name + "="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + name + " cookie in " + setCookies(response)));
	}

	private static String encoded(String email) {
		return java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8);
	}
}
