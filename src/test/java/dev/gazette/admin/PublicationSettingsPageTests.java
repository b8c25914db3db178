package dev.gazette.admin;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.gazette.GazetteApplication;
import dev.gazette.account.AccountAdministration;
import dev.gazette.account.Accounts;
import dev.gazette.account.Registration;
import dev.gazette.account.Role;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.publication.Publication;
import dev.gazette.publication.Publications;
import dev.gazette.support.FreshTestDatabase;
import dev.gazette.support.Http;
import dev.gazette.support.Mailbox;
import dev.gazette.support.Newsroom;
import dev.gazette.support.Readers;
import dev.gazette.support.RunningGazette;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin changes the publication's settings on {@code /admin/settings}: every page shows the change at the next
 * request, on this node and on a second one sharing the database; a form with a problem changes nothing.
 */
@RunningGazette
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicationSettingsPageTests {

	@Autowired
	Environment environment;

	@Autowired
	Accounts accounts;

	@Autowired
	Registration registration;

	@Autowired
	AccountAdministration administration;

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	Publications publications;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	ConfigurableApplicationContext nodeB;

	int portB;

	Publication before;

	Http admin;

	@BeforeAll
	void startASecondNodeOnTheSameDatabase() {
		nodeB = new SpringApplicationBuilder(GazetteApplication.class).run("--server.port=0",
				"--" + FreshTestDatabase.KEEP_DATASOURCE + "=true",
				"--spring.datasource.url=" + environment.getRequiredProperty("spring.datasource.url"),
				"--spring.datasource.username=" + environment.getRequiredProperty("spring.datasource.username"),
				"--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
				"--gazette.clock=" + RunningGazette.NOW, "--gazette.base-url=" + RunningGazette.BASE_URL,
				"--gazette.demo-content=false");
		portB = ((WebServerApplicationContext) nodeB).getWebServer().getPort();
	}

	@AfterAll
	void stopTheSecondNode() {
		if (nodeB != null) {
			nodeB.close();
		}
	}

	@BeforeEach
	void anAdminSignsIn() {
		before = publications.current();
		admin = signedIn("Ayşe Admin", Role.ADMIN);
	}

	@AfterEach
	void putTheSettingsBack() {
		publications.update(before);
	}

	@Test
	void theFormShowsTheSettingsAsTheyAre() {
		Document page = Jsoup.parse(admin.get("/admin/settings").body());

		assertThat(page.selectFirst("input[name=name]").val()).isEqualTo(before.name());
		assertThat(page.selectFirst("input[name=tagline]").val()).isEqualTo(before.tagline());
		assertThat(page.selectFirst("select[name=timeZone] option[selected]").val()).isEqualTo(before.timeZone().getId());
		assertThat(page.selectFirst("textarea[name=opinionDisclaimer]").text()).isEqualTo(before.opinionDisclaimer());
		assertThat(page.selectFirst("input[name=heldReviewTime]").val()).isEqualTo("a few hours");
		assertThat(page.selectFirst("input[name=mailFrom]").val()).isEqualTo("Gazette <no-reply@localhost>");
		assertThat(page.selectFirst("input[name=guestsAllowed][checked]").val()).isEqualTo("true");
	}

	@Test
	void aNewNameAndTaglineShowOnTheNextPageEvenOneKeptInMemory() {
		Newsroom.Published article = new Newsroom(catalog).article().headline("Settings on the next load").publish();
		Http guest = new Http(port);
		guest.get(article.path());
		assertThat(masthead(guest.get(article.path()))).contains(before.name());

		HttpResponse<String> saved = save(Map.of("name", "Der Bote — גזט 📰", "tagline", "Nachrichten für Oğuz Türk"));

		assertThat(saved.statusCode()).isEqualTo(302);
		Document confirmation = Jsoup.parse(admin.follow(saved).body());
		assertThat(confirmation.selectFirst("[role=status]").text()).contains("name", "tagline");
		assertThat(masthead(guest.get(article.path()))).contains("Der Bote — גזט 📰", "Nachrichten für Oğuz Türk");
		assertThat(masthead(guest.get("/"))).contains("Der Bote — גזט 📰");
		assertThat(confirmation.select(".settings-changes li").first().text()).contains("Ayşe Admin", "name, tagline");
	}

	@Test
	void aChangeOnOneNodeShowsOnTheOtherAtItsNextRequest() {
		Http guestOnB = new Http(portB);
		assertThat(masthead(guestOnB.get("/"))).contains(before.name());

		assertThat(save(Map.of("name", "The Two-Node Courier", "timeZone", "Europe/Istanbul", "secondCalendar", "none"))
			.statusCode()).isEqualTo(302);

		String mastheadOnB = masthead(guestOnB.get("/"));
		assertThat(mastheadOnB).contains("The Two-Node Courier").doesNotContain("|");
		assertThat(nodeB.getBean(Publications.class).current().timeZone().getId()).isEqualTo("Europe/Istanbul");
	}

	@Test
	void aFormWithProblemsIsRefusedWithEachFieldMarkedAndNothingChanged() {
		HttpResponse<String> refused = save(Map.of("name", " ", "timeZone", "Mars/Olympus_Mons", "mailFrom",
				"not an address", "tagline", "A new tagline that must not be saved"));

		assertThat(refused.statusCode()).isEqualTo(400);
		Document page = Jsoup.parse(refused.body());
		assertThat(page.selectFirst("[role=alert]").text()).isEqualTo("3 settings need fixing; nothing was saved.");
		assertThat(page.select("[aria-invalid=true]").eachAttr("name")).containsExactlyInAnyOrder("name", "timeZone",
				"mailFrom");
		assertThat(page.selectFirst("#mailFrom-error").text()).contains("one e-mail address");
		assertThat(page.selectFirst("input[name=tagline]").val()).isEqualTo("A new tagline that must not be saved");
		assertThat(publications.current()).isEqualTo(before);
	}

	@Test
	void aMailHeaderSmuggledIntoTheSenderIsRefused() {
		assertThat(save(Map.of("mailFrom", "news@example.org\r\nBcc: everyone@example.org")).statusCode()).isEqualTo(400);
		assertThat(publications.current().mailFrom()).isEqualTo(before.mailFrom());
	}

	@Test
	void turningGuestCommentsOffTakesTheGuestFormAwayAndTheReviewTimeShowsOnTheThankYouPage() {
		Newsroom.Published article = new Newsroom(catalog).article().headline("Guests welcome, or not").publish();
		assertThat(Jsoup.parse(new Http(port).get(article.path()).body()).select("input[name=authorName]")).isNotEmpty();

		assertThat(save(Map.of("guestsAllowed", "false", "heldReviewTime", "a working day")).statusCode())
			.isEqualTo(302);

		assertThat(Jsoup.parse(new Http(port).get(article.path()).body()).select("input[name=authorName]")).isEmpty();
		assertThat(publications.current().heldReviewTime()).isEqualTo("a working day");
	}

	@Test
	void onlyAnAdminMayOpenOrSendTheSettings() {
		Http editor = signedIn("Eda Editor", Role.EDITOR);

		assertThat(editor.get("/admin/settings").statusCode()).isEqualTo(403);
		assertThat(editor.postForm("/admin/settings", form(Map.of("name", "Editor's Gazette"))).statusCode())
			.isEqualTo(403);
		assertThat(new Http(port).get("/admin/settings").statusCode()).isEqualTo(302);
		assertThat(publications.current().name()).isEqualTo(before.name());
	}

	@Test
	void aForgedFormIsRefused() {
		assertThat(admin.postFormWithoutCsrf("/admin/settings", form(Map.of("name", "Forged"))).statusCode())
			.isEqualTo(403);
		assertThat(publications.current().name()).isEqualTo(before.name());
	}

	private HttpResponse<String> save(Map<String, String> typed) {
		return admin.submit("/admin/settings", "form.settings-form", typed);
	}

	/** The whole form as it is now, with {@code typed} in place of the fields it names. */
	private Map<String, String> form(Map<String, String> typed) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("name", before.name());
		fields.put("tagline", before.tagline());
		fields.put("timeZone", before.timeZone().getId());
		fields.put("secondCalendar", before.secondCalendar().key());
		fields.put("opinionDisclaimer", before.opinionDisclaimer());
		fields.put("contributorInvitation", before.contributorInvitation());
		fields.put("heldReviewTime", before.heldReviewTime());
		fields.put("guestsAllowed", "true");
		fields.put("mailFrom", "Gazette <no-reply@localhost>");
		fields.putAll(typed);
		return fields;
	}

	private static String masthead(HttpResponse<String> page) {
		Document document = Jsoup.parse(page.body());
		return document.selectFirst("header.masthead").text();
	}

	/** A browser signed in as a new account of its own with these roles ({@link Http#signedInAs}). */
	private Http signedIn(String name, Role... roles) {
		return Http.signedInAs(port,
				new Readers(registration, accounts, administration, new Mailbox(jdbc)).join(name, roles));
	}
}
