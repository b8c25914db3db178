package dev.gazette.browser;

import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.gazette.account.AccountAdministration;
import dev.gazette.account.Accounts;
import dev.gazette.account.Registration;
import dev.gazette.account.Role;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.article.DiscussionSettings;
import dev.gazette.browser.Axe.Violation;
import dev.gazette.browser.NuHtmlChecker.Message;
import dev.gazette.comment.CommentDraft;
import dev.gazette.comment.CommentStatus;
import dev.gazette.comment.Commenter;
import dev.gazette.comment.Commenting;
import dev.gazette.comment.Comments;
import dev.gazette.comment.Discussions;
import dev.gazette.support.Http;
import dev.gazette.support.Mailbox;
import dev.gazette.support.Newsroom.Published;
import dev.gazette.support.Readers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In Chromium on a desktop and a phone: a reader with scripts is told "2 new comments — show" within two seconds of
 * their publication and shows them in place; "Reply" opens the reply form under the comment and the reply lands there
 * without a page load, a refused one says what to fix in place; the moderation console is told of new pending
 * comments. Without scripts the pages are as they were. The views pass axe-core and the Nu Html Checker.
 */
@BrowsingGazette
@ExtendWith(Chromium.class)
class LiveDiscussionInTheBrowserTests {

	/** The promise: a new comment is announced within two seconds. */
	static final LocatorAssertions.HasTextOptions WITHIN_TWO_SECONDS = new LocatorAssertions.HasTextOptions()
		.setTimeout(2_000);

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	Comments comments;

	@Autowired
	Commenting commenting;

	@Autowired
	Discussions discussions;

	@Autowired
	Registration registration;

	@Autowired
	Accounts accounts;

	@Autowired
	AccountAdministration administration;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	Published article;

	long first;

	static final java.util.Map<String, Readers.Reader> members = new java.util.concurrent.ConcurrentHashMap<>();

	@BeforeEach
	void anArticleWithAComment() {
		article = new DemoNewsroom(catalog, comments).article("Sea wall vote " + System.nanoTime());
		first = post("Quayside Wanderer", "The wall should go up before the spring tides.");
	}

	@ParameterizedTest
	@EnumSource(Viewport.class)
	void aReaderIsToldOfNewCommentsAndShowsThemInPlace(Viewport viewport, Browser browser) {
		try (Reader person = Reader.at(browser, port, viewport)) {
			Page page = openWithStream(person, article.path());
			page.evaluate("() => { window.stillTheSamePage = true; }");

			long one = post("Oğuz Türk", "A metre is not enough — ask the fishermen 🌊");
			long two = post("נועה כהן", "מסכימה לגמרי");

			Locator notice = page.locator("#comments .live-notice");
			assertThat(notice).hasText("2 new comments — show", WITHIN_TWO_SECONDS);
			assertThat(page.locator("#comment-" + one)).hasCount(0);

			notice.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("show")).click();

			assertThat(page.locator("#comment-" + one)).containsText("A metre is not enough — ask the fishermen 🌊");
			assertThat(page.locator("#comment-" + two)).containsText("מסכימה לגמרי");
			assertThat(page.locator("#comments-heading")).hasText("3 comments");
			assertThat(notice).isHidden();
			assertThat(page.evaluate("() => window.stillTheSamePage === true")).isEqualTo(true);
			person.assertNoSidewaysScrolling();
			person.screenshot("live-new-comments-shown", false);
		}
	}

	@Test
	void withoutScriptsNothingIsAnnouncedAndAReloadShowsTheNewComment(Browser browser) {
		try (Reader person = Reader.withoutJavaScript(browser, port, Viewport.DESKTOP)) {
			Page page = person.page();
			person.visit(article.path());
			long later = post("Late Reader", "Seen only after a reload.");

			page.waitForTimeout(1_000);
			assertThat(page.locator(".live-notice")).hasCount(0);
			assertThat(page.locator("#comment-" + later)).hasCount(0);

			page.reload();

			assertThat(page.locator("#comment-" + later)).containsText("Seen only after a reload.");
		}
	}

	@ParameterizedTest
	@EnumSource(Viewport.class)
	void aReplyOpensUnderTheCommentAndLandsThereWithoutAPageLoad(Viewport viewport, Browser browser) {
		Readers.Reader replier = member("Ünal Çelik");
		try (Reader person = Reader.at(browser, port, viewport)) {
			person.signIn(replier.email(), replier.password());
			Page page = openWithStream(person, article.path());
			page.evaluate("() => { window.stillTheSamePage = true; }");
			Locator comment = page.locator("#comment-" + first);

			comment.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Reply to Quayside Wanderer"))
				.click();

			Locator box = page.locator("#reply-to-" + first);
			assertThat(box.getByLabel("Your comment", new Locator.GetByLabelOptions().setExact(true))).isFocused();
			box.getByLabel("Your comment", new Locator.GetByLabelOptions().setExact(true)).fill("Agreed, and the ferry steps too (" + viewport + "). שלום 👋");
			box.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Post comment")).click();

			Locator reply = comment.locator("ol.replies > li.comment");
			assertThat(reply).containsText("Agreed, and the ferry steps too (" + viewport + "). שלום 👋");
			assertThat(reply.locator(".comment-author")).hasText("Ünal Çelik");
			assertThat(box).hasCount(0);
			assertThat(page).hasURL(Pattern.compile(".*" + article.path() + "$"));
			assertThat(page.evaluate("() => window.stillTheSamePage === true")).isEqualTo(true);
			assertThat(page.locator("#comments .live-notice")).isHidden();
			person.assertNoSidewaysScrolling();
			person.screenshot("inline-reply-landed", false);
		}
	}

	@Test
	void aRefusedInlineReplySaysWhatToFixInPlaceAndStoresNothing(Browser browser) {
		try (Reader person = Reader.at(browser, port, Viewport.DESKTOP)) {
			Page page = openWithStream(person, article.path());
			person.expectErrorAnswer(400, article.path() + "/comments");
			page.locator("#comment-" + first)
				.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Reply to Quayside Wanderer"))
				.click();
			Locator box = page.locator("#reply-to-" + first);
			box.getByLabel("Your name").fill("Moderator");
			box.getByLabel("Your comment", new Locator.GetByLabelOptions().setExact(true)).fill("I speak for the site.");

			box.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Post comment")).click();

			assertThat(box.locator(".field-error")).not().hasCount(0);
			assertThat(box.getByLabel("Your name")).hasAttribute("aria-invalid", "true");
			assertThat(box.getByLabel("Your comment", new Locator.GetByLabelOptions().setExact(true))).hasValue("I speak for the site.");
			assertThat(page).hasURL(Pattern.compile(".*" + article.path() + "$"));
			assertThat(discussions.discussion(article.id()).publishedComments()).isEqualTo(1);
		}
	}

	@Test
	void withoutScriptsReplyOpensTheReplyPageAsBefore(Browser browser) {
		Readers.Reader replier = member("Ada Okonkwo-Berg");
		try (Reader person = Reader.withoutJavaScript(browser, port, Viewport.PHONE)) {
			Page page = person.page();
			person.signIn(replier.email(), replier.password());
			person.visit(article.path());

			page.locator("#comment-" + first)
				.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Reply to Quayside Wanderer"))
				.click();

			assertThat(page).hasURL(Pattern.compile(".*/comments/" + first + "/reply$"));
			page.getByLabel("Your comment").fill("From the reply page, as ever.");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post comment")).click();
			assertThat(page.locator("#comment-" + first + " ol.replies")).containsText("From the reply page, as ever.");
		}
	}

	@ParameterizedTest
	@EnumSource(Viewport.class)
	void theModerationConsoleIsToldOfNewPendingComments(Viewport viewport, Browser browser) {
		Readers.Reader moderator = new Readers(registration, accounts, administration, new Mailbox(jdbc))
			.join("Rosamund Achebe-Virtanen", Role.MODERATOR);
		catalog.changeDiscussion(article.slug(), true, new DiscussionSettings(true, null, null));
		try (Reader person = Reader.at(browser, port, viewport)) {
			person.signIn(moderator.email(), moderator.password());
			Page page = openWithStream(person, "/admin/moderation?queue=pending");

			long held = post("Harbour Watcher", "Please read this one first.");

			Locator notice = page.locator(".moderation .live-notice");
			assertThat(notice).hasText("1 new comment waiting — show", WITHIN_TWO_SECONDS);
			notice.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("show")).click();
			assertThat(page.locator("#item-" + held)).containsText("Please read this one first.");
		}
	}

	@Test
	void theAnnouncedDiscussionAndTheOpenReplyPassAxe(Browser browser) {
		for (Viewport viewport : Viewport.values()) {
			try (Reader person = Reader.forInjectedChecks(browser, port, viewport)) {
				Page page = openWithStream(person, article.path());
				post("Axe Checker", "A comment to announce.");
				assertThat(page.locator("#comments .live-notice")).hasText("1 new comment — show", WITHIN_TWO_SECONDS);
				page.locator("#comment-" + first)
					.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Reply to Quayside Wanderer"))
					.click();
				assertThat(page.locator("#reply-to-" + first + " textarea")).isVisible();

				// The page as the scripts left it, read before axe's own script is injected into it.
				String asTheScriptsLeftIt = page.content();
				List<Violation> violations = Axe.check(page);

				assertThat(violations).as("axe with the notice and an open reply on a %s", viewport)
					.filteredOn(Violation::seriousOrWorse)
					.isEmpty();
				List<Message> messages = NuHtmlChecker.check(asTheScriptsLeftIt);
				assertThat(messages).as("Nu Html Checker on the page as the scripts left it")
					.filteredOn(Message::isError)
					.isEmpty();
			}
		}
	}

	@Test
	void theChangedPagesAreValidHtml() {
		Readers.Reader moderator = new Readers(registration, accounts, administration, new Mailbox(jdbc))
			.join("Cordelia Ferreira-Lund", Role.MODERATOR);
		Http moderatorsBrowser = Http.signedInAs(port, moderator);

		assertValid(new Http(port).get(article.path()).body(), "the article for a guest");
		assertValid(moderatorsBrowser.get(article.path()).body(), "the article for a moderator");
		assertValid(moderatorsBrowser.get("/admin/moderation").body(), "the moderation console");
	}

	/** Opens a page and waits until its event stream has answered, so what is published next is streamed. */
	private static Page openWithStream(Reader person, String path) {
		Page page = person.page();
		page.waitForResponse(response -> response.url().contains("/api/v1/live/") || response.url().contains("/moderation/live"), () -> person.visit(path));
		return page;
	}

	private long post(String name, String body) {
		// Members, as the screening trusts a known account more than a guest (a guest's first words may be held).
		Readers.Reader member = member(name);
		Commenter commenter = new Commenter(member.id(), member.displayName(), null);
		// The shipped classifier nudges some harmless sentences; such a comment is posted anyway (held) and approved,
		// which publishes it as a moderator's approval does.
		var outcome = commenting.submit(article.slug(), new CommentDraft(body, null), commenter);
		if (outcome.stored().isEmpty()) {
			outcome = commenting.submit(article.slug(), new CommentDraft(body, null, true), commenter);
		}
		var stored = outcome.stored().orElseThrow();
		if (stored.status() == CommentStatus.PENDING && !catalog.find(article.slug()).orElseThrow().discussion().premoderated()) {
			comments.moderate(stored.id(), CommentStatus.PUBLISHED);
		}
		return stored.id();
	}

	private Readers.Reader member(String name) {
		return members.computeIfAbsent(name,
				who -> new Readers(registration, accounts, administration, new Mailbox(jdbc)).join(who));
	}

	private static void assertValid(String html, String where) {
		List<Message> messages = NuHtmlChecker.check(html);
		assertThat(messages).as("Nu Html Checker errors on " + where).filteredOn(Message::isError).isEmpty();
	}
}
