package dev.gazette.browser;

import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.comment.Comments;
import dev.gazette.support.Mailbox;
import dev.gazette.support.Newsroom.Published;
import dev.gazette.support.Readers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader e-mails an article to two friends from the link under the byline, in a real browser, with scripts and
 * without: the form, the confirmation naming both friends, and a message to each in the outbox.
 */
@BrowsingGazette
@ExtendWith(Chromium.class)
class EmailingAFriendInTheBrowserTests {

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	Comments comments;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	DemoNewsroom newsroom;

	@BeforeEach
	void newsroom() {
		newsroom = new DemoNewsroom(catalog, comments);
	}

	@ParameterizedTest
	@EnumSource(Viewport.class)
	void aGuestSendsAnArticleToTwoFriends(Viewport viewport, Browser browser) {
		sendToTwoFriends(Reader.at(browser, port, viewport), "Lighthouse keepers return to the pier");
	}

	@ParameterizedTest
	@EnumSource(Viewport.class)
	void aGuestSendsAnArticleToTwoFriendsWithoutJavaScript(Viewport viewport, Browser browser) {
		sendToTwoFriends(Reader.withoutJavaScript(browser, port, viewport), "Harbour cranes to be repainted");
	}

	private void sendToTwoFriends(Reader opened, String headline) {
		Published article = newsroom.article(headline);
		String leyla = Readers.uniqueEmail("leyla");
		String david = Readers.uniqueEmail("david");
		try (Reader reader = opened) {
			Page page = reader.page();
			reader.visit(article.path());

			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Email a copy of “" + headline + "” to a friend"))
				.click();
			assertThat(page).hasURL(Pattern.compile(article.path() + "/email$"));
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
				.hasText("Email a copy of “" + headline + "” to a friend");
			page.getByLabel("Your friends’ e-mail addresses").fill(leyla + ", " + david);
			page.getByLabel("Your name").fill("Oğuz Türk");
			page.getByLabel("A note to go with it (optional)").fill("Bunu okumalısın 👀\nשלום");
			reader.screenshot("email-a-friend-form", true);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send").setExact(true)).click();

			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sent"))).isVisible();
			assertThat(page.getByRole(AriaRole.STATUS)).containsText("2 friends");
			assertThat(page.locator(".recipients li")).hasText(new String[] { leyla, david });
			reader.assertNoSidewaysScrolling();
			reader.screenshot("email-a-friend-sent", false);
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to the article")).click();
			assertThat(page).hasURL(Pattern.compile(article.path() + "$"));
		}
		Mailbox mailbox = new Mailbox(jdbc);
		for (String friend : new String[] { leyla, david }) {
			assertThat(mailbox.latestTo(friend).text()).contains("> Bunu okumalısın 👀\n> שלום").contains(article.path());
		}
	}
}
