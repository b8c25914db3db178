package dev.gazette.browser;

import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.gazette.account.AccountAdministration;
import dev.gazette.account.Accounts;
import dev.gazette.account.Registration;
import dev.gazette.account.Role;
import dev.gazette.browser.Axe.Violation;
import dev.gazette.support.Mailbox;
import dev.gazette.support.Readers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An editor makes the front page in a real browser, from the keyboard alone, on a laptop and on a phone; the page
 * then has a large lead, the top stories and a compact list rather than one column of identical cards. And opinion is
 * one thing: the Opinion page lists all four of the demo's opinion pieces, whatever section each is filed in, and
 * every card says "Opinion" once.
 */
@BrowsingGazette
@ExtendWith(Chromium.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FrontPageInTheBrowserTests {

	static final String FERRY = "In praise of the slow ferry";

	static final String PAPER = "Why I still buy the paper edition";

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

	@AfterEach
	void unpinEverything() {
		jdbc.sql("delete from front_pick").update();
	}

	private Readers readers() {
		return new Readers(registration, accounts, administration, new Mailbox(jdbc));
	}

	/** Presses a button as a keyboard user does: focus it, then Enter. */
	private static void press(Page page, String name) {
		Locator button = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
		button.focus();
		page.keyboard().press("Enter");
		page.waitForLoadState();
	}

	@ParameterizedTest
	@EnumSource(Viewport.class)
	void anEditorPinsTwoOlderPiecesAndSwapsThemFromTheKeyboard(Viewport viewport, Browser browser) {
		Readers.Reader editor = readers().join("Ezgi Editör " + viewport.fileSuffix(), Role.EDITOR);
		try (Reader reader = Reader.forInjectedChecks(browser, port, viewport)) {
			Page page = reader.page();
			reader.signIn(editor.email(), editor.password());
			reader.visit("/admin");
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Front page").setExact(true)).click();
			assertThat(page.locator("h1")).hasText("Front page");

			press(page, "Pin “" + FERRY + "”");
			assertThat(page.getByRole(AriaRole.STATUS)).containsText("Saved");
			press(page, "Pin “" + PAPER + "”");
			assertThat(page.locator("ol.picks li .pick-title a")).hasText(new String[] { FERRY, PAPER });
			press(page, "Move “" + PAPER + "” up");
			assertThat(page.locator("ol.picks li .pick-slot")).hasText(new String[] { "Lead", "Top story 1" });
			assertThat(page.locator("ol.picks li .pick-title a")).hasText(new String[] { PAPER, FERRY });
			reader.assertNoSidewaysScrolling();
			reader.screenshot("front-page-desk", true);
			assertThat(Axe.check(page)).as("the front page desk").filteredOn(Violation::seriousOrWorse).isEmpty();

			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("the front page")).click();
			assertThat(page.locator(".front-top .card-lead .card-headline")).hasText(PAPER);
			assertThat(page.locator(".front-top .card:not(.card-lead) .card-headline").first()).hasText(FERRY);
			reader.screenshot("front-page-edited", false);
		}
	}

	@ParameterizedTest
	@EnumSource(Viewport.class)
	void theFrontPageIsALeadTopStoriesAndACompactListNotOneColumnOfIdenticalCards(Viewport viewport,
			Browser browser) {
		try (Reader reader = Reader.at(browser, port, viewport)) {
			Page page = reader.page();
			reader.visit("/");

			Locator lead = page.locator(".front-top .card-lead");
			Locator top = page.locator(".front-top .card:not(.card-lead)");
			assertThat(top).hasCount(4);
			assertThat(lead.locator("img")).hasAttribute("fetchpriority", "high");
			assertThat(lead.locator("img")).hasAttribute("loading", "eager");
			double leadSize = fontSize(lead.locator(".card-headline"));
			double topSize = fontSize(top.first().locator(".card-headline"));
			assertThat(leadSize).as("the lead's headline is larger than a top story's").isGreaterThan(topSize * 1.2);
			assertThat(page.locator("#front-rest-heading")).hasText("More stories");
			assertThat(page.locator(".front-rest .card-compact").first()).isVisible();
			assertThat(page.locator(".front-rest img")).hasCount(0);
			if (viewport == Viewport.PHONE) {
				// A top story on a phone: a small picture beside the headline, far shorter than the lead.
				double leadHeight = lead.boundingBox().height;
				double topHeight = top.first().boundingBox().height;
				assertThat(topHeight).isLessThan(leadHeight / 2);
				double imageWidth = top.first().locator("img").boundingBox().width;
				assertThat(imageWidth).isLessThan(viewport.width() / 2.0);
			}
			reader.assertNoSidewaysScrolling();
			reader.screenshot("front-page-layout", true);
		}
	}

	@ParameterizedTest
	@EnumSource(Viewport.class)
	void theOpinionPageListsEveryOpinionPieceWhateverItsSectionAndEachSaysOpinionOnce(Viewport viewport,
			Browser browser) {
		try (Reader reader = Reader.at(browser, port, viewport)) {
			Page page = reader.page();
			reader.visit("/");
			page.locator("nav.sections").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Opinion"))
				.click();
			assertThat(page).hasURL(Pattern.compile("/sections/opinion$"));

			Locator headlines = page.locator("article.card .card-headline");
			List<String> listed = headlines.allTextContents().stream().map(String::strip).toList();
			assertThat(listed).contains(FERRY, PAPER, "Our streets are too hot, and the cheapest fix is a tree",
					"The river that two nations share");
			Locator cards = page.locator("article.card");
			for (int i = 0; i < cards.count(); i++) {
				assertThat(cards.nth(i).locator(".kicker .badge")).hasText("Opinion");
			}
			// Filed under Science & Environment, listed here by its kind, and its kicker names both.
			Locator streets = cards.filter(new Locator.FilterOptions().setHasText("Our streets are too hot"));
			assertThat(streets.locator(".kicker")).hasText(Pattern.compile("^\\s*Opinion\\s+Science & Environment\\s*$"));
			reader.assertNoSidewaysScrolling();
			reader.screenshot("opinion-page", true);
		}
	}

	private static double fontSize(Locator element) {
		return Double.parseDouble(((String) element.evaluate("e => getComputedStyle(e).fontSize")).replace("px", ""));
	}
}
