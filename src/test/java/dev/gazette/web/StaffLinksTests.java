package dev.gazette.web;

import java.util.List;

import dev.gazette.account.AccountAdministration;
import dev.gazette.account.Accounts;
import dev.gazette.account.Registration;
import dev.gazette.account.Role;
import dev.gazette.support.Http;
import dev.gazette.support.Mailbox;
import dev.gazette.support.Readers;
import dev.gazette.support.RunningGazette;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The header's staff links: each person sees the staff pages they may use, and each link opens for them.
 */
@RunningGazette
class StaffLinksTests {

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

	@Test
	void guestsAndReadersSeeNoStaffLinks() {
		assertThat(Jsoup.parse(new Http(port).get("/").body()).select("nav.staff-nav")).isEmpty();
		assertThat(linksOf(signedIn("Rana Reader"))).isEmpty();
	}

	@Test
	void aContributorSeesTheNewsroomAndTheMediaLibrary() {
		assertThat(linksOf(signedIn("Cem Contributor", Role.CONTRIBUTOR))).containsExactly("Newsroom", "Articles", "Media");
	}

	@Test
	void aModeratorSeesOnlyModeration() {
		assertThat(linksOf(signedIn("Mo Moderator", Role.MODERATOR))).containsExactly("Moderation");
	}

	@Test
	void anEditorSeesTheNewsroomAndWhatEditorsManage() {
		assertThat(linksOf(signedIn("Eda Editor", Role.EDITOR))).containsExactly("Newsroom", "Articles", "Media",
				"Sections", "Tags", "Authors", "Pages", "Pitches");
	}

	@Test
	void anAdminSeesEveryStaffPageAndEachOpens() {
		Http admin = signedIn("Ani Admin", Role.ADMIN);
		Document front = Jsoup.parse(admin.get("/").body());

		assertThat(linksOf(admin)).containsExactly("Newsroom", "Articles", "Media", "Sections", "Tags", "Authors", "Pages",
				"Pitches", "Moderation", "People", "Newsletter", "Webhooks", "Outbox", "Jobs");
		for (String path : front.select("nav.staff-nav a").eachAttr("href")) {
			assertThat(admin.get(path).statusCode()).as(path).isEqualTo(200);
		}
	}

	private Http signedIn(String name, Role... roles) {
		Readers.Reader reader = new Readers(registration, accounts, administration, new Mailbox(jdbc)).join(name, roles);
		Http browser = new Http(port);
		browser.signIn(reader.email(), reader.password());
		return browser;
	}

	private static List<String> linksOf(Http browser) {
		return Jsoup.parse(browser.get("/").body()).select("nav.staff-nav a").eachText();
	}
}
