package dev.gazette.browser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import dev.gazette.account.AccountAdministration;
import dev.gazette.account.Accounts;
import dev.gazette.account.Registration;
import dev.gazette.account.Role;
import dev.gazette.support.Mailbox;
import dev.gazette.support.Readers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin moves a WordPress site in and takes a copy out, in a real browser: a wrong file is refused on the form, the
 * real export imports with its progress followed on the page until the report shows, and the export page downloads
 * the whole publication with the imported posts in it.
 */
@BrowsingGazette
@ExtendWith(Chromium.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportingInTheBrowserTests {

	private static final int POSTS = 60;

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

	/** A WordPress export of {@code posts} posts by Oğuz Türk, each with a comment in Hebrew. */
	private static String export(int posts) {
		StringBuilder items = new StringBuilder();
		for (int i = 1; i <= posts; i++) {
			items.append("""
					<item><title><![CDATA[Quay diary %1$d]]></title><link>https://quay-diary.example/%1$d/</link>
					<dc:creator><![CDATA[oguz]]></dc:creator>
					<content:encoded><![CDATA[<p>Day %1$d on the quay.</p>]]></content:encoded>
					<wp:post_id>%1$d</wp:post_id><wp:post_date_gmt>2017-02-01 10:00:00</wp:post_date_gmt>
					<wp:post_name>quay-diary-%1$d</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
					<wp:comment><wp:comment_id>%1$d</wp:comment_id><wp:comment_author><![CDATA[נועה]]></wp:comment_author>
					<wp:comment_date_gmt>2017-02-01 11:00:00</wp:comment_date_gmt>
					<wp:comment_content><![CDATA[שלום 🎉 %1$d]]></wp:comment_content><wp:comment_approved>1</wp:comment_approved>
					<wp:comment_parent>0</wp:comment_parent></wp:comment></item>
					""".formatted(i));
		}
		return """
				<?xml version="1.0" encoding="UTF-8" ?>
				<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
				  xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
				  xmlns:wp="http://wordpress.org/export/1.2/">
				<channel><title>Quay diary</title><wp:wxr_version>1.2</wp:wxr_version>
				<wp:base_site_url>https://quay-diary.example</wp:base_site_url>
				<wp:author><wp:author_login>oguz</wp:author_login><wp:author_display_name><![CDATA[Oğuz Türk]]></wp:author_display_name></wp:author>
				%s</channel></rss>
				""".formatted(items);
	}

	@Test
	void anAdminImportsAWordPressSiteFollowsItsProgressAndDownloadsTheWholePublication(Browser browser)
			throws Exception {
		Readers.Reader admin = new Readers(registration, accounts, administration, new Mailbox(jdbc)).join("Ida Import",
				Role.ADMIN);
		try (Reader reader = Reader.at(browser, port, Viewport.DESKTOP)) {
			Page page = reader.page();
			reader.signIn(admin.email(), admin.password());
			reader.visit("/admin");
			page.locator("main").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
				.setName("Import").setExact(true)).click();
			assertThat(page.locator("main h1")).hasText("Import from WordPress or Disqus");

			// The refusal is a 400 answer to the form's address, which carries the CSRF token in its query.
			reader.expectErrorAnswer(400, page.locator("form.import-form").getAttribute("action"));
			page.getByLabel("Export file").setInputFiles(new FilePayload("notes.xml", "text/xml",
					"id,comment\n1,not an export".getBytes(StandardCharsets.UTF_8)));
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import")).click();
			assertThat(page.getByRole(AriaRole.ALERT)).containsText("not well-formed XML");
			assertThat(page.getByRole(AriaRole.ALERT)).containsText("Nothing was imported");

			page.getByLabel("Export file").setInputFiles(new FilePayload("quay-diary.xml", "text/xml",
					export(POSTS).getBytes(StandardCharsets.UTF_8)));
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import")).click();
			assertThat(page.locator("main h1")).hasText("WordPress import of quay-diary.xml");
			assertThat(page.locator("#import-status")).hasText("Finished.",
					new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(120_000));
			assertThat(page.locator(".import-report tr[data-kind=articles] .created")).hasText(Integer.toString(POSTS));
			assertThat(page.locator(".import-report tr[data-kind=comments] .created")).hasText(Integer.toString(POSTS));
			assertThat(page.locator(".import-report tr[data-kind=authors] .created")).hasText("1");
			reader.screenshot("import-report", true);

			reader.visit("/admin/export");
			assertThat(page.locator(".export-count[data-kind=articles]")).not().hasText("0");
			Download download = page.waitForDownload(() -> page.getByRole(AriaRole.BUTTON,
					new Page.GetByRoleOptions().setName("Download the WordPress export")).click());
			String wxr = Files.readString(download.path(), StandardCharsets.UTF_8);
			assertThat(download.suggestedFilename()).endsWith(".wordpress.xml");
			assertThat(wxr).contains("<wp:wxr_version>1.2</wp:wxr_version>", "Quay diary " + POSTS, "Oğuz Türk",
					"שלום 🎉 1")
				.as("readers' e-mail addresses are left out unless asked for")
				.doesNotContainPattern("<wp:comment_author_email><!\\[CDATA\\[");
			Path saved = Reader.SCREENSHOTS.resolve("export-from-the-browser.xml");
			Files.createDirectories(saved.getParent());
			download.saveAs(saved);
		}
	}

	@Test
	void anAdminSeesWhatTheClassifierWouldHoldBeforeMovingAnOldDiscussion(Browser browser) {
		Readers.Reader admin = new Readers(registration, accounts, administration, new Mailbox(jdbc)).join("Ida Screen",
				Role.ADMIN);
		String threat = "You should be shot for this diary, and I know where you live.";
		String export = export(2).replace("<![CDATA[שלום 🎉 2]]>", "<![CDATA[" + threat + "]]>")
			.replace("quay-diary", "screened-diary");
		try (Reader reader = Reader.at(browser, port, Viewport.DESKTOP)) {
			Page page = reader.page();
			reader.signIn(admin.email(), admin.password());
			reader.visit("/admin/import");
			page.getByLabel("Export file").setInputFiles(new FilePayload("screened-diary.xml", "text/xml",
					export.getBytes(StandardCharsets.UTF_8)));
			page.getByLabel("Dry run", new Page.GetByLabelOptions().setExact(false)).check();
			page.getByLabel("Screen the comments", new Page.GetByLabelOptions().setExact(false)).check();
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import")).click();
			assertThat(page.locator("#import-status")).hasText("Dry run finished: nothing was written.",
					new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(120_000));
			assertThat(page.locator("main")).containsText("1 published comment would be held for moderators by the classifier.");
			assertThat(page.locator("main")).containsText("Held: comment 2 (");
			reader.screenshot("import-screened-dry-run", true);
		}
	}
}
