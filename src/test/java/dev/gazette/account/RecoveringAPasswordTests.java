package dev.gazette.account;

import java.net.http.HttpResponse;
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

/**
 * A reader who forgot their password asks for a link by mail and chooses a new one with it. The link works once; the
 * answer to the request is the same whether or not the address has an account. (That a link stops working after an
 * hour is in {@code AccountsOverTimeTests}, where the clock moves.)
 */
@RunningGazette
class RecoveringAPasswordTests {

	static final String NEW_PASSWORD = "Seven quiet ferries to Haifa";

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

	Reader reader;

	@BeforeEach
	void aVerifiedReader() {
		http = new Http(port);
		mailbox = new Mailbox(jdbc);
		reader = new Readers(registration, accounts, administration, mailbox).join("Dalia Cohen");
	}

	@Test
	void askingForALinkAnswersTheSameForAKnownAndAnUnknownAddressButOnlyTheKnownOneGetsMail() {
		String unknown = Readers.uniqueEmail("nobody");

		HttpResponse<String> known = http.postForm("/forgot-password", Map.of("email", reader.email()));
		HttpResponse<String> stranger = http.postForm("/forgot-password", Map.of("email", unknown));

		assertThat(known.statusCode()).isEqualTo(stranger.statusCode()).isEqualTo(200);
		assertThat(known.body()).isEqualTo(stranger.body());
		assertThat(Jsoup.parse(known.body()).selectFirst("main").text()).contains("If an account uses that address");
		assertThat(mailbox.latestTo(reader.email()).link("/reset-password")).startsWith("/reset-password?token=");
		assertThat(mailbox.count(unknown)).isZero();
	}

	@Test
	void theLinkFromTheMailSetsANewPasswordOnceAndEndsEverySessionOfTheAccount() {
		Http otherDevice = Http.signedInAs(port, reader);
		http.postForm("/forgot-password", Map.of("email", reader.email()));
		String link = mailbox.latestTo(reader.email()).link("/reset-password");

		Document form = Jsoup.parse(http.get(link).body());
		assertThat(form.selectFirst("main h1").text()).isEqualTo("Choose a new password");
		String token = form.selectFirst("input[name=token]").val();
		HttpResponse<String> reset = http.postForm("/reset-password", Map.of("token", token, "password", NEW_PASSWORD));

		assertThat(reset.statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(reset.body()).selectFirst("main h1").text()).isEqualTo("Your password is changed");
		assertThat(otherDevice.get("/settings").statusCode()).as("the other device was signed out").isEqualTo(302);
		assertThat(mailbox.latestTo(reader.email()).subject()).contains("password");
		assertThat(new Http(port).signIn(reader.email(), reader.password()).headers().firstValue("Location").orElseThrow())
			.as("the old password no longer works")
			.contains("/sign-in?error");
		assertThat(signsIn(reader.email(), NEW_PASSWORD)).isTrue();
		assertThat(events()).endsWith("password-reset");

		String hash = passwordHash();
		HttpResponse<String> reused = http.postForm("/reset-password",
				Map.of("token", token, "password", "Somebody else's passphrase"));
		assertThat(reused.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(reused.body()).selectFirst(".form-error").text())
			.isEqualTo("This reset link has expired or was already used. Please ask for a new one.");
		assertThat(passwordHash()).isEqualTo(hash);
		assertThat(http.get(link).statusCode()).isEqualTo(400);
	}

	@Test
	void aWeakNewPasswordIsRefusedAndTheLinkStillWorksAfterwards() {
		http.postForm("/forgot-password", Map.of("email", reader.email()));
		String token = mailbox.latestTo(reader.email()).token("/reset-password");
		String hash = passwordHash();

		HttpResponse<String> weak = http.postForm("/reset-password", Map.of("token", token, "password", "1234567890"));

		assertThat(weak.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(weak.body()).selectFirst("#password-error").text())
			.isEqualTo("That password is too common to be safe. Try a few unrelated words together.");
		assertThat(passwordHash()).isEqualTo(hash);
		assertThat(http.postForm("/reset-password", Map.of("token", token, "password", NEW_PASSWORD)).statusCode())
			.isEqualTo(200);
	}

	@Test
	void aNewerLinkReplacesTheEarlierOne() {
		http.postForm("/forgot-password", Map.of("email", reader.email()));
		String first = mailbox.latestTo(reader.email()).token("/reset-password");
		http.postForm("/forgot-password", Map.of("email", reader.email()));
		String second = mailbox.latestTo(reader.email()).token("/reset-password");

		assertThat(http.postForm("/reset-password", Map.of("token", first, "password", NEW_PASSWORD)).statusCode())
			.isEqualTo(400);
		assertThat(http.postForm("/reset-password", Map.of("token", second, "password", NEW_PASSWORD)).statusCode())
			.isEqualTo(200);
	}

	@Test
	void aLinkThatWasNeverSentOrIsForSomethingElseDoesNothing() {
		String hash = passwordHash();
		String verifyToken = unusedVerificationToken();

		for (String token : new String[] { "", "nonsense", verifyToken }) {
			assertThat(http.get("/reset-password?token=" + token).statusCode()).as(token).isEqualTo(400);
			assertThat(http.postForm("/reset-password", Map.of("token", token, "password", NEW_PASSWORD)).statusCode())
				.as(token)
				.isEqualTo(400);
		}
		assertThat(passwordHash()).isEqualTo(hash);
	}

	// --- helpers ---

	/** A verification link for another, unverified account: a token of the wrong kind for a reset. */
	private String unusedVerificationToken() {
		Reader unverified = new Readers(registration, accounts, administration, mailbox).joinUnverified("Emre Aydın");
		return mailbox.latestTo(unverified.email()).token("/verify");
	}

	private boolean signsIn(String email, String password) {
		Http browser = new Http(port);
		browser.signIn(email, password);
		return browser.get("/settings").statusCode() == 200;
	}

	private String passwordHash() {
		return jdbc.sql("select password_hash from account where id = :id").param("id", reader.id()).query(String.class).single();
	}

	private java.util.List<String> events() {
		return jdbc.sql("select kind from account_event where account_id = :id order by id")
			.param("id", reader.id())
			.query(String.class)
			.list();
	}
}
