package dev.gazette.browser;

import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.gazette.account.AccountAdministration;
import dev.gazette.account.Accounts;
import dev.gazette.account.Registration;
import dev.gazette.account.Role;
import dev.gazette.browser.Axe.Violation;
import dev.gazette.publication.Publication;
import dev.gazette.publication.Publications;
import dev.gazette.support.Mailbox;
import dev.gazette.support.Readers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
 * An admin runs the site in a real browser: the staff home, the settings page with a mistake and then a change that
 * every page shows; and on a phone the header leaves most of the first screen to the news.
 */
@BrowsingGazette
@ExtendWith(Chromium.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunningTheSiteInTheBrowserTests {

	@Autowired
	Accounts accounts;

	@Autowired
	Registration registration;

	@Autowired
	AccountAdministration administration;

	@Autowired
	Publications publications;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	Publication before;

	@BeforeEach
	void keepTheSettings() {
		before = publications.current();
	}

	@AfterEach
	void putTheSettingsBack() {
		publications.update(before);
	}

	@ParameterizedTest
	@EnumSource(Viewport.class)
	void anAdminFindsTheSettingsFromTheStaffHomeFixesAMistakeAndRenamesThePublication(Viewport viewport,
			Browser browser) {
		Readers.Reader admin = readers().join("Ayşe Admin " + viewport.fileSuffix(), Role.ADMIN);
		try (Reader reader = Reader.forInjectedChecks(browser, port, viewport)) {
			Page page = reader.page();
			reader.signIn(admin.email(), admin.password());
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Staff pages")).click();
			assertThat(page.locator("main h1")).hasText("Staff pages");
			assertThat(page.locator(".staff-group h2")).hasText(new String[] { "Newsroom", "Discussion", "Readers", "Site" });
			assertNothingSerious(page, "/admin");
			reader.assertNoSidewaysScrolling();
			reader.screenshot("staff-home", true);

			page.locator("main").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
				.setName("Settings").setExact(true)).click();
			assertThat(page.locator("main h1")).hasText("The publication’s settings");
			reader.expectErrorAnswer(400, "/admin/settings");
			page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("");
			page.getByLabel("Mail comes from").fill("news at example dot org");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save settings")).click();
			assertThat(page.getByRole(AriaRole.ALERT)).hasText("2 settings need fixing; nothing was saved.");
			assertThat(page.locator("#name-error")).hasText("The name is needed.");
			assertThat(page.locator("#mailFrom")).hasAttribute("aria-invalid", "true");
			assertNothingSerious(page, "/admin/settings refused");
			reader.assertNoSidewaysScrolling();
			reader.screenshot("settings-refused", true);
			assertThat(publications.current()).isEqualTo(before);

			page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Der Bote · גזט");
			page.getByLabel("Mail comes from").fill("Der Bote <news@example.org>");
			page.getByLabel("Only readers with an account").check();
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save settings")).click();
			assertThat(page.getByRole(AriaRole.STATUS)).containsText("name");
			assertThat(page.locator(".brand")).hasText("Der Bote · גזט");
			assertThat(page.locator(".settings-changes li").first()).containsText(admin.displayName());
			assertThat(reader.problems()).isEmpty();
		}
	}

	@Test
	void onAPhoneTheHeaderTakesLessThanAThirdOfTheFirstScreenEvenForStaff(Browser browser) {
		Readers.Reader admin = readers().join("Phone Admin", Role.ADMIN);
		try (BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
			.setIsMobile(true).setHasTouch(true).setBaseURL("http://localhost:" + port))) {
			Page page = phone.newPage();
			page.navigate("/");
			assertThat(headerHeight(page)).as("a guest's header").isLessThan(844 / 3.0);
			page.navigate("/sign-in");
			page.getByLabel("E-mail address").fill(admin.email());
			page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(admin.password());
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
			assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))).isVisible();
			page.navigate("/");
			assertThat(headerHeight(page)).as("an admin's header").isLessThan(844 / 3.0);
			page.screenshot(new Page.ScreenshotOptions().setPath(Reader.SCREENSHOTS.resolve("front-header-390x844.png")));
		}
	}

	@Test
	void theFrontPagesLeadImageLoadsFirstAndTheOthersLazily(Browser browser) {
		try (Reader reader = Reader.at(browser, port, Viewport.DESKTOP)) {
			Page page = reader.page();
			reader.visit("/");
			List<String> loading = page.locator(".cards img").evaluateAll("images => images.map(i => i.getAttribute('loading') + ' ' + i.getAttribute('fetchpriority'))")
				instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
			assertThat(loading).isNotEmpty();
			assertThat(loading.get(0)).isEqualTo("eager high");
			assertThat(loading.subList(1, loading.size())).allMatch(value -> value.equals("lazy null"));
		}
	}

	private static double headerHeight(Page page) {
		return ((Number) page.evaluate("document.querySelector('header.masthead').getBoundingClientRect().height"))
			.doubleValue();
	}

	private Readers readers() {
		return new Readers(registration, accounts, administration, new Mailbox(jdbc));
	}

	private static void assertNothingSerious(Page page, String where) {
		assertThat(Axe.check(page)).as(where).filteredOn(Violation::seriousOrWorse).isEmpty();
	}
}
