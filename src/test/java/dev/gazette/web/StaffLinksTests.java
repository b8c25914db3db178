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
 * The staff's home at {@code /admin}, linked from the header: each person sees the staff pages they may use, grouped,
 * and each link opens for them. Readers see no link and get a 403.
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
	void guestsAndReadersSeeNoStaffLinkAndNoStaffHome() {
		assertThat(Jsoup.parse(new Http(port).get("/").body()).select("a[href=/admin]")).isEmpty();
		assertThat(new Http(port).get("/admin").statusCode()).isEqualTo(302);
		Http reader = signedIn("Rana Reader");
		assertThat(Jsoup.parse(reader.get("/").body()).select("a[href=/admin]")).isEmpty();
		assertThat(reader.get("/admin").statusCode()).isEqualTo(403);
	}

	@Test
	void theHeaderHasOneLinkToTheStaffHomeInsteadOfARowOfLinks() {
		Document front = Jsoup.parse(signedIn("Ani Admin", Role.ADMIN).get("/").body());

		assertThat(front.select("header a[href=/admin]").eachText()).containsExactly("Staff pages");
		assertThat(front.select("header a[href^=/admin/]")).isEmpty();
	}

	@Test
	void aContributorSeesTheNewsroomAndTheMediaLibrary() {
		assertThat(linksOf(signedIn("Cem Contributor", Role.CONTRIBUTOR))).containsExactly("Newsroom", "Articles",
				"Media library");
	}

	@Test
	void aModeratorSeesOnlyModeration() {
		Http moderator = signedIn("Mo Moderator", Role.MODERATOR);
		assertThat(linksOf(moderator)).containsExactly("Moderation");
		assertThat(groupsOf(moderator)).containsExactly("Discussion");
	}

	@Test
	void anEditorSeesTheNewsroomAndWhatEditorsManage() {
		assertThat(linksOf(signedIn("Eda Editor", Role.EDITOR))).containsExactly("Newsroom", "Articles", "Media library",
				"Front page", "Pitches", "Sections", "Tags", "Authors", "Pages");
	}

	@Test
	void anAdminSeesEveryStaffPageGroupedAndEachOpens() {
		Http admin = signedIn("Ani Admin", Role.ADMIN);
		Document home = Jsoup.parse(admin.get("/admin").body());

		assertThat(groupsOf(admin)).containsExactly("Newsroom", "Discussion", "Readers", "Site");
		assertThat(linksOf(admin)).contains("Moderation", "Moderation log", "People", "Newsletter", "Settings", "Outbox",
				"Webhooks", "Background jobs", "Import", "Export");
		for (String path : home.select("main a").eachAttr("href")) {
			assertThat(admin.get(path).statusCode()).as(path).isEqualTo(200);
		}
	}

	/** A browser signed in as a new account of its own with these roles ({@link Http#signedInAs}). */
	private Http signedIn(String name, Role... roles) {
		return Http.signedInAs(port,
				new Readers(registration, accounts, administration, new Mailbox(jdbc)).join(name, roles));
	}

	private static List<String> linksOf(Http browser) {
		return Jsoup.parse(browser.get("/admin").body()).select("main .staff-group a").eachText();
	}

	private static List<String> groupsOf(Http browser) {
		return Jsoup.parse(browser.get("/admin").body()).select("main .staff-group h2").eachText();
	}
}
