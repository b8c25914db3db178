package dev.gazette.account;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.gazette.support.Http;
import dev.gazette.support.Mailbox;
import dev.gazette.support.Mailbox.Message;
import dev.gazette.support.Readers;
import dev.gazette.support.RunningGazette;
import dev.gazette.account.internal.PasswordPolicy;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader joins with the form, proves the address with the link in the mail they are sent, and only then signs in.
 * Whether an address is already registered is never told to whoever typed it, only to its owner, by mail.
 */
@RunningGazette
class JoiningTests {

	static final String PASSWORD = Readers.PASSWORD;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	Http http;

	Mailbox mailbox;

	@BeforeEach
	void newBrowser() {
		http = new Http(port);
		mailbox = new Mailbox(jdbc);
	}

	@Test
	void joiningStoresTheAccountUnverifiedWithAHashedPasswordAndMailsAVerificationLink() {
		String email = Readers.uniqueEmail("ayelet");

		HttpResponse<String> joined = join(email, "  Ayelet   Levi ", PASSWORD);

		assertThat(joined.statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(joined.body()).selectFirst("main h1").text()).isEqualTo("Check your inbox");
		Map<String, Object> row = accountRow(email);
		assertThat(row.get("display_name")).as("spaces tidied").isEqualTo("Ayelet Levi");
		assertThat(row.get("email_verified_at")).isNull();
		String hash = (String) row.get("password_hash");
		assertThat(hash).startsWith("{bcrypt}").doesNotContain(PASSWORD);
		assertThat(hash).isNotEqualTo(PASSWORD);
		assertThat(events((Long) row.get("id"))).containsExactly("signed-up");
		Message mail = mailbox.latestTo(email);
		assertThat(mail.category()).isEqualTo("account");
		assertThat(mail.text()).contains("Hello Ayelet Levi");
		assertThat(mail.link("/verify")).startsWith("/verify?token=");
		assertThat(mail.html()).contains(mail.token("/verify"));
	}

	@Test
	void theAddressIsStoredInLowerCaseAndSignsInHoweverItIsTyped() {
		String email = Readers.uniqueEmail("Burak.Celik").replace("example.com", "Example.COM");
		join(email, "Burak Arslan", PASSWORD);
		http.get(mailbox.latestTo(email).link("/verify"));

		assertThat(accountRow(email.toLowerCase())).isNotNull();
		assertThat(signedInAfter(http.signIn(email.toUpperCase(), PASSWORD))).isTrue();
	}

	@Test
	void theLinkInTheMailVerifiesTheAddressOnceAndThenTheReaderCanSignIn() {
		String email = Readers.uniqueEmail("chana");
		join(email, "Chana Weiss", PASSWORD);
		String link = mailbox.latestTo(email).link("/verify");

		HttpResponse<String> verified = http.get(link);

		assertThat(verified.statusCode()).isEqualTo(200);
		Document page = Jsoup.parse(verified.body());
		assertThat(page.selectFirst("main h1").text()).isEqualTo("Your address is verified");
		assertThat(page.selectFirst("main").text()).contains("Welcome, Chana Weiss.");
		assertThat(accountRow(email).get("email_verified_at")).isNotNull();
		assertThat(events((Long) accountRow(email).get("id"))).containsExactly("signed-up", "verified");

		HttpResponse<String> again = http.get(link);
		assertThat(again.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(again.body()).selectFirst("main h1").text()).isEqualTo("This link does not work any more");

		assertThat(signedInAfter(http.signIn(email, PASSWORD))).isTrue();
	}

	@Test
	void aMadeUpOrMangledVerificationLinkDoesNothing() {
		String email = Readers.uniqueEmail("dalia");
		join(email, "Dalia", PASSWORD);
		String token = mailbox.latestTo(email).token("/verify");

		for (String wrong : new String[] { "", "nonsense", token.substring(1), token + "x", "x".repeat(500) }) {
			assertThat(http.get("/verify?token=" + wrong).statusCode()).as(wrong).isEqualTo(400);
		}
		assertThat(http.get("/verify").statusCode()).isEqualTo(400);
		assertThat(accountRow(email).get("email_verified_at")).isNull();
	}

	@Test
	void beforeVerifyingSigningInIsRefusedAndOffersANewLinkWhichReplacesTheOldOne() {
		String email = Readers.uniqueEmail("emre");
		join(email, "Emre Aydın", PASSWORD);
		String firstLink = mailbox.latestTo(email).link("/verify");

		HttpResponse<String> refused = http.signIn(email, PASSWORD);

		assertThat(refused.statusCode()).isEqualTo(302);
		assertThat(refused.headers().firstValue("Location").orElseThrow()).contains("/sign-in?unverified");
		assertThat(signedIn()).isFalse();
		Document signInPage = Jsoup.parse(http.follow(refused).body());
		assertThat(signInPage.selectFirst(".form-error").text())
			.isEqualTo("Your address is not verified yet. We can send you a new link.");
		assertThat(signInPage.selectFirst("form[action=/verify/resend] input[name=email]").val()).isEqualTo(email);

		HttpResponse<String> resent = http.postForm("/verify/resend", Map.of("email", email));

		assertThat(resent.statusCode()).isEqualTo(200);
		assertThat(mailbox.count(email)).isEqualTo(2);
		String secondLink = mailbox.latestTo(email).link("/verify");
		assertThat(secondLink).isNotEqualTo(firstLink);
		assertThat(http.get(firstLink).statusCode()).as("the first link was replaced").isEqualTo(400);
		assertThat(http.get(secondLink).statusCode()).isEqualTo(200);
		assertThat(signedInAfter(http.signIn(email, PASSWORD))).isTrue();
	}

	@Test
	void joiningWithARegisteredAddressAnswersExactlyAsForANewOneAndTellsTheOwnerByMail() {
		String taken = Readers.uniqueEmail("farah");
		join(taken, "Farah Nasser", PASSWORD);
		long accounts = countAccounts();
		String storedHash = (String) accountRow(taken).get("password_hash");

		HttpResponse<String> forTaken = join(taken, "Somebody Else", "Another long passphrase 1");
		HttpResponse<String> forNew = join(Readers.uniqueEmail("gil"), "Gil Amar", PASSWORD);

		assertThat(forTaken.statusCode()).isEqualTo(forNew.statusCode()).isEqualTo(200);
		assertThat(forTaken.body()).isEqualTo(forNew.body());
		assertThat(countAccounts()).as("only the new address got an account").isEqualTo(accounts + 1);
		assertThat(accountRow(taken).get("display_name")).isEqualTo("Farah Nasser");
		assertThat(accountRow(taken).get("password_hash")).isEqualTo(storedHash);
		Message notice = mailbox.latestTo(taken);
		assertThat(mailbox.count(taken)).isEqualTo(2);
		assertThat(notice.subject()).startsWith("Someone tried to join");
		assertThat(notice.text()).contains("Hello Farah").contains("/sign-in").contains("/forgot-password");
		assertThat(notice.text()).doesNotContain("/verify?token=");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			no address                   |                          | Ayelet  | Blue harbour lamps at dusk | email       | Please give your e-mail address.
			a malformed address          | ayelet-at-example.com    | Ayelet  | Blue harbour lamps at dusk | email       | That does not look like an e-mail address.
			an address without a domain  | ayelet@harbour           | Ayelet  | Blue harbour lamps at dusk | email       | That does not look like an e-mail address.
			angle brackets in an address | <b>@x.example            | Ayelet  | Blue harbour lamps at dusk | email       | That does not look like an e-mail address.
			two addresses in one         | 'x@x.example,root'       | Ayelet  | Blue harbour lamps at dusk | email       | That does not look like an e-mail address.
			no display name              | NEW                      | '   '   | Blue harbour lamps at dusk | displayName | Please choose a display name.
			a password of nine letters   | NEW                      | Ayelet  | harbourly                  | password    | Choose a password of at least 10 characters.
			a password from the list     | NEW                      | Ayelet  | password123                | password    | That password is too common to be safe. Try a few unrelated words together.
			a password of one letter     | NEW                      | Ayelet  | aaaaaaaaaaaaaaaa           | password    | That password is too common to be safe. Try a few unrelated words together.
			""")
	void badInputIsGivenBackToFixWithAClearMessageAndNothingIsStored(String what, String email, String name,
			String password, String field, String message) {
		String address = "NEW".equals(email) ? Readers.uniqueEmail("bad") : email == null ? "" : email;
		long accounts = countAccounts();

		HttpResponse<String> response = join(address, name, password);

		assertThat(response.statusCode()).isEqualTo(400);
		Document page = Jsoup.parse(response.body());
		assertThat(page.selectFirst("#" + field + "-error").text()).isEqualTo(message);
		assertThat(page.selectFirst(".form-error").text()).isEqualTo("Please check what is marked.");
		assertThat(page.selectFirst("input[name=password]").val()).as("a password is never sent back").isEmpty();
		assertThat(countAccounts()).isEqualTo(accounts);
		assertThat(mailbox.count(address)).isZero();
	}

	@Test
	void everyPasswordOnTheListOfCommonPasswordsIsRefused() throws IOException {
		PasswordPolicy policy = new PasswordPolicy();
		try (InputStream list = getClass().getResourceAsStream("/account/common-passwords.txt")) {
			String[] lines = new String(list.readAllBytes(), StandardCharsets.UTF_8).split("\n");
			for (String line : lines) {
				String password = line.strip();
				if (!password.isEmpty() && !password.startsWith("#")) {
					assertThat(policy.problemWith(password, "someone@example.com")).as(password).isPresent();
					assertThat(policy.problemWith(password.toUpperCase(), "someone@example.com")).as(password).isPresent();
				}
			}
		}
		assertThat(policy.problemWith(PASSWORD, "someone@example.com")).isEmpty();
	}

	@Test
	void aTooLongNameOrAPasswordMadeOfTheAddressIsRefused() {
		String email = Readers.uniqueEmail("hannah");

		HttpResponse<String> longName = join(email, "H".repeat(61), PASSWORD);
		HttpResponse<String> ownAddress = join(email, "Hannah Kohl", email.substring(0, email.indexOf('@')) + "-secret");

		assertThat(Jsoup.parse(longName.body()).selectFirst("#displayName-error").text())
			.isEqualTo("A display name can be at most 60 characters long.");
		assertThat(Jsoup.parse(longName.body()).selectFirst("input[name=email]").val()).as("kept as typed").isEqualTo(email);
		assertThat(Jsoup.parse(ownAddress.body()).selectFirst("#password-error").text())
			.isEqualTo("Your password should not contain your e-mail address.");
		assertThat(longName.statusCode()).isEqualTo(400);
		assertThat(ownAddress.statusCode()).isEqualTo(400);
		assertThat(jdbc.sql("select count(*) from account where email = :e").param("e", email).query(Long.class).single())
			.isZero();
	}

	@Test
	void aPassphraseTooLongForTheHashIsRefusedWithAMessageNotAnError() {
		String email = Readers.uniqueEmail("ivan");
		String cyrillic = "Сорок два корабля вышли в море на рассвете"; // 42 letters, 78 bytes in UTF-8

		HttpResponse<String> longLatin = join(email, "Ivan", "a long passphrase about harbours and ferries ".repeat(2));
		HttpResponse<String> longCyrillic = join(email, "Ivan", cyrillic);

		for (HttpResponse<String> response : java.util.List.of(longLatin, longCyrillic)) {
			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(Jsoup.parse(response.body()).selectFirst("#password-error").text()).startsWith(
					"Choose a password of at most 72 characters");
		}
		assertThat(jdbc.sql("select count(*) from account where email = :e").param("e", email).query(Long.class).single())
			.isZero();
		assertThat(join(email, "Ivan", "Сорок два корабля").statusCode()).as("shorter non-Latin passphrases are fine")
			.isEqualTo(200);
	}

	// --- helpers ---

	private HttpResponse<String> join(String email, String displayName, String password) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("email", email);
		fields.put("displayName", displayName);
		fields.put("password", password);
		return http.postForm("/join", fields);
	}

	private boolean signedInAfter(HttpResponse<String> signIn) {
		assertThat(signIn.statusCode()).isEqualTo(302);
		return signedIn();
	}

	private boolean signedIn() {
		return http.get("/settings").statusCode() == 200;
	}

	private Map<String, Object> accountRow(String email) {
		return jdbc.sql("select * from account where email = :email").param("email", email).query().singleRow();
	}

	private java.util.List<String> events(long accountId) {
		return jdbc.sql("select kind from account_event where account_id = :id order by id")
			.param("id", accountId)
			.query(String.class)
			.list();
	}

	private long countAccounts() {
		return jdbc.sql("select count(*) from account").query(Long.class).single();
	}
}
