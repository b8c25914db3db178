package dev.gazette.newsroom;

import java.net.http.HttpResponse;
import java.util.Map;

import dev.gazette.account.AccountAdministration;
import dev.gazette.account.Accounts;
import dev.gazette.account.Registration;
import dev.gazette.account.Role;
import dev.gazette.article.Pages;
import dev.gazette.article.SitePage;
import dev.gazette.support.Http;
import dev.gazette.support.Mailbox;
import dev.gazette.support.Readers;
import dev.gazette.support.Readers.Reader;
import dev.gazette.support.RunningGazette;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * About, Contact, Write for us and the discussion guidelines: seeded with text of their own, linked from every page's
 * footer, and edited by editors in Markdown with a preview, through the same sanitising path as article bodies.
 */
@RunningGazette
class EditablePagesTests {

	@Autowired
	Accounts accounts;

	@Autowired
	Registration registration;

	@Autowired
	AccountAdministration administration;

	@Autowired
	Pages pages;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	Readers readers;

	Reader editorAccount;

	Http editor;

	SitePage aboutBefore;

	@BeforeEach
	void anEditorSignedIn() {
		readers = new Readers(registration, accounts, administration, new Mailbox(jdbc));
		editorAccount = readers.join("Noa Editor", Role.EDITOR);
		editor = Http.signedInAs(port, editorAccount);
		aboutBefore = pages.find("about").orElseThrow();
	}

	@AfterEach
	void aboutAsItWas() {
		pages.save("about", aboutBefore.title(), aboutBefore.bodyMarkdown(), null, null);
	}

	@Test
	void everyPageHasItsOwnTextAndIsLinkedFromTheFooter() {
		Document front = Jsoup.parse(new Http(port).get("/").body());
		assertThat(front.select("footer a").eachAttr("href")).contains("/about", "/contact", "/write-for-us", "/guidelines",
				"/privacy", "/terms", "/newsletter");
		assertThat(page("/privacy").selectFirst("h1").text()).isEqualTo("Privacy policy");
		assertThat(page("/terms").selectFirst("h1").text()).isEqualTo("Terms of use");
		assertThat(Jsoup.parse(new Http(port).get("/join").body()).select("main a").eachAttr("href")).contains("/privacy",
				"/terms");
		assertThat(page("/about").selectFirst("h1").text()).isEqualTo("About us");
		assertThat(page("/contact").selectFirst("h1").text()).isEqualTo("Contact");
		assertThat(page("/write-for-us").selectFirst("h1").text()).isEqualTo("Write for us");
		Document guidelines = page("/guidelines");
		assertThat(guidelines.selectFirst("h1").text()).isEqualTo("Discussion guidelines");
		assertThat(guidelines.select(".story-body h2").eachText()).containsExactly("Welcome, however harsh", "Not allowed",
				"How moderation works");
	}

	@Test
	void anEditorEditsAboutInMarkdownAndReadersSeeItWithRawHtmlMadeHarmless() {
		Document form = Jsoup.parse(editor.get("/admin/pages/about").body());
		assertThat(form.selectFirst("textarea#body").val()).isEqualTo(aboutBefore.bodyMarkdown());
		String markdown = "We are **Gazette** — נעים מאוד, hoş geldiniz 🌍.\n\n## Our team\n\n- [Write for us](/write-for-us)\n\n"
				+ "<script>alert('x')</script><img src=x onerror=alert(1)>";

		HttpResponse<String> preview = editor.postForm("/admin/pages/about",
				Map.of("title", "About Gazette", "body", markdown, "action", "preview"));
		assertThat(preview.statusCode()).isEqualTo(200);
		Document previewed = Jsoup.parse(preview.body());
		assertThat(previewed.selectFirst("#preview-body strong").text()).isEqualTo("Gazette");
		assertThat(previewed.select("#preview-body script")).isEmpty();
		assertThat(page("/about").selectFirst("h1").text()).as("a preview saves nothing").isEqualTo("About us");

		HttpResponse<String> saved = editor.postForm("/admin/pages/about",
				Map.of("title", "About Gazette", "body", markdown, "action", "save"));
		assertThat(saved.statusCode()).isEqualTo(302);

		HttpResponse<String> about = new Http(port).get("/about");
		Document page = Jsoup.parse(about.body());
		assertThat(page.selectFirst("h1").text()).isEqualTo("About Gazette");
		assertThat(page.selectFirst(".story-body strong").text()).isEqualTo("Gazette");
		assertThat(page.selectFirst(".story-body p").text()).contains("נעים מאוד, hoş geldiniz 🌍");
		assertThat(page.selectFirst(".story-body h2").text()).isEqualTo("Our team");
		assertThat(page.selectFirst(".story-body li a").attr("href")).isEqualTo("/write-for-us");
		assertThat(page.select(".story-body script, .story-body img[onerror]")).isEmpty();
		assertThat(about.body()).doesNotContain("alert(1)").doesNotContain("<script>alert");

		Document list = Jsoup.parse(editor.get("/admin/pages").body());
		assertThat(list.selectFirst("tr.page-line[data-slug=about]").text()).contains("About Gazette").contains("by Noa Editor")
			.contains("July 22, 2018");
		assertThat(jdbc.sql("select updated_by from page where slug = 'about'").query(Long.class).single())
			.isEqualTo(editorAccount.id());
	}

	@Test
	void theLivePreviewAnswersTheSanitisedHtmlOfTheMarkdown() {
		HttpResponse<String> preview = editor.postForm("/admin/pages/preview",
				Map.of("body", "**Bold** <script>alert(1)</script> [home](javascript:alert(2))"));

		assertThat(preview.statusCode()).isEqualTo(200);
		assertThat(preview.body()).contains("<strong>Bold</strong>").doesNotContain("<script").doesNotContain("javascript:");
		Http reader = Http.signedInAs(port, readers.join("Curious Reader"));
		assertThat(reader.postForm("/admin/pages/preview", Map.of("body", "**x**")).statusCode()).isEqualTo(403);
	}

	@Test
	void aBlankTitleOrTextIsRefusedWithMessagesAndChangesNothing() {
		HttpResponse<String> refused = editor.postForm("/admin/pages/about", Map.of("title", " ", "body", "", "action", "save"));

		assertThat(refused.statusCode()).isEqualTo(400);
		Document form = Jsoup.parse(refused.body());
		assertThat(form.getElementById("title-error").text()).contains("title");
		assertThat(form.getElementById("body-error").text()).contains("text");
		assertThat(page("/about").selectFirst("h1").text()).isEqualTo("About us");
	}

	@Test
	void textNestedTooDeepIsRefusedByTheFieldKeepsTheTextAndItsPreviewIsPlainText() {
		String deep = "- ".repeat(12_000) + "x";

		HttpResponse<String> refused = editor.postForm("/admin/pages/about",
				Map.of("title", "About us", "body", deep, "action", "save"));
		HttpResponse<String> preview = editor.postForm("/admin/pages/preview", Map.of("body", ">".repeat(12_000)));
		HttpResponse<String> formPreview = editor.postForm("/admin/pages/about",
				Map.of("title", "About us", "body", deep, "action", "preview"));

		assertThat(refused.statusCode()).isEqualTo(400);
		Document form = Jsoup.parse(refused.body());
		assertThat(form.getElementById("body-error").text()).contains("nested at most 32 levels");
		assertThat(form.selectFirst("textarea#body").val()).isEqualTo(deep);
		assertThat(preview.statusCode()).isEqualTo(200);
		assertThat(preview.body()).contains("&gt;&gt;&gt;").doesNotContain("<blockquote");
		assertThat(formPreview.statusCode()).isEqualTo(200);
		assertThat(page("/about").selectFirst("h1").text()).isEqualTo("About us");
		assertThat(page("/about").select(".story-body li")).as("nothing saved").hasSizeLessThan(100);
	}

	@Test
	void readersAndContributorsCannotEditPagesAndGuestsAreSentToSignIn() {
		for (Reader someone : new Reader[] { readers.join("Plain Reader"), readers.join("Cem Contributor", Role.CONTRIBUTOR) }) {
			Http http = Http.signedInAs(port, someone);
			assertThat(http.get("/admin/pages").statusCode()).isEqualTo(403);
			assertThat(http.postForm("/admin/pages/about", Map.of("title", "Taken over", "body", "Mine now.")).statusCode())
				.isEqualTo(403);
		}
		HttpResponse<String> guest = new Http(port).get("/admin/pages/about");
		assertThat(guest.statusCode()).isEqualTo(302);
		assertThat(guest.headers().firstValue("Location").orElseThrow()).endsWith("/sign-in");
		assertThat(page("/about").selectFirst("h1").text()).isEqualTo("About us");
	}

	private Document page(String path) {
		HttpResponse<String> response = new Http(port).get(path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return Jsoup.parse(response.body());
	}
}
