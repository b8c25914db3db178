package dev.gazette.account;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.function.Supplier;

import dev.gazette.support.Http;
import dev.gazette.support.Json;
import dev.gazette.support.Mailbox;
import dev.gazette.support.Readers;
import dev.gazette.support.Readers.Reader;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guessing passwords, creating accounts and sending reset mail in bulk are slowed down per client address: past the
 * limit the answer is 429 and nothing happens. Each test spends one kind of attempt until it is refused, so the tests
 * do not depend on each other's order. (The limit per account, 10 by default, is in {@code SigningInTests}.)
 */
@GazetteWithSmallLimits
class AbuseResistanceTests {

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
	void aBrowser() {
		http = new Http(port);
		mailbox = new Mailbox(jdbc);
		readers = new Readers(registration, accounts, administration, mailbox);
	}

	@Test
	void onceAnAddressHasUsedUpItsSignInAttemptsEvenTheRightPasswordIsRefused() {
		Reader reader = readers.join("Guarded Reader");

		int allowed = spendUntilRefused(GazetteWithSmallLimits.SIGN_IN_PER_ADDRESS,
				() -> http.signIn(Readers.uniqueEmail("guess"), "Guessing the password"));
		HttpResponse<String> right = http.signIn(reader.email(), reader.password());

		assertThat(allowed).isLessThanOrEqualTo(GazetteWithSmallLimits.SIGN_IN_PER_ADDRESS);
		assertThat(right.statusCode()).isEqualTo(429);
		assertThat(Long.parseLong(right.headers().firstValue("Retry-After").orElseThrow())).as("seconds to wait")
			.isBetween(1L, 15 * 60L);
		assertThat(http.get("/settings").statusCode()).as("not signed in").isEqualTo(302);
		Document page = Jsoup.parse(right.body());
		assertThat(page.selectFirst(".error-page h1").text()).isEqualTo("Too many attempts");
		assertThat(page.selectFirst(".error-page").text()).contains("wait");
	}

	@Test
	void joiningFromOneAddressIsLimitedOnTheFormAndOverTheApiAlike() {
		int allowed = spendUntilRefused(GazetteWithSmallLimits.SIGN_UP_PER_ADDRESS, () -> http.postForm("/join",
				Map.of("email", Readers.uniqueEmail("bulk"), "displayName", "Bulk", "password", Readers.PASSWORD)));
		long accountsBefore = countAccounts();
		String refusedEmail = Readers.uniqueEmail("refused");

		HttpResponse<String> form = http.postForm("/join",
				Map.of("email", refusedEmail, "displayName", "Refused", "password", Readers.PASSWORD));
		HttpResponse<String> api = http.postJson("/api/v1/accounts",
				Json.object("email", refusedEmail, "displayName", "Refused", "password", Readers.PASSWORD));

		assertThat(allowed).isLessThanOrEqualTo(GazetteWithSmallLimits.SIGN_UP_PER_ADDRESS);
		assertThat(form.statusCode()).isEqualTo(429);
		assertThat(api.statusCode()).isEqualTo(429);
		assertThat(api.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(countAccounts()).isEqualTo(accountsBefore);
		assertThat(mailbox.count(refusedEmail)).isZero();
	}

	@Test
	void askingForResetLinksFromOneAddressIsLimitedAndARefusedRequestSendsNoMail() {
		Reader reader = readers.join("Forgetful");

		int allowed = spendUntilRefused(GazetteWithSmallLimits.RESET_PER_ADDRESS,
				() -> http.postForm("/forgot-password", Map.of("email", reader.email())));

		assertThat(allowed).isLessThanOrEqualTo(GazetteWithSmallLimits.RESET_PER_ADDRESS);
		assertThat(mailbox.to(reader.email())).filteredOn(mail -> mail.subject().startsWith("Choose a new password"))
			.hasSize(allowed);
		assertThat(http.postForm("/forgot-password", Map.of("email", reader.email())).statusCode()).isEqualTo(429);
		assertThat(mailbox.to(reader.email())).filteredOn(mail -> mail.subject().startsWith("Choose a new password"))
			.hasSize(allowed);
	}

	@Test
	void askingForNewVerificationLinksFromOneAddressIsLimitedLikeJoining() {
		Reader unverified = readers.joinUnverified("Flooded Inbox");
		int mails = mailbox.count(unverified.email());

		int allowed = spendUntilRefused(GazetteWithSmallLimits.SIGN_UP_PER_ADDRESS,
				() -> http.postForm("/verify/resend", Map.of("email", unverified.email())));

		assertThat(mailbox.count(unverified.email())).isEqualTo(mails + allowed);
		assertThat(http.postForm("/verify/resend", Map.of("email", unverified.email())).statusCode()).isEqualTo(429);
		assertThat(mailbox.count(unverified.email())).isEqualTo(mails + allowed);
	}

	@Test
	void strangersGuessingFromSeveralClientsDoNotKeepTheOwnerOutWhoIsToldOnceByMail() {
		Reader owner = readers.join("Targeted Owner");
		int mails = mailbox.count(owner.email());
		for (String stranger : new String[] { "203.0.113.7", "203.0.113.8", "203.0.113.9" }) {
			Http guesser = new Http(port, stranger);
			for (int attempt = 1; attempt <= 4; attempt++) {
				assertThat(guesser.signIn(owner.email(), "Guess " + attempt).statusCode()).isEqualTo(302);
			}
		}
		Http stubborn = new Http(port, "203.0.113.7");

		int more = spendUntilRefused(GazetteWithSmallLimits.SIGN_IN_PER_ADDRESS,
				() -> stubborn.signIn(owner.email(), "One more guess"));
		HttpResponse<String> refused = stubborn.signIn(owner.email(), owner.password());
		Http ownersBrowser = new Http(port, "198.51.100.20");
		HttpResponse<String> signedIn = ownersBrowser.signIn(owner.email(), owner.password());

		assertThat(more).isLessThanOrEqualTo(1);
		assertThat(refused.statusCode()).as("the stranger stays slowed").isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After")).isPresent();
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("sign-in");
		assertThat(ownersBrowser.get("/settings").statusCode()).as("signed in").isEqualTo(200);
		assertThat(mailbox.count(owner.email())).as("told once, not per attempt").isEqualTo(mails + 1);
		assertThat(mailbox.latestTo(owner.email()).subject()).contains("Failed attempts to sign in");
		assertThat(mailbox.latestTo(owner.email()).text()).contains("10 times").doesNotContain("203.0.113");
	}

	@Test
	void guessingFromManyClientsMeetsTheAccountsLimitButTheOwnerStillGetsIn() {
		Reader owner = readers.join("Besieged Owner");
		int refusedAt = 0;
		for (int client = 1; client <= 8 && refusedAt == 0; client++) {
			Http guesser = new Http(port, "192.0.2." + client);
			for (int attempt = 1; attempt <= 3; attempt++) {
				if (guesser.signIn(owner.email(), "Guess " + client + "." + attempt).statusCode() == 429) {
					refusedAt = client;
					break;
				}
			}
		}
		HttpResponse<String> owners = new Http(port, "198.51.100.21").signIn(owner.email(), owner.password());

		assertThat(refusedAt).as("a client that failed meets the limit over all clients once it is spent")
			.isBetween(2, 6);
		assertThat(owners.statusCode()).isEqualTo(302);
		assertThat(owners.headers().firstValue("Location").orElseThrow()).doesNotContain("sign-in");
	}

	@Test
	void anIpv6ClientIsOneClientAcrossItsSlash64() {
		int allowed = spendUntilRefused(GazetteWithSmallLimits.SIGN_IN_PER_ADDRESS,
				() -> new Http(port, "2001:db8:7:7::1").signIn(Readers.uniqueEmail("guess6"), "Guessing"));

		HttpResponse<String> sameNetwork = new Http(port, "2001:db8:7:7:abcd:1234:5678:9").signIn(
				Readers.uniqueEmail("guess6"), "Guessing");
		HttpResponse<String> otherNetwork = new Http(port, "2001:db8:7:8::1").signIn(Readers.uniqueEmail("guess6"),
				"Guessing");

		assertThat(allowed).isEqualTo(GazetteWithSmallLimits.SIGN_IN_PER_ADDRESS);
		assertThat(sameNetwork.statusCode()).isEqualTo(429);
		assertThat(otherNetwork.statusCode()).isEqualTo(302);
	}

	// --- helpers ---

	/**
	 * Makes attempts until one is refused with 429, failing when more than {@code limit} go through.
	 * @return how many went through
	 */
	private static int spendUntilRefused(int limit, Supplier<HttpResponse<String>> attempt) {
		for (int made = 0; made <= limit; made++) {
			HttpResponse<String> response = attempt.get();
			if (response.statusCode() == 429) {
				return made;
			}
			assertThat(response.statusCode()).as("attempt " + (made + 1)).isIn(200, 302);
		}
		throw new AssertionError("More than " + limit + " attempts went through");
	}

	private long countAccounts() {
		return jdbc.sql("select count(*) from account").query(Long.class).single();
	}
}
