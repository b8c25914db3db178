package dev.gazette.account;

import java.net.http.HttpResponse;
import java.util.Map;

import dev.gazette.support.Http;
import dev.gazette.support.Mailbox;
import dev.gazette.support.Readers;
import dev.gazette.support.Readers.Reader;
import dev.gazette.support.RunningGazette;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader moves their account to a new address: it takes effect only when the link sent to the new address is
 * followed, and then every session of the account ends.
 */
@RunningGazette
class ChangingTheAddressTests {

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

	Reader reader;

	@BeforeEach
	void aSignedInReader() {
		mailbox = new Mailbox(jdbc);
		readers = new Readers(registration, accounts, administration, mailbox);
		reader = readers.join("Farah Nasser");
		http = Http.signedInAs(port, reader);
	}

	@Test
	void theNewAddressIsUsedOnlyOnceItsLinkIsFollowedAndThenOldSessionsEnd() {
		String newEmail = Readers.uniqueEmail("farah-new");

		HttpResponse<String> asked = http.postForm("/settings/email",
				Map.of("newEmail", newEmail, "currentPassword", reader.password()));

		assertThat(asked.statusCode()).isEqualTo(302);
		assertThat(asked.headers().firstValue("Location").orElseThrow()).endsWith("/settings?saved=email");
		assertThat(address()).as("not yet").isEqualTo(reader.email());
		assertThat(http.get("/settings").statusCode()).as("still signed in").isEqualTo(200);
		assertThat(mailbox.count(reader.email())).as("only the verification mail went to the old address").isEqualTo(1);
		String link = mailbox.latestTo(newEmail).link("/confirm-email");
		assertThat(signsIn(newEmail)).isFalse();

		HttpResponse<String> confirmed = new Http(port).get(link);

		assertThat(confirmed.statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(confirmed.body()).selectFirst("main").text()).contains("From now on, sign in with " + newEmail);
		assertThat(address()).isEqualTo(newEmail);
		assertThat(http.get("/settings").statusCode()).as("the session from before was ended").isEqualTo(302);
		assertThat(signsIn(reader.email())).isFalse();
		assertThat(signsIn(newEmail)).isTrue();
		assertThat(new Http(port).get(link).statusCode()).as("the link works once").isEqualTo(400);
		assertThat(jdbc.sql("select kind from account_event where account_id = :id order by id desc limit 1")
			.param("id", reader.id())
			.query(String.class)
			.single()).isEqualTo("email-changed");
	}

	@Test
	void aWrongPasswordOrAMalformedAddressIsRefusedAndNothingIsSent() {
		String newEmail = Readers.uniqueEmail("farah-new");

		HttpResponse<String> wrongPassword = http.postForm("/settings/email",
				Map.of("newEmail", newEmail, "currentPassword", "Not my password at all"));
		HttpResponse<String> malformed = http.postForm("/settings/email",
				Map.of("newEmail", "farah at example", "currentPassword", reader.password()));

		assertThat(wrongPassword.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(wrongPassword.body()).selectFirst("#email-currentPassword-error").text())
			.isEqualTo("That is not your current password.");
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(malformed.body()).selectFirst("#newEmail-error").text())
			.isEqualTo("That does not look like an e-mail address.");
		assertThat(mailbox.count(newEmail)).isZero();
		assertThat(tokensOfAccount()).as("no link was issued").isZero();
		assertThat(address()).isEqualTo(reader.email());
	}

	@Test
	void anAddressTheMailCannotTakeIsRefusedByTheFieldAndNothingIsSent() {
		for (String address : new String[] { "<b>@x.example", "x@x.example,root" }) {
			HttpResponse<String> refused = http.postForm("/settings/email",
					Map.of("newEmail", address, "currentPassword", reader.password()));

			assertThat(refused.statusCode()).as(address).isEqualTo(400);
			assertThat(Jsoup.parse(refused.body()).selectFirst("#newEmail-error").text())
				.isEqualTo("That does not look like an e-mail address.");
		}
		assertThat(tokensOfAccount()).as("no link was issued").isZero();
		assertThat(address()).isEqualTo(reader.email());
	}

	@Test
	void anAddressThatHasAnAccountGetsTheSameAnswerButNoLinkIsIssued() {
		Reader other = readers.join("Gil Amar");
		String free = Readers.uniqueEmail("farah-new");
		int mailToOther = mailbox.count(other.email());

		HttpResponse<String> taken = http.postForm("/settings/email",
				Map.of("newEmail", other.email(), "currentPassword", reader.password()));
		long tokensBefore = tokensOfAccount();
		HttpResponse<String> notTaken = http.postForm("/settings/email",
				Map.of("newEmail", free, "currentPassword", reader.password()));

		assertThat(taken.statusCode()).isEqualTo(notTaken.statusCode());
		assertThat(taken.headers().firstValue("Location")).isEqualTo(notTaken.headers().firstValue("Location"));
		assertThat(mailbox.count(other.email())).isEqualTo(mailToOther);
		assertThat(tokensBefore).isZero();
		assertThat(address()).isEqualTo(reader.email());
	}

	// --- helpers ---

	private String address() {
		return jdbc.sql("select email from account where id = :id").param("id", reader.id()).query(String.class).single();
	}

	private long tokensOfAccount() {
		return jdbc.sql("select count(*) from account_token where account_id = :id and purpose = 'email'")
			.param("id", reader.id())
			.query(Long.class)
			.single();
	}

	private boolean signsIn(String email) {
		Http browser = new Http(port);
		browser.signIn(email, reader.password());
		return browser.get("/settings").statusCode() == 200;
	}
}
