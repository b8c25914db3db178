package dev.gazette.newsletter;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.gazette.account.AccountAdministration;
import dev.gazette.account.Accounts;
import dev.gazette.account.Registration;
import dev.gazette.account.Role;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.article.Section;
import dev.gazette.mail.MailTemplates;
import dev.gazette.mail.Mailer;
import dev.gazette.publication.GazetteProperties;
import dev.gazette.publication.Publications;
import dev.gazette.jobs.Jobs;
import dev.gazette.support.Http;
import dev.gazette.support.Json;
import dev.gazette.support.Mailbox;
import dev.gazette.support.Mailbox.Message;
import dev.gazette.support.MutableClock;
import dev.gazette.support.Newsroom;
import dev.gazette.support.Readers;
import dev.gazette.support.Readers.Reader;
import dev.gazette.support.TestSmtp;
import dev.gazette.newsletter.internal.Digests;
import dev.gazette.newsletter.internal.Issues;
import dev.gazette.newsletter.internal.NewsletterProperties;
import dev.gazette.newsletter.internal.Subscribers;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The newsletter from a subscriber's side: subscribing (double opt-in for guests), the digest of each period's new
 * articles in the chosen sections, one-click unsubscribe, and never a second copy. Digests go out at 07:00 in the
 * publication's zone (UTC here), weekly ones on Mondays. Every test starts a day (and a period) of its own; the
 * newsletter job is run by the tests (its own schedule is an hour), and mail leaves through GreenMail.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "gazette.base-url=https://gazette.example", "spring.mail.host=127.0.0.1",
				"gazette.mail.from=Gazette <desk@gazette.example>", "gazette.newsletter.poll-interval=1h",
				"gazette.notifications.poll-interval=1h", "gazette.mail.poll-interval=200ms",
				"gazette.newsletter.per-address=100000" })
class NewsletterTests {

	static final int SMTP_PORT = TestSmtp.freePort();

	@RegisterExtension
	static GreenMailExtension smtp = TestSmtp.server(SMTP_PORT);

	@DynamicPropertySource
	static void smtpPort(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@TestConfiguration
	static class StandingClock {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(Instant.parse("2018-07-22T09:00:00Z"));
		}
	}

	@Autowired
	Digests digests;

	@Autowired
	Jobs jobs;

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

	@Autowired
	MutableClock clock;

	@LocalServerPort
	int port;

	Mailbox mailbox;

	Newsroom newsroom;

	Section harbour;

	Section culture;

	@BeforeEach
	void aNewDay() {
		mailbox = new Mailbox(jdbc);
		newsroom = new Newsroom(catalog);
		harbour = newsroom.section("Harbour");
		culture = newsroom.section("Kültür & שלום");
		digests.run();
		clock.advance(Duration.ofDays(1));
	}

	@Test
	void aGuestConfirmsAndGetsTheDailyDigestWithOneClickUnsubscribeHeaders() throws Exception {
		String address = Readers.uniqueEmail("guest");
		subscribeAndConfirm(address, "daily");
		publishToday("Ferry timetable <b>doubles</b> — Oğuz Türk reports", harbour);
		publishToday("A concert of שלום and 🎻", culture);

		clock.advance(Duration.ofDays(1));
		assertThat(digests.run()).isPositive();

		Message digest = single(digestsTo(address));
		assertThat(digest.subject()).startsWith("Gazette: Daily digest, ").endsWith("(2 articles)");
		assertThat(digest.text()).contains("Ferry timetable <b>doubles</b> — Oğuz Türk reports")
			.contains("A concert of שלום and 🎻")
			.contains("https://gazette.example/newsletter/unsubscribe?token=");
		assertThat(digest.html()).contains("Ferry timetable &lt;b&gt;doubles&lt;/b&gt;").doesNotContain("<b>doubles");

		MimeMessage received = await().atMost(Duration.ofSeconds(15))
			.until(() -> TestSmtp.receivedBy(smtp, address, digest.subject()), list -> !list.isEmpty())
			.get(0);
		String unsubscribe = "https://gazette.example" + digest.link("/newsletter/unsubscribe");
		assertThat(received.getHeader("List-Unsubscribe", null)).isEqualTo("<" + unsubscribe + ">");
		assertThat(received.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
		assertThat(received.getHeader("List-Id", null)).isEqualTo("<daily.newsletter.gazette.example>");
		assertThat(received.getSubject()).isEqualTo(digest.subject());
	}

	@Test
	void onlyTheChosenSectionsAreSentAndAnEmptyDigestIsNotSentAtAll() {
		String harbourOnly = Readers.uniqueEmail("harbour");
		String cultureOnly = Readers.uniqueEmail("culture");
		subscribeAndConfirm(harbourOnly, "daily", harbour.slug());
		subscribeAndConfirm(cultureOnly, "daily", culture.slug());
		publishToday("Only for the harbour", harbour);

		clock.advance(Duration.ofDays(1));
		digests.run();

		assertThat(single(digestsTo(harbourOnly)).text()).contains("Only for the harbour");
		assertThat(digestsTo(cultureOnly)).as("nothing in their sections: no mail").isEmpty();

		clock.advance(Duration.ofDays(1));
		digests.run();
		assertThat(digestsTo(harbourOnly)).as("a day without articles sends nothing").hasSize(1);
		assertThat(jdbc.sql("select status from newsletter_issue where frequency = 'daily' order by id desc limit 1")
			.query(String.class)
			.single()).isEqualTo("empty");
	}

	@Test
	void runningTwiceOrOnTwoNodesAtOnceSendsEachDigestOnce() throws Exception {
		String address = Readers.uniqueEmail("once");
		subscribeAndConfirm(address, "daily");
		publishToday("Sent exactly once", harbour);
		clock.advance(Duration.ofDays(1));
		Digests otherNode = new Digests(new Issues(jdbc), new Subscribers(jdbc), accounts, catalog, mailer, templates,
				publications, site, properties, clock, transaction, jobs);

		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> runs = pool.invokeAll(List.<Callable<Integer>>of(digests::run, otherNode::run));
			for (Future<Integer> run : runs) {
				run.get();
			}
		}
		finally {
			pool.shutdown();
		}
		digests.run();
		otherNode.run();

		assertThat(digestsTo(address)).hasSize(1);
		assertThat(jdbc.sql("select count(*) from newsletter_issue where frequency = 'daily' and period_key = :key")
			.param("key", clock.instant().toString().substring(0, 10))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theOneClickLinkAsksOnGetAndUnsubscribesOnAPostWithoutSessionOrCsrf() {
		String address = Readers.uniqueEmail("leaving");
		subscribeAndConfirm(address, "daily");
		publishToday("Read before leaving", harbour);
		clock.advance(Duration.ofDays(1));
		digests.run();
		String link = single(digestsTo(address)).link("/newsletter/unsubscribe");

		HttpResponse<String> asked = new Http(port).get(link);
		assertThat(asked.statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(asked.body()).selectFirst("h1").text()).isEqualTo("Unsubscribe from the newsletter?");
		assertThat(subscriberCount(address)).as("a GET changes nothing").isEqualTo(1);

		HttpResponse<String> done = new Http(port).postFormWithoutCsrf(link, Map.of("List-Unsubscribe", "One-Click"));

		assertThat(done.statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(done.body()).selectFirst("h1").text()).isEqualTo("You are unsubscribed");
		assertThat(subscriberCount(address)).isZero();
		assertThat(new Http(port).postFormWithoutCsrf(link, Map.of()).statusCode()).as("again: no harm").isEqualTo(200);
		publishToday("After leaving", harbour);
		clock.advance(Duration.ofDays(1));
		digests.run();
		assertThat(digestsTo(address)).hasSize(1);
		assertThat(new Http(port).get("/newsletter/unsubscribe?token=not-a-token").statusCode()).isEqualTo(404);
	}

	@Test
	void aSignedInReaderSubscribesWithoutConfirmationAndItsOneClickLinkTurnsThePreferenceOff() {
		Reader reader = readers().join("Leyla Məmmədova");
		Http browser = Http.signedInAs(port, reader);
		assertThat(browser.get("/settings").body()).contains("href=\"/newsletter\"");

		HttpResponse<String> saved = browser.postForm("/newsletter", Map.of("frequency", "weekly", "section", culture.slug()));

		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(accounts.find(reader.id()).orElseThrow().newsletter()).isTrue();
		Document page = Jsoup.parse(browser.get("/newsletter").body());
		assertThat(page.getElementById("frequency-weekly").hasAttr("checked")).isTrue();
		assertThat(page.getElementById("section-" + culture.slug()).hasAttr("checked")).isTrue();
		assertThat(page.getElementById("email")).as("their own address, no field").isNull();

		publishToday("A week of culture", culture);
		publishToday("Not their section", harbour);
		// To the Monday after, an hour past the weekly send time.
		var now = clock.instant().atZone(java.time.ZoneOffset.UTC);
		var monday = now.toLocalDate().with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.MONDAY))
			.atTime(8, 0).atZone(java.time.ZoneOffset.UTC);
		clock.advance(Duration.between(now, monday));
		digests.run();

		Message weekly = single(digestsTo(reader.email()));
		assertThat(weekly.subject()).contains("Weekly digest, the week to Monday");
		assertThat(weekly.text()).startsWith("Hello Leyla Məmmədova,").contains("A week of culture").doesNotContain("Not their section");
		new Http(port).postFormWithoutCsrf(weekly.link("/newsletter/unsubscribe"), Map.of("List-Unsubscribe", "One-Click"));
		assertThat(accounts.find(reader.id()).orElseThrow().newsletter()).isFalse();
	}

	@Test
	void badRequestsAreRefusedClearlyAndSendNothing() {
		String address = Readers.uniqueEmail("refused");
		Http guest = new Http(port);

		HttpResponse<String> malformed = guest.postForm("/newsletter", Map.of("email", "not an address", "frequency", "daily"));
		HttpResponse<String> unknownSection = guest.postForm("/newsletter",
				Map.of("email", address, "frequency", "daily", "section", "<script>alert(1)</script>"));
		HttpResponse<String> badFrequency = guest.postForm("/newsletter", Map.of("email", address, "frequency", "hourly"));

		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(malformed.body()).getElementById("email-error").text())
			.isEqualTo("That does not look like an e-mail address.");
		assertThat(unknownSection.statusCode()).isEqualTo(400);
		assertThat(unknownSection.body()).contains("Please choose sections from the list.").doesNotContain("<script>alert");
		assertThat(badFrequency.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(badFrequency.body()).getElementById("frequency-error").text())
			.isEqualTo("Please choose daily or weekly.");

		HttpResponse<String> api = guest.postJson("/api/v1/newsletter/subscriptions",
				"{\"email\":\"" + address + "\",\"frequency\":\"hourly\",\"sections\":[\"nowhere\"]}");
		assertThat(api.statusCode()).isEqualTo(400);
		assertThat(api.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(Json.read(api).get("errors").findValuesAsString("field")).containsExactly("frequency", "sections");
		assertThat(guest.postJson("/api/v1/newsletter/subscriptions", "{not json").statusCode()).isEqualTo(400);
		assertThat(mailbox.count(address)).isZero();
		assertThat(subscriberCount(address)).isZero();

		HttpResponse<String> accepted = guest.postJson("/api/v1/newsletter/subscriptions",
				"{\"email\":\"" + address + "\",\"frequency\":\"weekly\",\"sections\":[\"" + harbour.slug() + "\"]}");
		assertThat(accepted.statusCode()).isEqualTo(202);
		assertThat(mailbox.latestTo(address).subject()).isEqualTo("Please confirm your subscription to the Gazette newsletter");
	}

	@ParameterizedTest
	@ValueSource(strings = { "<b>@x.example", "x@x.example,root" })
	void anAddressTheMailCannotTakeIsRefusedByTheFieldOnThePageAndInTheApi(String address) {
		Http guest = new Http(port);

		HttpResponse<String> page = guest.postForm("/newsletter", Map.of("email", address, "frequency", "daily"));
		HttpResponse<String> api = guest.postJson("/api/v1/newsletter/subscriptions",
				Json.object("email", address, "frequency", "daily"));

		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(page.body()).getElementById("email-error").text())
			.isEqualTo("That does not look like an e-mail address.");
		assertThat(api.statusCode()).isEqualTo(400);
		assertThat(api.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(Json.read(api).get("errors").findValuesAsString("field")).containsExactly("email");
		assertThat(subscriberCount(address)).isZero();
	}

	@Test
	void anUnconfirmedRequestSendsNothingAndExpiresAndRepeatedRequestsMailOnce() {
		String address = Readers.uniqueEmail("unconfirmed");
		Http guest = new Http(port);
		guest.postForm("/newsletter", Map.of("email", address, "frequency", "daily"));
		guest.postForm("/newsletter", Map.of("email", address, "frequency", "daily"));
		assertThat(mailbox.count(address)).as("one link, however often a stranger asks").isEqualTo(1);
		String link = mailbox.latestTo(address).link("/newsletter/confirm");
		publishToday("Not for the unconfirmed", harbour);

		clock.advance(Duration.ofDays(2));
		digests.run();

		assertThat(digestsTo(address)).isEmpty();
		assertThat(subscriberCount(address)).as("forgotten").isZero();
		assertThat(new Http(port).get(link).statusCode()).isEqualTo(404);
	}

	@Test
	void adminsSeeSubscriberCountsAndTheLatestIssuesAndNobodyElseDoes() {
		subscribeAndConfirm(Readers.uniqueEmail("counted"), "daily", harbour.slug());
		publishToday("Counted", harbour);
		clock.advance(Duration.ofDays(1));
		digests.run();
		Reader admin = readers().join("Admin Person", Role.ADMIN);
		Reader reader = readers().join("Just A Reader");
		Http adminBrowser = Http.signedInAs(port, admin);
		Http readerBrowser = Http.signedInAs(port, reader);

		HttpResponse<String> page = adminBrowser.get("/admin/newsletter");

		assertThat(page.statusCode()).isEqualTo(200);
		Document document = Jsoup.parse(page.body());
		assertThat(document.select(".newsletter-sections tr").eachText()).anyMatch(row -> row.startsWith("Harbour ") && row.endsWith(" 1"));
		assertThat(document.select(".newsletter-issues tbody tr").eachText())
			.anyMatch(row -> row.startsWith("daily " + clock.instant().toString().substring(0, 10) + " ") && row.contains(" sent "));
		assertThat(readerBrowser.get("/admin/newsletter").statusCode()).isEqualTo(403);
	}

	@Autowired
	Mailer mailer;

	@Autowired
	MailTemplates templates;

	@Autowired
	Publications publications;

	@Autowired
	GazetteProperties site;

	@Autowired
	NewsletterProperties properties;

	@Autowired
	TransactionTemplate transaction;

	private Readers readers() {
		return new Readers(registration, accounts, administration, mailbox);
	}

	private void subscribeAndConfirm(String address, String frequency, String... sections) {
		Http guest = new Http(port);
		Map<String, String> form = new java.util.LinkedHashMap<>(Map.of("email", address, "frequency", frequency));
		if (sections.length > 0) {
			form.put("section", sections[0]);
		}
		HttpResponse<String> requested = guest.postForm("/newsletter", form);
		assertThat(requested.statusCode()).isEqualTo(302);
		Message confirmation = mailbox.latestTo(address);
		assertThat(confirmation.subject()).isEqualTo("Please confirm your subscription to the Gazette newsletter");
		String link = confirmation.link("/newsletter/confirm");
		HttpResponse<String> page = guest.get(link);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(subscriberStatus(address)).as("opening the link only asks").isEqualTo("pending");
		HttpResponse<String> confirmed = guest.postForm("/newsletter/confirm", Map.of("token", Message.tokenOf(link)));
		assertThat(Jsoup.parse(confirmed.body()).selectFirst("h1").text()).isEqualTo("You are subscribed");
		assertThat(subscriberStatus(address)).isEqualTo("confirmed");
	}

	private void publishToday(String headline, Section section) {
		newsroom.article().headline(headline).in(section).publishedAt(clock.instant().minus(Duration.ofMinutes(30))).publish();
	}

	private List<Message> digestsTo(String address) {
		return mailbox.to(address).stream().filter(mail -> mail.category().equals("newsletter")).toList();
	}

	private String subscriberStatus(String address) {
		return jdbc.sql("select status from newsletter_subscriber where email = :e").param("e", address).query(String.class).single();
	}

	private long subscriberCount(String address) {
		return jdbc.sql("select count(*) from newsletter_subscriber where email = :e").param("e", address).query(Long.class).single();
	}

	private static Message single(List<Message> mails) {
		assertThat(mails).hasSize(1);
		return mails.get(0);
	}
}
