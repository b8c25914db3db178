package dev.gazette.mail;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import dev.gazette.account.AccountAdministration;
import dev.gazette.account.Accounts;
import dev.gazette.account.Registration;
import dev.gazette.account.Role;
import dev.gazette.support.Http;
import dev.gazette.support.Mailbox;
import dev.gazette.support.Readers;
import dev.gazette.support.Readers.Reader;
import dev.gazette.support.RunningGazette;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without an SMTP server (the embedded default, as in {@link RunningGazette}) mail is kept in the outbox, and the
 * outbox page is where it is read: real mail through the real page. Who may read it and which addresses are not
 * found are {@link OutboxPagesSliceTests}' (a web slice).
 */
@RunningGazette
class OutboxPageTests {

	@Autowired
	Mailer mailer;

	@Autowired
	Outbox outbox;

	@Autowired
	TransactionTemplate transaction;

	@LocalServerPort
	int port;

	Http http;

	@Autowired
	Accounts accounts;

	@Autowired
	Registration registration;

	@Autowired
	AccountAdministration administration;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void anAdminSignedIn() {
		Reader admin = new Readers(registration, accounts, administration, new Mailbox(jdbc)).join("Outbox Admin", Role.ADMIN);
		http = Http.signedInAs(port, admin);
	}

	@Test
	void withoutAnSmtpServerAMailIsStoredAndListedInTheOutbox() {
		long id = mailer.send(new Mail("Oğuz Türk <oguz@example.com>", "Verify your address, שלום",
				"Open https://gazette.example/verify?token=abc to verify.\n", null, "verify-email"));

		OutboxMessage stored = outbox.find(id).orElseThrow();
		assertThat(stored.status()).isEqualTo(MailStatus.STORED);
		assertThat(stored.attempts()).isZero();
		assertThat(stored.nextAttemptAt()).isNull();
		assertThat(outbox.attempts(id)).isEmpty();

		HttpResponse<String> response = http.get("/admin/outbox");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
		Document page = Jsoup.parse(response.body());
		assertThat(page.selectFirst("h1").text()).isEqualTo("Outbox");
		assertThat(page.selectFirst(".outbox-mode").text()).contains("No SMTP server is configured");
		Element row = page.getElementById("mail-" + id);
		assertThat(row).isNotNull();
		assertThat(row.text()).contains("Oğuz Türk <oguz@example.com>", "Verify your address, שלום", "verify-email",
				"stored");
		assertThat(row.selectFirst("a").attr("href")).isEqualTo("/admin/outbox/" + id);
	}

	@Test
	void anOpenedMailShowsItsTextAndItsHtmlOnlySanitised() {
		long id = mailer.send(new Mail("reader@example.com", "Your reset link",
				"Reset: https://gazette.example/reset?token=a&b=<c>\n",
				"<p onclick=\"steal()\">Hello <strong>reader</strong>, <a href=\"javascript:steal()\">bad</a> "
						+ "<a href=\"https://gazette.example/reset\">reset</a></p><script>steal()</script>"
						+ "<img src=\"https://tracker.example/pixel.gif\">",
				"password-reset"));

		HttpResponse<String> response = http.get("/admin/outbox/" + id);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
		Document page = Jsoup.parse(response.body());
		assertThat(page.selectFirst("h1").text()).isEqualTo("Your reset link");
		assertThat(page.selectFirst(".mail-text").wholeText())
			.isEqualTo("Reset: https://gazette.example/reset?token=a&b=<c>\n");
		Element html = page.selectFirst(".mail-html");
		assertThat(html.select("strong").text()).isEqualTo("reader");
		assertThat(html.select("a[href=https://gazette.example/reset]")).hasSize(1);
		assertThat(html.select("script, img, [onclick], a[href^=javascript]")).isEmpty();
		assertThat(response.body()).doesNotContain("steal()").doesNotContain("tracker.example");
	}

	@Test
	void theOutboxShowsFiftyMailsAPageNewestFirst() {
		List<Long> ids = new ArrayList<>();
		transaction.executeWithoutResult(status -> {
			for (int i = 1; i <= OutboxPages.PAGE_SIZE + 1; i++) {
				ids.add(mailer.send(new Mail("reader" + i + "@example.com", "Mail number " + i, "Text " + i + "\n",
						null, "test")));
			}
		});

		Document first = Jsoup.parse(http.get("/admin/outbox").body());
		assertThat(first.select("tr.mail-row")).hasSize(OutboxPages.PAGE_SIZE);
		assertThat(first.selectFirst("tr.mail-row").id()).isEqualTo("mail-" + ids.get(ids.size() - 1));
		assertThat(first.selectFirst("a[rel=next]").attr("href")).isEqualTo("/admin/outbox?page=2");
		assertThat(first.getElementById("mail-" + ids.get(0))).as("the oldest is on the next page").isNull();

		Document second = Jsoup.parse(http.get("/admin/outbox?page=2").body());
		assertThat(second.getElementById("mail-" + ids.get(0))).isNotNull();
		assertThat(second.selectFirst("a[rel=prev]").attr("href")).isEqualTo("/admin/outbox");
	}
}
