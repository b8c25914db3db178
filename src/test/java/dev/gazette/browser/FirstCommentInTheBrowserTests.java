package dev.gazette.browser;

import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.gazette.account.AccountAdministration;
import dev.gazette.account.Accounts;
import dev.gazette.account.Registration;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.comment.Comments;
import dev.gazette.support.Mailbox;
import dev.gazette.support.Newsroom.Published;
import dev.gazette.support.Readers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A new reader in a fresh browser (no cookies), with and without JavaScript, comments on the first visit to a long
 * page: the demo's opinion piece, opened as from a shared link, and an article with a long body and 200 comments,
 * reached from the front page. Their first press of "Post comment" publishes the comment. Then a member signs in
 * from the long page's header and comments there as well.
 */
@BrowsingGazette
@ExtendWith(Chromium.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FirstCommentInTheBrowserTests {

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	Comments comments;

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

	Published big;

	Readers readers;

	@BeforeAll
	void aLongArticle() {
		big = new DemoNewsroom(catalog, comments).bigDiscussion("Two hundred voices on the harbour wall");
		readers = new Readers(registration, accounts, administration, new Mailbox(jdbc));
	}

	@ParameterizedTest
	@ValueSource(booleans = { true, false })
	void aNewReadersFirstCommentOnTheDemosOpinionPieceIsPublished(boolean scripting, Browser browser) {
		try (Reader reader = open(browser, scripting, Viewport.PHONE)) {
			reader.visit("/articles/" + BrowsingGazette.RIVER);

			postAsGuest(reader.page(), "Narine", "I crossed that bridge as a child " + (scripting ? "🌉" : "(no script)"));

			assertShown(reader.page(), "Narine", "I crossed that bridge as a child");
			reader.screenshot("first-comment-river-" + (scripting ? "script" : "no-script"), false);
		}
	}

	@ParameterizedTest
	@EnumSource(Viewport.class)
	void aNewReadersFirstCommentOnATwoHundredCommentArticleIsPublished(Viewport viewport, Browser browser) {
		for (boolean scripting : new boolean[] { true, false }) {
			try (Reader reader = open(browser, scripting, viewport)) {
				Page page = reader.page();
				reader.visit("/");
				page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(big.headline())).first().click();
				assertThat(page).hasURL(Pattern.compile(big.path() + "$"));

				String text = "Make the walkway wide enough for two prams, " + viewport.fileSuffix()
						+ (scripting ? " with script" : " without script");
				postAsGuest(page, "Mehmet Öz", text);

				assertShown(page, "Mehmet Öz", text);
			}
		}
	}

	@ParameterizedTest
	@ValueSource(booleans = { true, false })
	void aMemberSignsInFromTheLongPagesHeaderAndCommentsThere(boolean scripting, Browser browser) {
		Readers.Reader member = readers.join("Dalit " + (scripting ? "Script" : "Plain"));
		try (Reader reader = open(browser, scripting, Viewport.DESKTOP)) {
			Page page = reader.page();
			reader.visit(big.path());
			page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Your account"))
				.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Sign in"))
				.click();
			page.getByLabel("E-mail address").fill(member.email());
			page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(member.password());
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
			assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))).isVisible();

			reader.visit(big.path());
			String text = "The walkway on top of the wall would be lovely on summer evenings "
					+ (scripting ? "(with script)" : "(without script)");
			page.getByLabel("Your comment", new Page.GetByLabelOptions().setExact(true)).fill(text);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post comment")).click();

			assertShown(page, member.displayName(), text);
		}
	}

	private Reader open(Browser browser, boolean scripting, Viewport viewport) {
		return scripting ? Reader.at(browser, port, viewport) : Reader.withoutJavaScript(browser, port, viewport);
	}

	private static void postAsGuest(Page page, String name, String text) {
		page.getByLabel("Your name").fill(name);
		page.getByLabel("Your comment", new Page.GetByLabelOptions().setExact(true)).fill(text);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post comment")).click();
	}

	private static void assertShown(Page page, String name, String text) {
		assertThat(page).hasURL(Pattern.compile("#comment-\\d+$"));
		Locator posted = page.locator("li.comment", new Page.LocatorOptions().setHasText(text)).last();
		assertThat(posted.locator(".comment-author").first()).hasText(name);
		assertThat(posted).isInViewport();
	}
}
