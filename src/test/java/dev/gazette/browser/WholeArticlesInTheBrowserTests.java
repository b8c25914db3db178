package dev.gazette.browser;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import dev.gazette.account.AccountAdministration;
import dev.gazette.account.AccountPrincipal;
import dev.gazette.account.Accounts;
import dev.gazette.account.Registration;
import dev.gazette.account.Role;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.article.Author;
import dev.gazette.article.Manuscripts;
import dev.gazette.browser.Axe.Violation;
import dev.gazette.browser.NuHtmlChecker.Message;
import dev.gazette.media.MediaItem;
import dev.gazette.media.MediaLibrary;
import dev.gazette.support.Http;
import dev.gazette.support.Mailbox;
import dev.gazette.support.Newsroom;
import dev.gazette.support.Newsroom.Published;
import dev.gazette.support.Readers;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The editor writes whole articles, in a real browser: images from the media library inserted into the body (and one
 * uploaded without leaving the editor) become figures with their caption and credit, the preview shows the whole
 * article as readers will see it, bylines are added and reordered without saving, and a pasted video link is a
 * placeholder that sends nothing to the video's site until the reader asks, on a page whose policy lets in that
 * site's frames alone. Every page changed here is checked for valid HTML and with axe-core, on a desktop and a phone.
 */
@BrowsingGazette
@ExtendWith(Chromium.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WholeArticlesInTheBrowserTests {

	static final String VIDEO = "https://www.youtube.com/watch?v=dQw4w9WgXcQ";

	static final String VIDEO_FRAMES = "https://www.youtube-nocookie.com";

	@Autowired
	Accounts accounts;

	@Autowired
	Registration registration;

	@Autowired
	AccountAdministration administration;

	@Autowired
	Manuscripts manuscripts;

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	MediaLibrary media;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	Readers.Reader editor;

	/** A library image with a word in its alt text no other image has, so a search finds it alone. */
	MediaItem gulls;

	String marker;

	Author second;

	Published withVideo;

	@BeforeAll
	void anEditorAnImageAndAnArticleWithAVideo() {
		editor = new Readers(registration, accounts, administration, new Mailbox(jdbc)).join("Esra Editör", Role.EDITOR);
		marker = "kittiwake" + Long.toString(System.nanoTime(), 36);
		AccountPrincipal principal = (AccountPrincipal) users.loadUserByUsername(editor.email());
		gulls = media.upload(new MediaLibrary.Upload("gulls.jpg", SitePages.photo(1600, 1000),
				"Gulls and " + marker + "s over the fish market", "The gulls came back with the boats.",
				"Photo: Şebnem Yıldız"), principal);
		second = catalog.addAuthor("noa-second-" + marker, "Noa Second", "Harbour reporter", null, null);
		withVideo = new Newsroom(catalog).article()
			.headline("The harbour master explains the storm gates")
			.standfirst("A two-minute film from the lock.")
			.body("The gates close at high water.\n\n" + VIDEO + "\n\nThey open again at the ebb.")
			.by(catalog.author(BrowsingGazette.AUTHOR).orElseThrow())
			.publishedAt(Instant.parse("2026-10-02T07:00:00Z"))
			.publish();
	}

	@Test
	void aWriterInsertsALibraryImageAndUploadsAnotherWithoutLeavingTheEditor(Browser browser) {
		try (Reader reader = Reader.at(browser, port, Viewport.DESKTOP)) {
			Page page = reader.page();
			page.onDialog(dialog -> dialog.accept());
			reader.signIn(editor.email(), editor.password());
			reader.visit("/admin/articles/new");
			page.getByLabel("Headline", new Page.GetByLabelOptions().setExact(true)).fill("Gulls follow the fleet home");
			page.getByLabel("Author 1").selectOption(BrowsingGazette.AUTHOR);
			Locator body = page.getByLabel("Body (Markdown)");
			body.fill("The fleet came in at dawn.");

			page.getByText("Images from the media library").click();
			page.getByLabel("Search the library").fill(marker);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search images")).click();
			assertThat(page.locator("#body-media-status")).hasText("1 image found.");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Insert image: Gulls and " + marker
					+ "s over the fish market")).click();

			String snippet = "![Gulls and " + marker + "s over the fish market](media:" + gulls.id() + ")";
			assertThat(body).hasValue("The fleet came in at dawn.\n\n" + snippet);
			Locator figure = page.locator("#preview figure.body-image");
			assertThat(figure.locator("figcaption")).hasText("The gulls came back with the boats. Photo: Şebnem Yıldız");
			assertThat(figure.locator("img")).hasAttribute("srcset", java.util.regex.Pattern.compile("/media/" + gulls.id()
					+ "/\\d+\\.jpg \\d+w"));
			assertThat(figure.locator("img")).hasAttribute("alt", "Gulls and " + marker + "s over the fish market");

			page.getByLabel("Image (JPEG, PNG, GIF or WebP)").setInputFiles(new FilePayload("quay.jpg", "image/jpeg",
					SitePages.photo(1200, 800)));
			page.getByLabel("Alt text (what the image shows, for people who cannot see it)").fill("Nets drying on the quay");
			page.getByLabel("Caption").fill("Nets dry before the next tide.");
			page.getByLabel("Credit").fill("Photo: Oğuz Türk");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload and insert")).click();
			assertThat(page.locator("#body-media-status")).containsText("Uploaded and inserted");
			assertThat(page.locator("#preview figure.body-image")).hasCount(2);
			assertThat(page.locator("#preview figure.body-image").nth(1).locator(".credit")).hasText("Photo: Oğuz Türk");
			reader.screenshot("editor-inserted-images", true);

			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true)).click();
			assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Saved at");
			long id = Long.parseLong(page.url().replaceAll(".*/admin/articles/(\\d+).*", "$1"));
			String saved = manuscripts.find(id).orElseThrow().copy().bodyMarkdown();
			assertThat(saved).startsWith("The fleet came in at dawn.\n\n" + snippet + "\n\n![Nets drying on the quay](media:");
			long uploaded = Long.parseLong(saved.replaceAll("(?s).*\\(media:(\\d+)\\)$", "$1"));
			assertThat(media.find(uploaded).orElseThrow().credit()).isEqualTo("Photo: Oğuz Türk");
		}
	}

	@Test
	void thePreviewShowsTheWholeArticleAsReadersWillSeeIt(Browser browser) {
		try (Reader reader = Reader.at(browser, port, Viewport.DESKTOP)) {
			Page page = reader.page();
			page.onDialog(dialog -> dialog.accept());
			reader.signIn(editor.email(), editor.password());
			long before = articles();
			reader.visit("/admin/articles/new");
			page.getByLabel("Headline", new Page.GetByLabelOptions().setExact(true)).fill("Oğuz Türk sails at dawn");
			page.getByLabel("Standfirst (optional)").fill("The last wooden boat of the harbour, שלום 🌊");
			page.getByLabel("Author 1").selectOption(BrowsingGazette.AUTHOR);
			page.locator("#leadImage-" + gulls.id()).check();
			page.getByLabel("Body (Markdown)").fill("She leaves at *five*.");

			Locator preview = page.locator("#preview");
			assertThat(preview.locator(".headline")).hasText("Oğuz Türk sails at dawn");
			assertThat(preview.locator(".standfirst")).hasText("The last wooden boat of the harbour, שלום 🌊");
			assertThat(preview.locator(".byline-name")).hasText(catalog.author(BrowsingGazette.AUTHOR).orElseThrow().displayName());
			assertThat(preview.locator(".lead-image figcaption .credit")).hasText("Photo: Şebnem Yıldız");
			assertThat(preview.locator(".story-body em")).hasText("five");

			Page tab = page.waitForPopup(() -> page.getByRole(AriaRole.BUTTON,
					new Page.GetByRoleOptions().setName("Preview in a new tab")).click());
			tab.waitForLoadState();
			assertThat(tab.locator("h1.headline")).hasText("Oğuz Türk sails at dawn");
			assertThat(tab.locator(".lead-image img")).hasAttribute("srcset", java.util.regex.Pattern.compile("/media/" + gulls.id()));
			assertThat(tab.locator(".story-body em")).hasText("five");
			assertThat(tab.getByRole(AriaRole.NOTE)).containsText("Nothing was saved");
			assertThat(articles()).as("previewing saved nothing").isEqualTo(before);
		}
	}

	@Test
	void bylinesAreAddedAndReorderedWithoutSaving(Browser browser) {
		try (Reader reader = Reader.at(browser, port, Viewport.PHONE)) {
			Page page = reader.page();
			page.onDialog(dialog -> dialog.accept());
			reader.signIn(editor.email(), editor.password());
			reader.visit("/admin/articles/new");
			page.getByLabel("Headline", new Page.GetByLabelOptions().setExact(true)).fill("Two reporters on one quay");
			page.getByLabel("Author 1").selectOption(BrowsingGazette.AUTHOR);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true)).click();
			assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Saved at");
			long id = Long.parseLong(page.url().replaceAll(".*/admin/articles/(\\d+).*", "$1"));

			// The form offers an empty second line; the script adds a third on request, then the order changes in place.
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a byline")).click();
			assertThat(page.getByLabel("Author 3")).isFocused();
			page.getByLabel("Author 2").selectOption(second.slug());
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove byline 3")).click();
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Move byline 2 up")).click();

			assertThat(page.getByLabel("Author 1")).hasValue(second.slug());
			assertThat(page.getByLabel("Author 2")).hasValue(BrowsingGazette.AUTHOR);
			assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Move byline 1 up"))).isDisabled();
			assertThat(page.locator("#preview .byline-name")).hasText(new String[] { "Noa Second",
					catalog.author(BrowsingGazette.AUTHOR).orElseThrow().displayName() });
			assertThat(manuscripts.find(id).orElseThrow().copy().authorSlugs()).as("nothing saved yet")
				.containsExactly(BrowsingGazette.AUTHOR);
			reader.assertNoSidewaysScrolling();
			reader.screenshot("editor-bylines-phone", false);

			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true)).click();
			assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Saved at");
			assertThat(manuscripts.find(id).orElseThrow().copy().authorSlugs()).containsExactly(second.slug(),
					BrowsingGazette.AUTHOR);
		}
	}

	@Test
	void aVideoLinkSendsNothingToTheVideoSiteUntilTheReaderAsks(Browser browser) {
		BrowserContext context = browser.newContext(Viewport.DESKTOP.options().setBaseURL("http://localhost:" + port));
		try {
			List<String> elsewhere = new ArrayList<>();
			context.onRequest(request -> {
				if (!request.url().startsWith("http://localhost:" + port) && !request.url().startsWith("data:")) {
					elsewhere.add(request.url());
				}
			});
			// No network in the test: the video site's frame is answered here, so the click shows what it loads.
			context.route(VIDEO_FRAMES + "/**", route -> route.fulfill(new Route.FulfillOptions().setStatus(200)
				.setContentType("text/html").setBody("<!DOCTYPE html><title>video</title><p>the video</p>")));
			Page page = context.newPage();
			for (int visit = 1; visit <= 2; visit++) {
				// The first visit builds the page, the second is served from memory: both carry the page's own policy.
				Response response = page.navigate(withVideo.path());
				assertThat(response.status()).isEqualTo(200);
				assertThat(response.headerValue("content-security-policy")).as("visit " + visit)
					.contains("frame-src " + VIDEO_FRAMES)
					.contains("default-src 'self'")
					.doesNotContain("frame-src *");
			}
			Locator embed = page.locator("figure.embed");
			assertThat(embed.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(VIDEO))).hasAttribute("href", VIDEO);
			assertThat(embed).containsText("Loading it sends your address to www.youtube-nocookie.com");
			assertThat(page.locator("iframe")).hasCount(0);
			// The page's own scripts have run (the button is theirs) and its images have loaded: still nothing went out.
			page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
			page.waitForTimeout(500);
			assertThat(elsewhere).as("requests to other sites before the click").isEmpty();

			Page.WaitForRequestOptions wait = new Page.WaitForRequestOptions().setTimeout(10_000);
			page.waitForRequest(url -> url.url().startsWith(VIDEO_FRAMES + "/embed/dQw4w9WgXcQ"), wait,
					() -> embed.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Load the video from YouTube"))
						.click());
			assertThat(page.locator("figure.embed iframe")).hasAttribute("src", VIDEO_FRAMES + "/embed/dQw4w9WgXcQ");
			assertThat(page.frameLocator("figure.embed iframe").locator("p")).hasText("the video");
			assertThat(elsewhere).allMatch(url -> URI.create(url).getHost().equals("www.youtube-nocookie.com"));

			Response plain = page.navigate(new Newsroom(catalog).article().headline("No video here " + marker)
				.body("Only words.").by(catalog.author(BrowsingGazette.AUTHOR).orElseThrow())
				.publishedAt(Instant.parse("2026-10-02T06:00:00Z")).publish().path());
			assertThat(plain.headerValue("content-security-policy")).as("a page without an embed frames nothing")
				.doesNotContain("frame-src").doesNotContain("youtube");
		}
		finally {
			context.close();
		}
	}

	@Test
	void withoutJavaScriptTheVideoIsAPlainLink(Browser browser) {
		try (Reader reader = Reader.withoutJavaScript(browser, port, Viewport.PHONE)) {
			Page page = reader.page();
			reader.visit(withVideo.path());
			Locator embed = page.locator("figure.embed");
			assertThat(embed.getByRole(AriaRole.LINK)).hasText(VIDEO);
			assertThat(embed.getByRole(AriaRole.BUTTON)).hasCount(0);
			assertThat(page.locator("iframe")).hasCount(0);
			reader.assertNoSidewaysScrolling();
		}
	}

	@ParameterizedTest
	@EnumSource(Viewport.class)
	void theChangedPagesPassAxe(Viewport viewport, Browser browser) {
		Published illustrated = illustratedArticle();
		try (Reader reader = Reader.forInjectedChecks(browser, port, viewport)) {
			Page page = reader.page();
			reader.visit(illustrated.path());
			assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Load the video from YouTube"))).isVisible();
			assertNothingSerious(page, "an article with a figure and a video on a " + viewport);
			reader.assertNoSidewaysScrolling();

			reader.signIn(editor.email(), editor.password());
			reader.visit("/admin/articles/new");
			page.getByText("Images from the media library").click();
			page.getByLabel("Author 1").selectOption(BrowsingGazette.AUTHOR);
			page.getByLabel("Body (Markdown)").fill("![](media:" + gulls.id() + ")\n\n" + VIDEO);
			assertThat(page.locator("#preview figure.body-image")).hasCount(1);
			assertThat(page.locator("#preview figure.embed a")).hasText(VIDEO);
			assertNothingSerious(page, "the editor with its images and preview on a " + viewport);
			reader.assertNoSidewaysScrolling();

			Page tab = page.waitForPopup(() -> page.getByRole(AriaRole.BUTTON,
					new Page.GetByRoleOptions().setName("Preview in a new tab")).click());
			tab.waitForLoadState();
			assertNothingSerious(tab, "the preview page on a " + viewport);
		}
	}

	@Test
	void theChangedPagesAreValidHtml() {
		Http staff = Http.signedInAs(port, editor);
		Published illustrated = illustratedArticle();
		assertValid(new Http(port).get(illustrated.path()).body(), "an article with a figure and a video");

		HttpResponse<String> started = staff.postForm("/admin/articles", Map.of("headline", "Valid pages " + marker,
				"authors", BrowsingGazette.AUTHOR, "bodyMarkdown", "![](media:" + gulls.id() + ")\n\n" + VIDEO, "kind", "news",
				"version", "", "leadImage", Long.toString(gulls.id())));
		assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
		String editorPath = started.headers().firstValue("Location").orElseThrow().replaceAll("\\?.*", "");
		String editorPage = staff.get(editorPath).body();
		assertThat(Jsoup.parse(editorPage).select("#preview figure.body-image, #preview .lead-image")).hasSize(2);
		assertValid(editorPage, "the editor with a figure, a video and a lead image");
		assertValid(staff.get("/admin/articles/new").body(), "a new article's editor");

		HttpResponse<String> preview = staff.postForm("/admin/articles/preview/page", Map.of("headline", "Pre<view> & co",
				"standfirst", "Oğuz Türk", "authors", BrowsingGazette.AUTHOR, "bodyMarkdown", "![](media:" + gulls.id() + ")",
				"leadImage", Long.toString(gulls.id()), "kind", "opinion"));
		assertThat(preview.statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(preview.body()).selectFirst("h1.headline").text()).isEqualTo("Pre<view> & co");
		assertValid(preview.body(), "the preview page");

		String back = editorPath;
		assertValid(staff.get("/admin/media?returnTo=" + back).body(), "the media library on the way back to an article");
		String item = staff.get("/admin/media/" + gulls.id() + "?uploaded&returnTo=" + back).body();
		assertThat(Jsoup.parse(item).select("a.return-to-article").attr("href")).isEqualTo(back);
		assertValid(item, "an image's page on the way back to an article");
		assertThat(Jsoup.parse(staff.get("/admin/media?returnTo=https://evil.example/").body())
			.select("a[href^=https://evil]")).as("only the editor is a way back").isEmpty();
	}

	private long articles() {
		return jdbc.sql("select count(*) from article").query(Long.class).single();
	}

	private Published illustratedArticle() {
		return new Newsroom(catalog).article()
			.headline(Newsroom.unique("Gulls over the market"))
			.body("The market opened at six.\n\n![](media:" + gulls.id() + ")\n\nThe harbour master:\n\n" + VIDEO
					+ "\n\nA closing line.")
			.by(catalog.author(BrowsingGazette.AUTHOR).orElseThrow())
			.publishedAt(Instant.parse("2026-10-01T06:00:00Z"))
			.publish();
	}

	private static void assertNothingSerious(Page page, String where) {
		List<Violation> violations = Axe.check(page);
		violations.stream()
			.filter(violation -> !violation.seriousOrWorse())
			.forEach(violation -> System.out.println("axe, " + where + ": " + violation));
		assertThat(violations).as("serious or critical axe-core violations on " + where)
			.filteredOn(Violation::seriousOrWorse)
			.isEmpty();
	}

	private static void assertValid(String html, String where) {
		List<Message> messages = NuHtmlChecker.check(html);
		messages.stream().filter(message -> !message.isError()).forEach(message -> System.out.println("vnu, " + where + ": " + message));
		assertThat(messages).as("Nu Html Checker errors on " + where).filteredOn(Message::isError).isEmpty();
	}
}
