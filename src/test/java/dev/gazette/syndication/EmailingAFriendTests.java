package dev.gazette.syndication;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.gazette.account.AccountAdministration;
import dev.gazette.account.Accounts;
import dev.gazette.account.Registration;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.article.LeadImage;
import dev.gazette.publication.Publications;
import dev.gazette.support.Http;
import dev.gazette.support.Mailbox;
import dev.gazette.support.Newsroom;
import dev.gazette.support.Newsroom.Published;
import dev.gazette.support.Readers;
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
 * “Email a copy to a friend” as a reader uses it: the form, the messages that reach each friend (read from the
 * outbox), and every kind of mistake coming back as the form with the problem marked and nothing sent.
 */
@RunningGazette
class EmailingAFriendTests {

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
	Publications publications;

	@LocalServerPort
	int port;

	Http http;

	Mailbox mailbox;

	Published article;

	@BeforeEach
	void setUp() {
		http = new Http(port);
		mailbox = new Mailbox(jdbc);
		article = new Newsroom(catalog).article()
			.headline("Sea wall “approved” — שלום 🎉")
			.standfirst("Three summers of <work> & more.")
			.by(new Newsroom(catalog).author("Oğuz Türk"))
			.leadImage(new LeadImage("/demo/images/coastal-city.svg", 1600, 900, "Cranes on the quay", null,
					"Photo: Dana"))
			.publish();
	}

	@Test
	void theArticlePageLinksToAFormThatWorksWithoutScript() {
		Document page = Jsoup.parse(http.get(article.path()).body());
		String href = page.selectFirst(".email-friend a").attr("href");

		HttpResponse<String> form = http.get(href);

		assertThat(form.statusCode()).isEqualTo(200);
		Document formPage = Jsoup.parse(form.body());
		assertThat(formPage.selectFirst("h1").text()).isEqualTo("Email a copy of “" + article.headline() + "” to a friend");
		assertThat(formPage.selectFirst("#main form").attr("method")).isEqualTo("post");
		assertThat(formPage.selectFirst("#main form").attr("action")).isEqualTo(article.path() + "/email");
		assertThat(formPage.selectFirst("input[name=_csrf]")).as("a guest's form needs no token").isNull();
		assertThat(formPage.selectFirst("input#name").val()).isEmpty();

		HttpResponse<String> sent = http.submit(href, "form[action=" + article.path() + "/email]",
				Map.of("to", Readers.uniqueEmail("friend"), "name", "Oğuz"));
		assertThat(sent.statusCode()).as("sent by the page's own form, as it came").isEqualTo(200);
		assertThat(formPage.selectFirst("meta[name=robots]").attr("content")).isEqualTo("noindex");
		assertThat(formPage.select("script")).isEmpty();
	}

	@Test
	void eachFriendGetsAMessageWithTheArticleAndTheNote() {
		String leyla = Readers.uniqueEmail("leyla");
		String david = Readers.uniqueEmail("david");

		HttpResponse<String> sent = send(leyla + ", " + david + "  ; " + leyla.toUpperCase(), "Oğuz Türk",
				"Thought of you 🎉\nשלום — <b>not bold</b> & \"quoted\"");

		assertThat(sent.statusCode()).isEqualTo(200);
		Document confirmation = Jsoup.parse(sent.body());
		assertThat(confirmation.selectFirst("h1").text()).isEqualTo("Sent");
		assertThat(confirmation.select(".recipients li").eachText()).containsExactly(leyla, david);
		for (String friend : new String[] { leyla, david }) {
			assertThat(mailbox.count(friend)).isEqualTo(1);
			Mailbox.Message mail = mailbox.latestTo(friend);
			assertThat(mail.category()).isEqualTo("email-a-friend");
			assertThat(mail.subject()).isEqualTo("“Sea wall “approved” — שלום 🎉” — an article from " + publications.current().name());
			assertThat(mail.text()).contains("Someone who gave their name as “Oğuz Türk”")
				.contains("> Thought of you 🎉\n> שלום — <b>not bold</b> & \"quoted\"")
				.contains("Three summers of <work> & more.")
				.contains("By Oğuz Türk, December 11, 2015")
				.contains("Read it here: " + RunningGazette.BASE_URL + article.path());
			Document html = Jsoup.parse(mail.html());
			assertThat(html.select("b")).as("the note is plain text").isEmpty();
			assertThat(html.selectFirst("blockquote").wholeText()).contains("<b>not bold</b> & \"quoted\"");
			assertThat(html.selectFirst("h1").text()).isEqualTo(article.headline());
			assertThat(html.selectFirst("h1 a").attr("href")).isEqualTo(RunningGazette.BASE_URL + article.path());
			assertThat(html.selectFirst("img").attr("src")).isEqualTo(RunningGazette.BASE_URL + "/demo/images/coastal-city.svg");
			assertThat(html.selectFirst("img").attr("width")).isEqualTo("560");
			assertThat(html.selectFirst("img").attr("height")).isEqualTo("315");
		}
	}

	@Test
	void aSignedInReaderFindsTheirNameFilledInAndIsNamedAsAReader() {
		Readers.Reader reader = new Readers(registration, accounts, administration, mailbox).join("Miriam Haddad");
		http.signIn(reader.email(), reader.password());

		Document form = Jsoup.parse(http.get(article.path() + "/email").body());
		assertThat(form.selectFirst("input#name").val()).isEqualTo("Miriam Haddad");

		String friend = Readers.uniqueEmail("friend");
		assertThat(send(friend, "Miriam Haddad", "").statusCode()).isEqualTo(200);
		Mailbox.Message mail = mailbox.latestTo(friend);
		assertThat(mail.text()).contains("Miriam Haddad, a reader of " + publications.current().name() + ", thought you would like to read this.")
			.doesNotContain("Their note");
	}

	@Test
	void malformedAddressesSendNothingAndComeBackMarked() {
		String good = Readers.uniqueEmail("good");

		HttpResponse<String> refused = send(good + ", not-an-address, bob@example.com\r\nBcc: victim@example.com",
				"Oğuz", "Hi");

		assertThat(refused.statusCode()).isEqualTo(400);
		Document form = Jsoup.parse(refused.body());
		assertThat(form.selectFirst(".form-error").text()).startsWith("Nothing was sent.");
		assertThat(form.selectFirst("#to-error").text()).contains("“not-an-address”").contains("“Bcc:”");
		assertThat(form.selectFirst("input#to").attr("aria-invalid")).isEqualTo("true");
		assertThat(form.selectFirst("input#name").val()).isEqualTo("Oğuz");
		assertThat(form.selectFirst("textarea#note").text()).isEqualTo("Hi");
		assertThat(mailbox.count(good)).isZero();
		assertThat(mailbox.count("victim@example.com")).isZero();
	}

	@Test
	void moreThanFiveFriendsAtOnceSendsNothing() {
		StringBuilder six = new StringBuilder();
		String first = Readers.uniqueEmail("one");
		six.append(first);
		for (int i = 0; i < 5; i++) {
			six.append(',').append(Readers.uniqueEmail("more"));
		}

		HttpResponse<String> refused = send(six.toString(), "Oğuz", "");

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(refused.body()).selectFirst("#to-error").text())
			.isEqualTo("You can send it to at most 5 addresses at a time; you gave 6.");
		assertThat(mailbox.count(first)).isZero();
	}

	@Test
	void aNoteOverFiveHundredCharactersOrAMissingNameSendsNothing() {
		String friend = Readers.uniqueEmail("friend");

		HttpResponse<String> refused = send(friend, " ", "🎉".repeat(501));

		assertThat(refused.statusCode()).isEqualTo(400);
		Document form = Jsoup.parse(refused.body());
		assertThat(form.selectFirst("#note-error").text()).isEqualTo("Please keep the note to 500 characters; it has 501.");
		assertThat(form.selectFirst("#name-error").text()).startsWith("Please give your name");
		assertThat(mailbox.count(friend)).isZero();
		assertThat(send(friend, "Oğuz", "🎉".repeat(500)).statusCode()).as("500 emoji are 500 characters").isEqualTo(200);
	}

	@Test
	void aNameThatTriesToAddALineOrTurnTheTextAroundIsRefused() {
		String friend = Readers.uniqueEmail("friend");

		assertThat(send(friend, "Oğuz\r\nBcc: victim@example.com", "").statusCode()).isEqualTo(400);
		assertThat(send(friend, "Oğuz \u202Egnp.exe", "").statusCode()).isEqualTo(400);
		assertThat(mailbox.count(friend)).isZero();
	}

	@Test
	void anUnknownArticleIsNotFoundAndSendsNothing() {
		String friend = Readers.uniqueEmail("friend");

		assertThat(http.get("/articles/no-such-story/email").statusCode()).isEqualTo(404);
		assertThat(http.postForm("/articles/no-such-story/email", Map.of("to", friend, "name", "Oğuz")).statusCode())
			.isEqualTo(404);
		assertThat(mailbox.count(friend)).isZero();
	}

	@Test
	void aFormWithoutItsCsrfTokenIsRefused() {
		String friend = Readers.uniqueEmail("friend");

		assertThat(http.postFormWithoutCsrf(article.path() + "/email", Map.of("to", friend, "name", "Oğuz"))
			.statusCode()).isEqualTo(403);
		assertThat(mailbox.count(friend)).isZero();
	}

	private HttpResponse<String> send(String to, String name, String note) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("to", to);
		fields.put("name", name);
		fields.put("note", note);
		return http.postForm(article.path() + "/email", fields);
	}
}
