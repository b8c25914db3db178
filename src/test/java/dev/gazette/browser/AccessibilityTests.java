package dev.gazette.browser;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import dev.gazette.account.AccountAdministration;
import dev.gazette.account.Accounts;
import dev.gazette.account.Passwords;
import dev.gazette.account.Profiles;
import dev.gazette.account.Registration;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.browser.Axe.Violation;
import dev.gazette.browser.SitePages.Kind;
import dev.gazette.comment.Commenting;
import dev.gazette.comment.Comments;
import dev.gazette.comment.Discussions;
import dev.gazette.media.MediaLibrary;
import dev.gazette.newsroom.Workflow;
import dev.gazette.support.Mailbox;
import dev.gazette.support.Newsroom.Published;
import dev.gazette.support.Readers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page can be used by everyone: axe-core finds nothing serious or critical (WCAG 2.2 A and AA, colour contrast
 * included) on any kind of page, a guest's, a signed-in reader's or an admin's, on a laptop and on a phone; the comment form works from the keyboard alone with a
 * focus ring one can see; images say what they show; and the discussion's nesting reaches screen readers.
 */
@BrowsingGazette
@ExtendWith(Chromium.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityTests {

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	Comments comments;

	@Autowired
	Commenting commenting;

	@Autowired
	Discussions discussions;

	@Autowired
	Accounts accounts;

	@Autowired
	Registration registration;

	@Autowired
	Profiles profiles;

	@Autowired
	Passwords passwords;

	@Autowired
	AccountAdministration administration;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MediaLibrary media;

	@Autowired
	UserDetailsService users;

	@Autowired
	Workflow workflow;

	@LocalServerPort
	int port;

	SitePages pages;

	DemoNewsroom newsroom;

	@BeforeAll
	void publishOneOfEveryKindOfPage() {
		Mailbox mailbox = new Mailbox(jdbc);
		pages = SitePages.publish(catalog, comments, commenting, discussions, profiles, passwords, new Readers(registration, accounts, administration, mailbox), mailbox,
				port, media, users, workflow);
		newsroom = new DemoNewsroom(catalog, comments);
	}

	static Stream<Arguments> everyKindOfPageOnBothScreens() {
		return Arrays.stream(Kind.values())
			.flatMap(kind -> Arrays.stream(Viewport.values()).map(viewport -> Arguments.of(kind, viewport)));
	}

	@ParameterizedTest(name = "{0} on a {1}")
	@MethodSource("everyKindOfPageOnBothScreens")
	void axeFindsNothingSeriousOn(Kind kind, Viewport viewport, Browser browser) {
		try (Reader reader = Reader.forInjectedChecks(browser, port, viewport)) {
			pages.account(kind).ifPresent(account -> reader.signIn(account.email(), account.password()));
			String path = pages.path(kind);
			if (kind.status() != 200) {
				reader.expectErrorAnswer(kind.status(), path);
			}
			Response response = reader.visit(path);
			assertThat(response.status()).isEqualTo(kind.status());

			assertNothingSerious(reader.page(), kind + " on a " + viewport);
		}
	}

	@ParameterizedTest
	@EnumSource(Viewport.class)
	void axeFindsNothingSeriousOnARefusedCommentShownAgain(Viewport viewport, Browser browser) {
		Published article = newsroom.article("Harbour ferry timetable changes");
		try (Reader reader = Reader.forInjectedChecks(browser, port, viewport)) {
			Page page = reader.page();
			reader.visit(article.path());
			reader.expectErrorAnswer(400, article.path() + "/comments");
			page.getByLabel("Your comment", new Page.GetByLabelOptions().setExact(true)).fill("  ");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post comment")).click();
			assertThat(page.getByRole(AriaRole.ALERT)).isVisible();

			assertNothingSerious(page, "the refused comment page on a " + viewport);
		}
	}

	@ParameterizedTest
	@EnumSource(Viewport.class)
	void axeFindsNothingSeriousOnAFormRefusedForAStaleToken(Viewport viewport, Browser browser) {
		Published article = newsroom.article("Harbour pilots vote on a strike");
		Readers.Reader account = pages.account(Kind.ARTICLE_SIGNED_IN).orElseThrow();
		try (Reader reader = Reader.forInjectedChecks(browser, port, viewport)) {
			Page page = reader.page();
			reader.signIn(account.email(), account.password());
			reader.visit(article.path());
			// The token's cookie is gone (as after signing out and in again in another tab); the open page's is stale.
			page.context().clearCookies(new BrowserContext.ClearCookiesOptions().setName("XSRF-TOKEN"));
			reader.expectErrorAnswer(403, article.path() + "/comments");
			String text = "Kept, word for word, on a " + viewport + ".";
			page.getByLabel("Your comment", new Page.GetByLabelOptions().setExact(true)).fill(text);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post comment")).click();
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Please send that again")))
				.isVisible();
			assertThat(page.getByLabel("Your text")).hasValue(text);

			assertNothingSerious(page, "the page of a form refused for its stale token on a " + viewport);

			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send again")).click();
			assertThat(page.locator("li.comment", new Page.LocatorOptions().setHasText(text))).isVisible();
		}
	}

	@ParameterizedTest
	@EnumSource(Viewport.class)
	void axeFindsNothingSeriousOnTheEmailAFriendFormRefusedAndSent(Viewport viewport, Browser browser) {
		Published article = newsroom.article("Harbour pilots share the night shift");
		try (Reader reader = Reader.forInjectedChecks(browser, port, viewport)) {
			Page page = reader.page();
			reader.visit(article.path() + "/email");
			reader.expectErrorAnswer(400, article.path() + "/email");
			page.getByLabel("Your friends’ e-mail addresses").fill("friend@example.com");
			page.getByLabel("Your name").fill("Oğuz Türk");
			// The browser keeps to the field's maxlength; a hand-made request need not.
			page.evaluate("document.querySelector('textarea#note').removeAttribute('maxlength')");
			page.getByLabel("A note to go with it (optional)").fill("x".repeat(501));
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send").setExact(true)).click();
			assertThat(page.getByRole(AriaRole.ALERT)).isVisible();
			assertNothingSerious(page, "the refused email-a-friend form on a " + viewport);

			page.getByLabel("A note to go with it (optional)").fill("Shalom שלום");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send").setExact(true)).click();
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sent"))).isVisible();
			assertNothingSerious(page, "the email-a-friend confirmation on a " + viewport);
		}
	}

	@Test
	void theCommentFormCanBeUsedWithTheKeyboardAloneAndShowsWhereTheFocusIs(Browser browser) {
		Published article = newsroom.article("Keyboard users join the sea wall debate");
		try (Reader reader = Reader.at(browser, port, Viewport.DESKTOP)) {
			Page page = reader.page();
			reader.visit(article.path());

			page.keyboard().press("Tab");
			assertThat(page.locator(".skip-link")).isFocused();
			assertThat(page.locator(".skip-link")).isInViewport();
			assertFocusRingVisible(page);

			// The comment form comes first in the discussion, before the comments: Tab reaches it after the article's
			// own links.
			List<String> visited = new ArrayList<>();
			Locator name = page.getByLabel("Your name");
			while (!Boolean.TRUE.equals(name.evaluate("field => field === document.activeElement"))) {
				assertThat(visited).as("Tab should reach the comment form's first field").hasSizeLessThan(40);
				page.keyboard().press("Tab");
				visited.add(focusedText(page));
				assertFocusRingVisible(page);
			}
			assertFocusRingVisible(page);
			page.keyboard().type("Keyboard Kemal");
			page.keyboard().press("Tab");
			assertThat(page.getByLabel("Your e-mail")).isFocused();
			assertFocusRingVisible(page);
			page.keyboard().press("Tab");
			assertThat(page.getByLabel("Your comment", new Page.GetByLabelOptions().setExact(true))).isFocused();
			assertFocusRingVisible(page);
			page.keyboard().type("Posted without touching a mouse.");
			reader.screenshot("keyboard-focus-ring", false);
			page.keyboard().press("Tab");
			assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post comment"))).isFocused();
			assertFocusRingVisible(page);
			page.keyboard().press("Enter");

			assertThat(page).hasURL(Pattern.compile("#comment-\\d+$"));
			assertThat(page.locator("li.comment", new Page.LocatorOptions().setHasText("without touching a mouse")))
				.containsText("Keyboard Kemal");
		}
	}

	@ParameterizedTest
	@EnumSource(value = Kind.class, names = { "FRONT_PAGE", "SECTION_PAGE", "AUTHOR_PAGE", "ARTICLE_WITH_DISCUSSION", "PROFILE_PAGE" })
	void everyImageSaysWhatItShowsOrIsMarkedAsDecoration(Kind kind, Browser browser) {
		try (Reader reader = Reader.at(browser, port, Viewport.DESKTOP)) {
			Page page = reader.page();
			reader.visit(pages.path(kind));

			@SuppressWarnings("unchecked")
			List<Map<String, Object>> images = (List<Map<String, Object>>) page.evaluate("""
					Array.from(document.images).map(img => ({
					  src: img.getAttribute('src'),
					  alt: img.getAttribute('alt'),
					  lead: img.closest('figure.lead-image') !== null
					}))""");

			assertThat(images).as("images on the " + kind).isNotEmpty().allSatisfy(image -> {
				assertThat(image.get("alt")).as("alt of " + image.get("src")).isNotNull();
				if (Boolean.TRUE.equals(image.get("lead"))) {
					assertThat((String) image.get("alt")).as("a lead photo says what it shows").isNotBlank();
				}
			});
		}
	}

	@Test
	void theDiscussionsNestingIsConveyedAsListsWithinLists(Browser browser) {
		Published article = newsroom.article("Nested replies on the sea wall");
		long first = newsroom.comment(article, "Ayelet", "Too low.", 1);
		long second = newsroom.reply(article, first, "Burak", "Too expensive.", 2);
		newsroom.reply(article, second, "Chana", "Both, probably.", 3);
		try (Reader reader = Reader.at(browser, port, Viewport.DESKTOP)) {
			Page page = reader.page();
			reader.visit(article.path());

			assertThat(page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Comments")))
				.matchesAriaSnapshot("""
						- list "Comments":
						  - listitem:
						    - article "Comment by Ayelet"
						    - list "Replies to Ayelet":
						      - listitem:
						        - article "Comment by Burak"
						        - list "Replies to Burak":
						          - listitem:
						            - article "Comment by Chana"
						""");
		}
	}

	@Test
	void theCheckItselfReportsFaintTextWhereThereIsSome(Browser browser) {
		try (Reader reader = Reader.forInjectedChecks(browser, port, Viewport.DESKTOP)) {
			Page page = reader.page();
			reader.visit("/");
			page.evaluate("document.querySelector('.tagline').style.color = '#c8c8c8'");

			assertThat(Axe.check(page)).filteredOn(Violation::seriousOrWorse)
				.extracting(Violation::rule)
				.contains("color-contrast");
		}
	}

	private static void assertNothingSerious(Page page, String where) {
		List<Violation> violations = Axe.check(page);
		violations.stream()
			.filter(violation -> !violation.seriousOrWorse())
			.forEach(violation -> System.out.println("axe, " + where + ": " + violation));
		assertThat(violations).as("serious or critical axe-core violations on the " + where)
			.filteredOn(Violation::seriousOrWorse)
			.isEmpty();
	}

	private static String focusedText(Page page) {
		return ((String) page.evaluate("document.activeElement.innerText || document.activeElement.value || ''")).strip();
	}

	/** The focused element draws an outline at least 2 px wide, in a colour that differs from the page's. */
	private static void assertFocusRingVisible(Page page) {
		@SuppressWarnings("unchecked")
		Map<String, Object> ring = (Map<String, Object>) page.evaluate("""
				(() => {
				  const el = document.activeElement, style = getComputedStyle(el);
				  return { element: el.outerHTML.slice(0, 80), style: style.outlineStyle,
				           width: parseFloat(style.outlineWidth), colour: style.outlineColor,
				           page: getComputedStyle(document.body).backgroundColor };
				})()""");
		assertThat(ring.get("style")).as("outline of %s", ring.get("element")).isNotEqualTo("none");
		assertThat(((Number) ring.get("width")).doubleValue()).as("outline width of %s", ring.get("element"))
			.isGreaterThanOrEqualTo(2);
		assertThat(ring.get("colour")).as("outline colour of %s", ring.get("element")).isNotEqualTo(ring.get("page"));
	}
}
