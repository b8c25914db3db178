package dev.gazette.account;

import java.net.http.HttpResponse;
import java.util.Map;

import dev.gazette.article.ArticleCatalog;
import dev.gazette.support.Http;
import dev.gazette.support.Mailbox;
import dev.gazette.support.Newsroom;
import dev.gazette.support.Readers;
import dev.gazette.support.RunningGazette;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A reader who signs in from an article comes back to it; the way back can only lead to an article of this site. */
@RunningGazette
class SigningInFromAnArticleTests {

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

	@Test
	void theHeadersSignInLinkOnAnArticleLeadsBackToIt() {
		Newsroom.Published article = new Newsroom(catalog).article().headline("Come back here after signing in").publish();
		Readers.Reader reader = new Readers(registration, accounts, administration, new Mailbox(jdbc)).join("Returning Rüya");
		Http browser = new Http(port);
		Document page = Jsoup.parse(browser.get(article.path()).body());
		String signInLink = page.selectFirst("header a:contains(Sign in)").attr("href");
		assertThat(signInLink).startsWith("/sign-in?next=");

		Document form = Jsoup.parse(browser.get(signInLink).body(), "http://localhost:" + port + signInLink);
		assertThat(form.selectFirst("input[name=next]").val()).isEqualTo(article.path());
		HttpResponse<String> signedIn = browser.submit(form, "main form.account-form",
				Map.of("email", reader.email(), "password", reader.password()));

		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElseThrow()).isEqualTo(article.path());
	}

	@Test
	void aWrongPasswordKeepsTheWayBack() {
		Http browser = new Http(port);
		HttpResponse<String> failed = browser.postForm("/sign-in",
				Map.of("email", "nobody@example.com", "password", "wrong password", "next", "/articles/some-piece"));

		assertThat(failed.headers().firstValue("Location").orElseThrow()).endsWith("&next=%2Farticles%2Fsome-piece");
	}

	@Test
	void aWayBackToAnotherSiteIsIgnored() {
		Readers.Reader reader = new Readers(registration, accounts, administration, new Mailbox(jdbc)).join("Cautious Cem");
		for (String elsewhere : new String[] { "//evil.example/articles/x", "https://evil.example", "/\\evil.example",
				"/articles/x/../../admin" }) {
			Http browser = new Http(port);
			assertThat(Jsoup.parse(browser.get("/sign-in?next=" + java.net.URLEncoder.encode(elsewhere,
					java.nio.charset.StandardCharsets.UTF_8)).body()).select("input[name=next]")).as(elsewhere).isEmpty();
			HttpResponse<String> signedIn = browser.postForm("/sign-in",
					Map.of("email", reader.email(), "password", reader.password(), "next", elsewhere));
			assertThat(signedIn.headers().firstValue("Location").orElseThrow()).as(elsewhere).isEqualTo("/");
		}
	}
}
