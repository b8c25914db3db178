package dev.gazette.account;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.support.Http;
import dev.gazette.support.Json;
import dev.gazette.support.Mailbox;
import dev.gazette.support.MutableClock;
import dev.gazette.support.Newsroom;
import dev.gazette.support.Newsroom.Published;
import dev.gazette.support.Readers;
import dev.gazette.support.Readers.Reader;
import jakarta.mail.BodyPart;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Gazette as it runs for real: account mail leaves by SMTP (GreenMail is the server) and readers follow the links in
 * the mail they received; the first admin comes from {@code gazette.accounts.admin-email} and {@code admin-password};
 * and the clock moves when a test says, so links and the edit window can run out.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.mail.host=127.0.0.1", "gazette.mail.poll-interval=200ms",
				"gazette.mail.from=Gazette Desk <desk@gazette.example>", "gazette.base-url=https://gazette.example",
				"gazette.accounts.admin-email=" + AccountsOverTimeTests.ADMIN_EMAIL,
				"gazette.accounts.admin-password=" + AccountsOverTimeTests.ADMIN_PASSWORD,
				"gazette.accounts.sign-in-per-address=100000", "gazette.accounts.sign-up-per-address=100000",
				"gazette.accounts.reset-per-address=100000" })
class AccountsOverTimeTests {

	static final String ADMIN_EMAIL = "Chief.Editor@Gazette.example";

	static final String ADMIN_PASSWORD = "Printing presses roll at dawn";

	static final int SMTP_PORT = freePort();

	static final Duration PATIENCE = Duration.ofSeconds(15);

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(
			new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	@DynamicPropertySource
	static void smtpPort(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@TestConfiguration
	static class MovingClock {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
		}
	}

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

	Http http;

	Readers readers;

	@BeforeEach
	void aNewBrowser() {
		http = new Http(port);
		readers = new Readers(registration, accounts, administration, new Mailbox(jdbc));
	}

	@Test
	void theVerificationMailIsTextWithAnHtmlAlternativeAndKeepsTheNameAsWritten() throws Exception {
		String email = Readers.uniqueEmail("oguz");

		http.postForm("/join", Map.of("email", email, "displayName", "Oğuz Türk", "password", Readers.PASSWORD));

		MimeMessage mail = received(email, "Please confirm your address");
		assertThat(mail.getFrom()).containsExactly(new InternetAddress("desk@gazette.example", "Gazette Desk"));
		assertThat(mail.getContentType()).startsWith("multipart/alternative");
		MimeMultipart parts = (MimeMultipart) mail.getContent();
		assertThat(parts.getCount()).isEqualTo(2);
		BodyPart text = parts.getBodyPart(0);
		BodyPart html = parts.getBodyPart(1);
		assertThat(text.isMimeType("text/plain")).isTrue();
		assertThat(text.getContentType()).containsIgnoringCase("charset=UTF-8");
		assertThat(html.isMimeType("text/html")).isTrue();
		assertThat(html.getContentType()).containsIgnoringCase("charset=UTF-8");
		String textBody = (String) text.getContent();
		String htmlBody = (String) html.getContent();
		assertThat(textBody).contains("Hello Oğuz Türk,");
		assertThat(Jsoup.parse(htmlBody).text()).contains("Hello Oğuz Türk,");
		String link = Mailbox.Message.linkIn(textBody, "/verify");
		assertThat(Jsoup.parse(htmlBody).selectFirst("a").attr("href")).isEqualTo("https://gazette.example" + link);

		assertThat(http.get(link).statusCode()).isEqualTo(200);
		assertThat(accounts.findByEmail(email).orElseThrow().emailVerified()).isTrue();
		http.signIn(email, Readers.PASSWORD);
		assertThat(Jsoup.parse(http.get("/").body()).selectFirst(".account-nav a").text()).isEqualTo("Oğuz Türk");
	}

	@Test
	void theResetAndPasswordChangedMailsAreTextWithAnHtmlAlternativeToo() throws Exception {
		Reader reader = readers.join("Şebnem Öztürk");

		http.postForm("/forgot-password", Map.of("email", reader.email()));
		MimeMessage reset = received(reader.email(), "Choose a new password");
		String link = Mailbox.Message.linkIn(textOf(reset), "/reset-password");
		http.postForm("/reset-password", Map.of("token", Mailbox.Message.tokenOf(link), "password", "Nine gulls on a mast"));
		MimeMessage changed = received(reader.email(), "Your password");

		for (MimeMessage mail : List.of(reset, changed)) {
			assertThat(mail.getContentType()).startsWith("multipart/alternative");
			MimeMultipart parts = (MimeMultipart) mail.getContent();
			assertThat(parts.getBodyPart(0).isMimeType("text/plain")).isTrue();
			assertThat(parts.getBodyPart(1).isMimeType("text/html")).isTrue();
			assertThat((String) parts.getBodyPart(0).getContent()).contains("Şebnem Öztürk");
			assertThat((String) parts.getBodyPart(1).getContent()).contains("Şebnem Öztürk");
		}
	}

	@Test
	void aVerificationLinkWorksForTwoDaysAndNotAMomentLonger() throws Exception {
		Reader early = readers.joinUnverified("Early");
		Reader late = readers.joinUnverified("Late");
		String earlyLink = Mailbox.Message.linkIn(textOf(received(early.email(), "Please confirm")), "/verify");
		String lateLink = Mailbox.Message.linkIn(textOf(received(late.email(), "Please confirm")), "/verify");

		clock.advance(Duration.ofDays(2).minusMinutes(1));
		assertThat(http.get(earlyLink).statusCode()).isEqualTo(200);
		clock.advance(Duration.ofMinutes(1));
		HttpResponse<String> expired = http.get(lateLink);

		assertThat(expired.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(expired.body()).selectFirst("main").text())
			.contains("Verification links work once and for two days");
		assertThat(accounts.findByEmail(late.email()).orElseThrow().emailVerified()).isFalse();
		assertThat(accounts.findByEmail(early.email()).orElseThrow().emailVerified()).isTrue();
	}

	@Test
	void aResetLinkWorksForAnHourAndThenChangesNothing() throws Exception {
		Reader reader = readers.join("Hourglass");
		String hash = passwordHash(reader);
		http.postForm("/forgot-password", Map.of("email", reader.email()));
		String link = Mailbox.Message.linkIn(textOf(received(reader.email(), "Choose a new password")), "/reset-password");

		clock.advance(Duration.ofMinutes(59));
		assertThat(http.get(link).statusCode()).as("still good after 59 minutes").isEqualTo(200);
		clock.advance(Duration.ofMinutes(1));
		HttpResponse<String> form = http.get(link);
		HttpResponse<String> reset = http.postForm("/reset-password",
				Map.of("token", Mailbox.Message.tokenOf(link), "password", "Too late for a new one"));

		assertThat(form.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(form.body()).selectFirst("main").text()).contains("Reset links work once, for an hour.");
		assertThat(reset.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(reset.body()).selectFirst(".form-error").text())
			.isEqualTo("This reset link has expired or was already used. Please ask for a new one.");
		assertThat(passwordHash(reader)).isEqualTo(hash);
	}

	@Test
	void aCommentCanBeEditedForFifteenMinutesAndNotAfterwards() {
		Reader reader = readers.join("Quick Editor");
		http.signIn(reader.email(), reader.password());
		String token = Jsoup.parse(http.postForm("/settings/tokens", Map.of("name", "App")).body())
			.selectFirst("code.token")
			.text();
		Published article = new Newsroom(catalog).article().publish();
		String comment = http.postForm(article.path() + "/comments", Map.of("body", "Frist!"))
			.headers()
			.firstValue("Location")
			.orElseThrow();
		String path = comment.substring(comment.indexOf("/articles/"));
		long id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));

		clock.advance(Duration.ofMinutes(14));
		assertThat(http.postForm(path + "/edit", Map.of("body", "First!")).statusCode()).isEqualTo(302);
		clock.advance(Duration.ofMinutes(2));

		HttpResponse<String> late = http.postForm(path + "/edit", Map.of("body", "First, and late."));
		HttpResponse<String> lateOverApi = new Http(port).withToken(token, "PATCH", "/api/v1/comments/" + id,
				Json.object("body", "First, and late."));

		assertThat(late.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(late.body()).selectFirst(".form-error").text())
			.isEqualTo("A comment can only be edited in the first 15 minutes after posting.");
		assertThat(lateOverApi.statusCode()).isEqualTo(400);
		assertThat(Json.read(lateOverApi).get("detail").asString())
			.isEqualTo("A comment can only be edited in the first 15 minutes after posting.");
		assertThat(jdbc.sql("select body from comment where id = :id").param("id", id).query(String.class).single())
			.isEqualTo("First!");
		Document page = Jsoup.parse(http.get(article.path()).body());
		assertThat(page.getElementById("comment-" + id).select(".comment-actions a").eachText())
			.doesNotContain("Edit your comment")
			.contains("Delete your comment");
		assertThat(Jsoup.parse(http.get(path + "/edit").body()).selectFirst(".form-error").text())
			.isEqualTo("This comment can no longer be edited.");
	}

	@Test
	void theAdminFromTheSettingsExistsVerifiedOnStartAndIsTheOnlyOne() {
		Account admin = accounts.findByEmail(ADMIN_EMAIL).orElseThrow();

		assertThat(admin.email()).isEqualTo(ADMIN_EMAIL.toLowerCase());
		assertThat(admin.emailVerified()).isTrue();
		assertThat(admin.roles()).contains(Role.ADMIN);
		assertThat(jdbc.sql("select count(*) from account_role where role = 'admin'").query(Long.class).single())
			.isEqualTo(1);
		http.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
		assertThat(http.get("/admin/people").statusCode()).isEqualTo(200);
	}

	@Test
	void theLastAdminCannotBeRevoked() {
		long adminId = accounts.findByEmail(ADMIN_EMAIL).orElseThrow().id();
		http.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);

		HttpResponse<String> refused = http.postForm("/admin/people/" + adminId + "/roles",
				Map.of("role", "ADMIN", "grant", "false", "confirmed", "true"));

		assertThat(Jsoup.parse(http.follow(refused).body()).selectFirst(".admin .form-error").text())
			.isEqualTo("That is the last admin: make someone else an admin first.");
		assertThat(accounts.find(adminId).orElseThrow().roles()).contains(Role.ADMIN);
		assertThat(http.get("/admin/people").statusCode()).as("still signed in as an admin").isEqualTo(200);
	}

	// --- helpers ---

	/** The mail GreenMail received for the address whose subject starts so, waiting for it to arrive. */
	private static MimeMessage received(String address, String subjectStart) {
		return await().atMost(PATIENCE).until(() -> Arrays.stream(smtp.getReceivedMessages())
			.filter(message -> to(message).equalsIgnoreCase(address) && subject(message).startsWith(subjectStart))
			.toList(), list -> !list.isEmpty()).get(0);
	}

	private static String textOf(MimeMessage mail) throws IOException, MessagingException {
		return (String) ((MimeMultipart) mail.getContent()).getBodyPart(0).getContent();
	}

	private static String to(MimeMessage message) {
		try {
			return ((InternetAddress) message.getRecipients(RecipientType.TO)[0]).getAddress();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String passwordHash(Reader reader) {
		return jdbc.sql("select password_hash from account where id = :id").param("id", reader.id()).query(String.class).single();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
