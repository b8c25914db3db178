package dev.gazette.browser;

import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.comment.Comments;
import dev.gazette.support.Newsroom.Published;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The paths a reader takes, in a real browser with JavaScript on, on a laptop and on a 375 px phone. Each test fails
 * on any console error, failed request or request to another site (see {@link Reader}), and leaves screenshots in
 * {@code target/screenshots/}.
 */
@BrowsingGazette
@ExtendWith(Chromium.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadingInTheBrowserTests {

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	Comments comments;

	@LocalServerPort
	int port;

	DemoNewsroom newsroom;

	Published longDiscussion;

	@BeforeAll
	void startALongDiscussion() {
		newsroom = new DemoNewsroom(catalog, comments);
		longDiscussion = newsroom.longDiscussion("Sea wall debate draws a record crowd", 120);
	}

	@ParameterizedTest
	@EnumSource(Viewport.class)
	void aReaderOpensTheLeadStoryFromTheFrontPageAndThenItsAuthorsPage(Viewport viewport, Browser browser) {
		try (Reader reader = Reader.at(browser, port, viewport)) {
			Page page = reader.page();
			reader.visit("/");
			assertThat(page.locator(".masthead .brand")).hasText("The Meridian Gazette");
			assertThat(page.locator(".masthead .dateline")).hasText("Sunday, November 29th | 19 Kislev 5787");
			assertImagesLoaded(page);
			reader.assertNoSidewaysScrolling();
			reader.screenshot("front-page", true);

			Locator lead = page.locator("article.card-lead .card-headline a");
			String headline = lead.textContent();
			lead.click();

			assertThat(page).hasURL(Pattern.compile("/articles/[a-z0-9-]+$"));
			assertThat(page.locator("h1.headline")).hasText(headline);
			assertThat(page.locator("figure.lead-image img")).isVisible();
			assertImagesLoaded(page);
			reader.assertNoSidewaysScrolling();
			reader.screenshot("lead-story", false);

			Locator byline = page.locator(".byline-block a.byline").first();
			String author = byline.locator(".byline-name").textContent().strip();
			byline.click();

			assertThat(page.locator(".author-header h1")).hasText(author);
			assertThat(page.locator(".cards article.card").first()).isVisible();
			assertImagesLoaded(page);
			reader.assertNoSidewaysScrolling();
			reader.screenshot("author-page", true);
		}
	}

	@ParameterizedTest
	@EnumSource(Viewport.class)
	void aReaderReadsAnOpinionPieceAndItsDiscussion(Viewport viewport, Browser browser) {
		try (Reader reader = Reader.at(browser, port, viewport)) {
			Page page = reader.page();
			reader.visit("/articles/" + BrowsingGazette.RIVER);

			// The demo's opinion piece is in the Opinion section: the kicker says so once.
			assertThat(page.locator(".story-header .kicker")).hasText(Pattern.compile("^\\s*Opinion\\s*$"));
			assertThat(page.locator(".disclaimer")).isVisible();
			assertThat(page.locator("#comments-heading")).containsText("comments");
			assertThat(page.locator("li.comment li.comment li.comment").first()).isVisible();
			assertImagesLoaded(page);
			reader.assertNoSidewaysScrolling();
			reader.screenshot("article-with-discussion", true);
		}
	}

	@ParameterizedTest
	@EnumSource(Viewport.class)
	void aReaderLoadsMoreOfALongDiscussion(Viewport viewport, Browser browser) {
		try (Reader reader = Reader.at(browser, port, viewport)) {
			Page page = reader.page();
			Locator threads = page.locator("ol.threads > li.comment");
			reader.visit(longDiscussion.path());

			assertThat(page.locator("#comments-heading")).hasText("240 comments");
			assertThat(threads).hasCount(50);
			assertThat(threads.first().locator(".comment-body").first()).containsText("Comment number 1:");

			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("More comments →")).click();

			assertThat(page).hasURL(Pattern.compile("cpage=2#comments$"));
			assertThat(threads).hasCount(50);
			assertThat(threads.first().locator(".comment-body").first()).containsText("Comment number 51:");
			reader.assertNoSidewaysScrolling();
			reader.screenshot("discussion-page-2", false);

			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("More comments →")).click();

			assertThat(page).hasURL(Pattern.compile("cpage=3#comments$"));
			assertThat(threads).hasCount(20);
			assertThat(threads.last().locator(".comment-body").first()).containsText("Comment number 120:");
			assertThat(page.locator("a.more-comments")).hasCount(0);
		}
	}

	@ParameterizedTest
	@EnumSource(Viewport.class)
	void aGuestPostsACommentAndIsShownIt(Viewport viewport, Browser browser) {
		Published article = newsroom.article("Harbour council approves the new sea wall");
		try (Reader reader = Reader.at(browser, port, viewport)) {
			Page page = reader.page();
			reader.visit(article.path());

			page.getByLabel("Your name").fill("Oğuzhan Çelik");
			page.getByLabel("Your comment", new Page.GetByLabelOptions().setExact(true))
				.fill("Teşekkürler — a *fair* piece, though the wall is still too low.");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post comment")).click();

			assertThat(page).hasURL(Pattern.compile(article.path() + "#comment-\\d+$"));
			Locator posted = page.locator("li.comment", new Page.LocatorOptions().setHasText("Teşekkürler"));
			assertThat(posted.locator(".comment-author")).hasText("Oğuzhan Çelik");
			assertThat(posted.locator(".comment-body em")).hasText("fair");
			assertThat(posted).isInViewport();
			assertThat(page.locator("#comments-heading")).hasText("1 comment");
			reader.screenshot("comment-posted", false);
		}
	}

	@ParameterizedTest
	@EnumSource(Viewport.class)
	void aReaderRepliesToACommentAndSeesTheReplyInPlace(Viewport viewport, Browser browser) {
		Published article = newsroom.article("Who will pay for the sea wall?");
		long question = newsroom.comment(article, "Ayelet", "Who pays for the wall, the port or the city?", 5);
		newsroom.comment(article, "Burak", "A thread about something else.", 6);
		// The reply page, as a reader without JavaScript gets it (with it, the form opens in place:
		// LiveDiscussionInTheBrowserTests).
		try (Reader reader = Reader.withoutJavaScript(browser, port, viewport)) {
			Page page = reader.page();
			reader.visit(article.path());

			page.locator("#comment-" + question)
				.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Reply to Ayelet"))
				.click();

			assertThat(page.locator("h1")).hasText("Reply to Ayelet");
			assertThat(page.locator(".quoted-comment")).containsText("Who pays for the wall");
			reader.assertNoSidewaysScrolling();
			reader.screenshot("reply-page", true);

			page.getByLabel("Your name").fill("Chana");
			page.getByLabel("Your comment", new Page.GetByLabelOptions().setExact(true))
				.fill("The port, according to the council's own papers.");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post comment")).click();

			assertThat(page).hasURL(Pattern.compile(article.path() + "#comment-\\d+$"));
			Locator reply = page.locator("#comment-" + question + " > ol.replies > li.comment");
			assertThat(reply).hasCount(1);
			assertThat(reply.locator(".comment-author")).hasText("Chana");
			assertThat(reply).containsText("according to the council's own papers");
			assertThat(reply).isInViewport();
			assertThat(page.locator("#comments-heading")).hasText("3 comments");
			reader.screenshot("reply-in-place", false);
		}
	}

	@ParameterizedTest
	@EnumSource(Viewport.class)
	void anUnknownArticleShowsTheNotFoundPageInTheSitesLayout(Viewport viewport, Browser browser) {
		try (Reader reader = Reader.at(browser, port, viewport)) {
			Page page = reader.page();
			reader.expectErrorAnswer(404, "/articles/no-such-story");

			Response response = reader.visit("/articles/no-such-story");

			assertThat(response.status()).isEqualTo(404);
			assertThat(page.locator("h1")).hasText("Page not found");
			assertThat(page.locator(".masthead .brand")).hasText("The Meridian Gazette");
			reader.assertNoSidewaysScrolling();
			reader.screenshot("not-found", true);

			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Go to the front page")).click();

			assertThat(page).hasURL(Pattern.compile("localhost:" + port + "/$"));
		}
	}

	/** Every image the page asked for so far has arrived and is a picture the browser could decode. */
	static void assertImagesLoaded(Page page) {
		page.waitForLoadState();
		Object broken = page.evaluate("""
				Array.from(document.images)
				  .filter(img => img.loading !== 'lazy' || img.complete)
				  .filter(img => !img.complete || img.naturalWidth === 0)
				  .map(img => img.src)""");
		assertThat(broken).as("images that did not load").asList().isEmpty();
	}
}
