package dev.gazette.browser;

import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.comment.Comments;
import dev.gazette.support.Newsroom.Published;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A reader whose browser runs no JavaScript at all still takes part: posting and replying are plain HTML forms
 * and links, and a refused comment comes back with the reader's text and the problem marked.
 */
@BrowsingGazette
@ExtendWith(Chromium.class)
class PostingWithoutJavaScriptTests {

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	Comments comments;

	@LocalServerPort
	int port;

	DemoNewsroom newsroom;

	@BeforeEach
	void newsroom() {
		newsroom = new DemoNewsroom(catalog, comments);
	}

	@ParameterizedTest
	@EnumSource(Viewport.class)
	void aGuestPostsACommentByPlainFormSubmission(Viewport viewport, Browser browser) {
		Published article = newsroom.article("Night ferries to run all winter");
		try (Reader reader = Reader.withoutJavaScript(browser, port, viewport)) {
			Page page = reader.page();
			reader.visit(article.path());

			page.getByLabel("Your name").fill("Ləman");
			page.getByLabel("Your comment", new Page.GetByLabelOptions().setExact(true))
				.fill("Good news for the **night shift** at the port.");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post comment")).click();

			assertThat(page).hasURL(Pattern.compile(article.path() + "#comment-\\d+$"));
			Locator posted = page.locator("li.comment", new Page.LocatorOptions().setHasText("night shift"));
			assertThat(posted.locator(".comment-author")).hasText("Ləman");
			assertThat(posted.locator(".comment-body strong")).hasText("night shift");
			assertThat(posted).isInViewport();
			reader.screenshot("no-script-comment-posted", false);
		}
	}

	@ParameterizedTest
	@EnumSource(Viewport.class)
	void aReplyIsPostedFromTheReplyPageAndShownUnderItsParent(Viewport viewport, Browser browser) {
		Published article = newsroom.article("Ferry fares to rise in spring");
		long parent = newsroom.comment(article, "Emre", "Will season tickets rise too?", 3);
		try (Reader reader = Reader.withoutJavaScript(browser, port, viewport)) {
			Page page = reader.page();
			reader.visit(article.path());

			page.locator("#comment-" + parent)
				.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Reply to Emre"))
				.click();
			page.getByLabel("Your comment", new Page.GetByLabelOptions().setExact(true))
				.fill("They do, by two per cent.");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post comment")).click();

			assertThat(page).hasURL(Pattern.compile(article.path() + "#comment-\\d+$"));
			Locator reply = page.locator("#comment-" + parent + " > ol.replies > li.comment");
			assertThat(reply.locator(".comment-author")).hasText("Anonymous");
			assertThat(reply).containsText("They do, by two per cent.");
			assertThat(reply).isInViewport();
		}
	}

	@ParameterizedTest
	@EnumSource(Viewport.class)
	void aBlankCommentComesBackWithTheNameKeptAndTheProblemMarked(Viewport viewport, Browser browser) {
		Published article = newsroom.article("Lighthouse keepers' cottages for sale");
		try (Reader reader = Reader.withoutJavaScript(browser, port, viewport)) {
			Page page = reader.page();
			reader.visit(article.path());
			reader.expectErrorAnswer(400, article.path() + "/comments");

			page.getByLabel("Your name").fill("Ani");
			// Only spaces: the browser's own "required" check lets it through, the server refuses it.
			page.getByLabel("Your comment", new Page.GetByLabelOptions().setExact(true)).fill("   ");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post comment")).click();

			assertThat(page.getByRole(AriaRole.ALERT)).hasText("Your comment was not posted. Please fix what is marked below.");
			assertThat(page.getByLabel("Your name")).hasValue("Ani");
			Locator body = page.getByLabel("Your comment", new Page.GetByLabelOptions().setExact(true));
			assertThat(body).hasAttribute("aria-invalid", "true");
			assertThat(body).hasAccessibleDescription(Pattern.compile("Please write a comment"));
			reader.screenshot("no-script-comment-refused", true);
		}
	}
}
