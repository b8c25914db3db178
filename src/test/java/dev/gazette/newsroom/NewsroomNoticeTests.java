package dev.gazette.newsroom;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.gazette.account.AccountAdministration;
import dev.gazette.account.Accounts;
import dev.gazette.account.Registration;
import dev.gazette.account.Role;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.article.Author;
import dev.gazette.newsroom.Desk.Writer;
import dev.gazette.support.Http;
import dev.gazette.support.Json;
import dev.gazette.support.Mailbox;
import dev.gazette.support.Mailbox.Message;
import dev.gazette.support.Newsroom;
import dev.gazette.support.Readers;
import dev.gazette.support.TestSmtp;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * People are told: editors by mail when a piece is submitted, the writer when an editor leaves a note, sends it back,
 * schedules or publishes it; what they did themselves, nobody tells them. The mail goes through the outbox and leaves
 * by SMTP (GreenMail, a real server on a local port); each notice can be turned off at {@code /settings/newsroom},
 * and the dashboard lists it either way.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "gazette.base-url=https://gazette.example", "spring.mail.host=127.0.0.1",
				"gazette.mail.from=Gazette <desk@gazette.example>", "gazette.mail.poll-interval=200ms",
				"gazette.demo-content=false", "gazette.accounts.sign-in-per-address=100000",
				"gazette.accounts.sign-up-per-address=100000" })
class NewsroomNoticeTests {

	static final int SMTP_PORT = TestSmtp.freePort();

	@RegisterExtension
	static GreenMailExtension smtp = TestSmtp.server(SMTP_PORT);

	@DynamicPropertySource
	static void smtpPort(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> SMTP_PORT);
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

	@LocalServerPort
	int port;

	Mailbox mailbox;

	Readers readers;

	Desk desk;

	Author byline;

	Person bylines;

	@BeforeEach
	void aNewsroom() {
		mailbox = new Mailbox(jdbc);
		readers = new Readers(registration, accounts, administration, mailbox);
		desk = new Desk(port, readers);
		byline = new Newsroom(catalog).author("Dana Byline");
	}

	/** Someone on the staff with a token, and their address (the token's account is theirs). */
	private record Person(Writer writer, Readers.Reader account) {
	}

	private Person join(String name, Role role) {
		Readers.Reader account = readers.join(name, role);
		Http browser = Http.signedInAs(port, account);
		String token = Jsoup.parse(browser.postForm("/settings/tokens", Map.of("name", "newsroom")).body())
			.selectFirst("code.token")
			.text();
		return new Person(new Writer(account.id(), name, token), account);
	}

	private List<Message> notices(Person person) {
		return mailbox.to(person.account().email()).stream().filter(m -> m.category().equals("newsroom-notice")).toList();
	}

	private Message awaitNotice(Person person, String subject) {
		return await().atMost(Duration.ofSeconds(15))
			.until(() -> notices(person).stream().filter(m -> m.subject().equals(subject)).toList(), l -> !l.isEmpty())
			.get(0);
	}

	/** A contributor's draft; the byline is an admin's to give (a contributor may put only their own on a piece). */
	private long piece(Person writer, String headline) {
		long id = desk.start(writer.writer(), "headline", headline, "bodyMarkdown", "A body.");
		if (bylines == null) {
			bylines = join("Byline Admin", Role.ADMIN);
		}
		HttpResponse<String> bylined = desk.call(bylines.writer(), "PATCH", "/" + id,
				Json.object("authors", List.of(byline.slug())));
		assertThat(bylined.statusCode()).as(bylined.body()).isEqualTo(200);
		return id;
	}

	@Test
	void editorsAreMailedWhenAPieceIsSubmittedAndTheWriterIsNot() throws Exception {
		Person writer = join("Oğuz Türk", Role.CONTRIBUTOR);
		Person editor = join("Eda Notice", Role.EDITOR);
		String headline = "Harbour wall — שלום 👍";
		long id = piece(writer, headline);

		assertThat(desk.post(writer.writer(), "/" + id + "/submit").statusCode()).isEqualTo(200);

		String subject = "Submitted for review: " + headline;
		Message mail = awaitNotice(editor, subject);
		assertThat(mail.text()).contains("Hello Eda Notice,").contains("“" + headline + "” submitted Oğuz Türk")
			.contains("https://gazette.example/admin/articles/" + id)
			.contains("https://gazette.example/settings/newsroom");
		MimeMessage received = await().atMost(Duration.ofSeconds(15))
			.until(() -> TestSmtp.receivedBy(smtp, editor.account().email(), subject), l -> !l.isEmpty())
			.get(0);
		String html = (String) ((MimeMultipart) received.getContent()).getBodyPart(1).getContent();
		assertThat(Jsoup.parse(html).select("a").eachAttr("href")).contains("https://gazette.example/admin/articles/" + id);
		assertThat(notices(writer)).as("nobody is told of what they did").isEmpty();

		Http browser = Http.signedInAs(port, editor.account());
		Document dashboard = Jsoup.parse(browser.get("/admin/newsroom").body());
		assertThat(dashboard.select(".notices li").eachText()).anyMatch(line -> line.contains(headline)
				&& line.contains("submitted Oğuz Türk"));
	}

	@Test
	void theWriterIsToldOfANoteASendingBackASchedulingAndAPublication() {
		Person writer = join("Wren Writer", Role.CONTRIBUTOR);
		Person editor = join("Eli Editor", Role.EDITOR);
		long id = piece(writer, "The ferry timetable");
		desk.post(writer.writer(), "/" + id + "/submit");

		desk.call(editor.writer(), "POST", "/" + id + "/notes", Json.object("body", "Check the Sunday times."));
		assertThat(awaitNotice(writer, "A note on “The ferry timetable”").text())
			.contains("“The ferry timetable” has a note from Eli Editor");

		assertThat(desk.post(editor.writer(), "/" + id + "/draft").statusCode()).isEqualTo(200);
		awaitNotice(writer, "Sent back to draft: The ferry timetable");

		HttpResponse<String> scheduled = desk.call(editor.writer(), "POST", "/" + id + "/schedule",
				Json.object("at", "2099-07-23T06:00:00Z"));
		assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(200);
		awaitNotice(writer, "Scheduled: The ferry timetable");

		assertThat(desk.post(editor.writer(), "/" + id + "/publish").statusCode()).isEqualTo(200);
		awaitNotice(writer, "Published: The ferry timetable");
		assertThat(notices(editor)).extracting(Message::subject)
			.as("the editor is not told of what they did").doesNotContain("Published: The ferry timetable");
	}

	@Test
	void aWriterWhoTurnedANoticeOffIsNotMailedButSeesItOnTheDashboard() {
		Person writer = join("Quiet Writer", Role.CONTRIBUTOR);
		Person editor = join("Pia Publisher", Role.EDITOR);
		Http browser = Http.signedInAs(port, writer.account());
		Document settings = Jsoup.parse(browser.get("/settings/newsroom").body());
		assertThat(settings.select("input[name=on]").eachAttr("value"))
			.as("a contributor is offered the writer's notices only")
			.containsExactly("note", "returned", "scheduled", "published");
		// Untick "published", keep the rest: a browser sends the ticked boxes only.
		HttpResponse<String> saved = browser.postForm("/settings/newsroom",
				List.of(Map.entry("on", "note"), Map.entry("on", "returned"), Map.entry("on", "scheduled")));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(Jsoup.parse(browser.get("/settings/newsroom?saved").body())
			.selectFirst("input[value=published]")
			.hasAttr("checked")).isFalse();

		long noted = piece(writer, "Still told of notes");
		desk.call(editor.writer(), "POST", "/" + noted + "/notes", Json.object("body", "Fine."));
		awaitNotice(writer, "A note on “Still told of notes”");
		long id = piece(writer, "Published in silence");
		desk.post(writer.writer(), "/" + id + "/submit");
		assertThat(desk.post(editor.writer(), "/" + id + "/publish").statusCode()).isEqualTo(200);

		Document dashboard = await().atMost(Duration.ofSeconds(15))
			.until(() -> Jsoup.parse(browser.get("/admin/newsroom").body()),
					page -> page.select(".notices li").text().contains("Published in silence"));
		assertThat(dashboard.select(".notices li").eachText())
			.anyMatch(line -> line.contains("“Published in silence” was published by Pia Publisher")
					&& line.contains("not mailed"));
		assertThat(notices(writer)).extracting(Message::subject).doesNotContain("Published: Published in silence");
	}

	@Test
	void theSettingsPageIsForTheStaffWhoWrite() {
		Readers.Reader reader = readers.join("Rita Reader");
		Http browser = Http.signedInAs(port, reader);

		assertThat(browser.get("/settings/newsroom").statusCode()).isEqualTo(403);
		assertThat(new Http(port).get("/settings/newsroom").statusCode()).isEqualTo(302);
	}
}
