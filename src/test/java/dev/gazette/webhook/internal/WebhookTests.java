package dev.gazette.webhook.internal;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.gazette.account.AccountAdministration;
import dev.gazette.account.Accounts;
import dev.gazette.account.Registration;
import dev.gazette.account.Role;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.support.Http;
import dev.gazette.support.Mailbox;
import dev.gazette.support.MutableClock;
import dev.gazette.support.Newsroom;
import dev.gazette.support.Readers;
import dev.gazette.support.Readers.Reader;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhooks as an integrator meets them: a real HTTP server on a local port receives signed JSON when an article or a
 * comment is published, and answers with errors for a while to make Gazette retry. The clock stands still until a
 * test moves it; the delivery worker and the announcer are run by the tests (their schedules are an hour here). What an
 * article's and a comment's calls carry, signed, is {@link WebhookModuleTests}' (the module with only what it needs).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "gazette.base-url=https://gazette.example", "gazette.webhooks.poll-interval=1h",
				"gazette.webhooks.max-attempts=3", "gazette.webhooks.first-retry=30s", "gazette.webhooks.timeout=5s",
				"gazette.articles.announce-interval=1h", "gazette.newsletter.poll-interval=1h",
				"gazette.notifications.poll-interval=1h" })
class WebhookTests {

	@TestConfiguration
	static class StandingClock {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(Instant.parse("2018-07-22T09:00:00Z"));
		}
	}

	@Autowired
	WebhookDelivery delivery;

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	Accounts accounts;

	@Autowired
	Registration registration;

	@Autowired
	AccountAdministration administration;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@LocalServerPort
	int port;

	WebhookReceiver receiver;

	Http admin;

	@BeforeEach
	void aReceiverAndAnAdmin() throws IOException {
		receiver = new WebhookReceiver(clock);
		// Earlier tests' webhooks point at receivers that are gone: only this test's webhook is registered.
		jdbc.sql("delete from webhook").update();
		Reader person = new Readers(registration, accounts, administration, new Mailbox(jdbc)).join("Admin Ada", Role.ADMIN);
		admin = Http.signedInAs(port, person);
		HttpResponse<String> registered = admin.postForm("/admin/webhooks", Map.of("url",
				receiver.url(), "description", "Ünïcode ✓ test",
				"event", "article.published"));
		assertThat(registered.statusCode()).isEqualTo(200);
		receiver.secret = Jsoup.parse(registered.body()).selectFirst(".form-saved code.secret").text();
		// The test's form helper sends one value per field, so the second event is added directly.
		long id = jdbc.sql("select max(id) from webhook where secret = :s").param("s", receiver.secret).query(Long.class).single();
		jdbc.sql("update webhook set events = 'article.published,comment.published' where id = :id").param("id", id).update();
	}

	@AfterEach
	void stopTheReceiver() {
		receiver.close();
	}

	@Test
	void aFailingReceiverIsRetriedWithGrowingWaitsAndTheAdminPageShowsTheAnswers() {
		receiver.failuresLeft.set(2);
		new Newsroom(catalog).article().publish();
		receiver.awaitQueued(jdbc, 1);

		delivery.deliverDue();
		clock.advance(Duration.ofSeconds(29));
		assertThat(delivery.deliverDue()).as("not before 30 s").isZero();
		clock.advance(Duration.ofSeconds(1));
		delivery.deliverDue();
		clock.advance(Duration.ofSeconds(59));
		assertThat(delivery.deliverDue()).as("then not before 60 s").isZero();
		clock.advance(Duration.ofSeconds(1));
		delivery.deliverDue();

		assertThat(receiver.received).hasSize(3).allMatch(WebhookReceiver.Received::signed);
		assertThat(receiver.received.stream().map(WebhookReceiver.Received::delivery).distinct()).as("one delivery, tried three times").hasSize(1);
		var row = Jsoup.parse(admin.get("/admin/webhooks").body()).selectFirst("tr.delivery");
		assertThat(row.selectFirst(".delivery-status").text()).isEqualTo("delivered");
		assertThat(row.selectFirst(".delivery-answer").text()).isEqualTo("204");
	}

	@Test
	void afterTheLastAttemptTheDeliveryHasFailedAndIsNotTriedAgain() {
		receiver.failuresLeft.set(100);
		new Newsroom(catalog).article().publish();
		receiver.awaitQueued(jdbc, 1);
		for (int i = 0; i < 5; i++) {
			delivery.deliverDue();
			clock.advance(Duration.ofHours(1));
		}

		assertThat(receiver.received).hasSize(3);
		var row = Jsoup.parse(admin.get("/admin/webhooks").body()).selectFirst("tr.delivery");
		assertThat(row.selectFirst(".delivery-status").text()).isEqualTo("failed");
		assertThat(row.selectFirst(".delivery-answer").text()).isEqualTo("503");
	}

	@Test
	void aFutureArticleIsAnnouncedOnceWhenItsTimeComesAndTwoNodesCallOnce() throws Exception {
		new Newsroom(catalog).article().publishedAt(clock.instant().plus(Duration.ofHours(1))).publish();
		assertThat(catalog.announceDue()).isZero();
		clock.advance(Duration.ofHours(1));

		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			int announced = 0;
			for (var run : pool.invokeAll(List.<Callable<Integer>>of(catalog::announceDue, catalog::announceDue))) {
				announced += run.get();
			}
			assertThat(announced).isEqualTo(1);
			receiver.awaitQueued(jdbc, 1);
			int calls = 0;
			for (var run : pool.invokeAll(List.<Callable<Integer>>of(delivery::deliverDue, delivery::deliverDue))) {
				calls += run.get();
			}
			assertThat(calls).isEqualTo(1);
		}
		finally {
			pool.shutdown();
		}
		assertThat(catalog.announceDue()).isZero();
		assertThat(receiver.received).hasSize(1);
	}

	@Test
	void aBadAddressIsRefusedOnThePageAndStoresNothingAndOnlyAdminsSeeThePage() {
		long before = jdbc.sql("select count(*) from webhook").query(Long.class).single();
		for (String url : List.of("ftp://example.com/x", "not a url", "", "https://user:pw@example.com/", "javascript:alert(1)")) {
			HttpResponse<String> refused = admin.postForm("/admin/webhooks", Map.of("url", url, "event", "article.published"));
			assertThat(refused.statusCode()).as(url).isEqualTo(400);
			assertThat(Jsoup.parse(refused.body()).selectFirst(".form-error").text()).isNotBlank();
		}
		assertThat(admin.postForm("/admin/webhooks", Map.of("url", "https://example.com/", "event", "everything"))
			.statusCode()).isEqualTo(400);
		assertThat(jdbc.sql("select count(*) from webhook").query(Long.class).single()).isEqualTo(before);

		Reader reader = new Readers(registration, accounts, administration, new Mailbox(jdbc)).join("Not An Admin");
		Http readerBrowser = Http.signedInAs(port, reader);
		assertThat(readerBrowser.get("/admin/webhooks").statusCode()).isEqualTo(403);
		assertThat(new Http(port).get("/admin/webhooks").statusCode()).isEqualTo(302);
	}
}
