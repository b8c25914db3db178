package dev.gazette.browser;

import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.gazette.account.AccountAdministration;
import dev.gazette.account.Accounts;
import dev.gazette.account.Registration;
import dev.gazette.account.Role;
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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The paths a person takes with an account, in a real browser, on a laptop and on a 375 px phone: joining from the
 * header, following the link from the mail (read from the outbox, where mail stays without an SMTP server), signing
 * in, commenting under their own name and signing out, with JavaScript and without; getting a forgotten password
 * back; and an admin giving someone a role and taking it back. Each fails on any console error, failed request or request to another
 * site (see {@link Reader}) and leaves screenshots in {@code target/screenshots/}.
 */
@BrowsingGazette
@ExtendWith(Chromium.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountsInTheBrowserTests {

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

	DemoNewsroom newsroom;

	Mailbox mailbox;

	Readers readers;

	@BeforeAll
	void newsroomAndMailbox() {
		newsroom = new DemoNewsroom(catalog, comments);
		mailbox = new Mailbox(jdbc);
		readers = new Readers(registration, accounts, administration, mailbox);
	}

	@ParameterizedTest
	@EnumSource(Viewport.class)
	void aPersonJoinsFollowsTheMailedLinkSignsInCommentsUnderTheirNameAndSignsOut(Viewport viewport, Browser browser) {
		Published article = newsroom.article("Harbour pilots vote to strike");
		String name = "Nilüfer " + viewport.fileSuffix();
		try (Reader reader = Reader.at(browser, port, viewport)) {
			Page page = reader.page();
			reader.visit(article.path());

			String email = joinFromTheHeader(reader, name, "join-page");
			followTheVerificationLink(reader, email, name);
			signInFromTheVerifiedPage(reader, email, "sign-in-page");

			accountNav(page).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Settings")).click();
			assertThat(page.locator("h1")).hasText("Your settings");
			assertThat(page.getByLabel("Display name")).hasValue(name);
			reader.assertNoSidewaysScrolling();
			reader.screenshot("settings-page", true);

			reader.visit(article.path());
			commentAsTheSignedInReader(reader, name, "Forty years on the pilot boats: the strike is *overdue*.");
			reader.screenshot("comment-posted-signed-in", false);

			signOutFromTheHeader(reader);
		}
	}

	@ParameterizedTest
	@EnumSource(Viewport.class)
	void withoutJavaScriptAPersonJoinsFollowsTheMailedLinkSignsInCommentsAndSignsOut(Viewport viewport,
			Browser browser) {
		Published article = newsroom.article("Lighthouse to open for visitors");
		String name = "Kerem " + viewport.fileSuffix();
		try (Reader reader = Reader.withoutJavaScript(browser, port, viewport)) {
			reader.visit(article.path());

			String email = joinFromTheHeader(reader, name, "no-script-join-page");
			followTheVerificationLink(reader, email, name);
			signInFromTheVerifiedPage(reader, email, "no-script-sign-in-page");

			reader.visit(article.path());
			commentAsTheSignedInReader(reader, name, "The view from all **212** steps is worth the climb.");

			signOutFromTheHeader(reader);
		}
	}

	@ParameterizedTest
	@EnumSource(Viewport.class)
	void aReaderWhoForgotTheirPasswordSetsANewOneFromTheMailedLinkAndTheOldOneStopsWorking(Viewport viewport,
			Browser browser) {
		Readers.Reader member = readers.join("Forgetful Farid");
		String newPassword = "Seven gulls over the breakwater";
		try (Reader reader = Reader.at(browser, port, viewport)) {
			Page page = reader.page();
			reader.visit("/sign-in");

			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Forgot your password?")).click();
			assertThat(page.locator("h1")).hasText("Forgot your password?");
			page.getByLabel("E-mail address").fill(member.email());
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the link")).click();
			assertThat(page.locator("h1")).hasText("Check your inbox");

			Mailbox.Message mail = mailbox.latestTo(member.email());
			assertThat(mail.subject()).startsWith("Choose a new password");
			reader.visit(mail.link("/reset-password"));
			assertThat(page.locator("h1")).hasText("Choose a new password");
			reader.assertNoSidewaysScrolling();
			page.getByLabel("New password").fill(newPassword);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the new password")).click();
			assertThat(page.locator("h1")).hasText("Your password is changed");

			page.getByRole(AriaRole.MAIN).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Sign in")).click();
			fillTheSignInForm(page, member.email(), member.password());
			assertThat(page.getByRole(AriaRole.ALERT)).hasText("That e-mail address and password do not match an account.");
			assertThat(accountNav(page).getByRole(AriaRole.BUTTON)).hasCount(0);

			fillTheSignInForm(page, member.email(), newPassword);
			assertThat(accountNav(page).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(member.displayName())))
				.isVisible();
			assertThat(accountNav(page).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Sign out")))
				.isVisible();
		}
	}

	@ParameterizedTest
	@EnumSource(Viewport.class)
	void anAdminFindsAReaderOnThePeoplePageMakesThemAModeratorAndTakesItBack(Viewport viewport, Browser browser) {
		Readers.Reader admin = readers.join("Admin Ayşe", Role.ADMIN);
		Readers.Reader reader = readers.join("Quayside Quentin " + viewport.fileSuffix());
		try (Reader browsing = Reader.at(browser, port, viewport)) {
			Page page = browsing.page();
			browsing.signIn(admin.email(), admin.password());
			browsing.visit("/admin/people");

			page.getByLabel("Find by name or address").fill(reader.displayName());
			page.locator("#main").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Search")).click();
			Locator row = page.locator("#person-" + reader.id());
			assertThat(row).containsText(reader.email());
			Locator moderator = row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("moderator"));
			assertThat(moderator).hasAttribute("aria-pressed", "false");
			moderator.click();
			assertThat(page.locator("main h1")).hasText("Make " + reader.displayName() + " a moderator?");
			assertThat(page.locator(".role-effects")).containsText("approve, reject and feature comments");
			browsing.screenshot("admin-role-confirm", true);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes, make " + reader.displayName() + " a moderator")).click();

			assertThat(page).hasURL(Pattern.compile("changed=" + reader.id()));
			assertThat(row).hasClass("changed");
			assertThat(moderator).hasAttribute("aria-pressed", "true");
			assertThat(accounts.find(reader.id()).orElseThrow().has(Role.MODERATOR)).isTrue();
			browsing.screenshot("admin-people", true);

			moderator.click();
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes, take the moderator role away")).click();

			assertThat(moderator).hasAttribute("aria-pressed", "false");
			assertThat(accounts.find(reader.id()).orElseThrow().has(Role.MODERATOR)).isFalse();

			browsing.visit("/admin/outbox");
			assertThat(page.locator("h1")).hasText("Outbox");
			browsing.screenshot("admin-outbox", false);
		}
	}

	/** Joins with the Join link in the header; answers the address joined with. */
	private String joinFromTheHeader(Reader reader, String name, String screenshot) {
		Page page = reader.page();
		String email = Readers.uniqueEmail("joiner");
		accountNav(page).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Join")).click();
		assertThat(page.locator("h1")).hasText("Join The Meridian Gazette");
		reader.assertNoSidewaysScrolling();
		reader.screenshot(screenshot, true);

		page.getByLabel("E-mail address").fill(email);
		page.getByLabel("Display name").fill(name);
		page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(Readers.PASSWORD);
		page.getByRole(AriaRole.MAIN).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Join")).click();

		assertThat(page.locator("h1")).hasText("Check your inbox");
		assertThat(page.getByRole(AriaRole.STATUS)).containsText("we have sent a message to it");
		return email;
	}

	/** Opens the link in the verification mail, as the person would from their inbox. */
	private void followTheVerificationLink(Reader reader, String email, String name) {
		Page page = reader.page();
		Mailbox.Message mail = mailbox.latestTo(email);
		assertThat(mail.subject()).startsWith("Please confirm your address");
		assertThat(mail.text()).contains("Hello " + name);

		reader.visit(mail.link("/verify"));

		assertThat(page.locator("h1")).hasText("Your address is verified");
		assertThat(page.getByRole(AriaRole.STATUS)).containsText("Welcome, " + name + ".");
	}

	/** Signs in from the "verified" page, whose Sign in link brings the address along. */
	private void signInFromTheVerifiedPage(Reader reader, String email, String screenshot) {
		Page page = reader.page();
		page.getByRole(AriaRole.MAIN).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Sign in")).click();
		assertThat(page.locator("h1")).hasText("Sign in");
		assertThat(page.getByLabel("E-mail address")).hasValue(email);
		reader.assertNoSidewaysScrolling();
		reader.screenshot(screenshot, true);

		page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(Readers.PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();

		assertThat(page).hasURL(Pattern.compile("localhost:" + port + "/$"));
		assertThat(accountNav(page).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Sign out")))
			.isVisible();
		assertThat(accountNav(page).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Join")))
			.hasCount(0);
	}

	/** Posts a comment as the signed-in reader: the form asks for no name and no address, the comment shows theirs. */
	private void commentAsTheSignedInReader(Reader reader, String name, String text) {
		Page page = reader.page();
		Locator form = page.locator("#comment-form");
		assertThat(form.locator(".commenting-as")).hasText("Commenting as " + name);
		assertThat(form.getByLabel("Your name")).hasCount(0);
		assertThat(form.getByLabel("Your e-mail")).hasCount(0);

		form.getByLabel("Your comment", new Locator.GetByLabelOptions().setExact(true)).fill(text);
		form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Post comment")).click();

		assertThat(page).hasURL(Pattern.compile("#comment-\\d+$"));
		Locator posted = page.locator("li.comment", new Page.LocatorOptions().setHasText(text.substring(0, 12)));
		assertThat(posted.locator(".comment-author")).hasText(name);
		assertThat(posted.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Edit your comment")))
			.isVisible();
		assertThat(posted).isInViewport();
	}

	/** Signs out with the header's button; afterwards the header offers Sign in and Join, and settings are closed. */
	private void signOutFromTheHeader(Reader reader) {
		Page page = reader.page();
		accountNav(page).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Sign out")).click();

		assertThat(page).hasURL(Pattern.compile("/\\?signed-out$"));
		assertThat(accountNav(page).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Sign in")))
			.isVisible();
		assertThat(accountNav(page).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Join")))
			.isVisible();
		assertThat(accountNav(page).getByRole(AriaRole.BUTTON)).hasCount(0);

		reader.visit("/settings");
		assertThat(page).hasURL(Pattern.compile("/sign-in$"));
	}

	private static void fillTheSignInForm(Page page, String email, String password) {
		page.getByLabel("E-mail address").fill(email);
		page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
	}

	private static Locator accountNav(Page page) {
		return page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Your account"));
	}
}
