package dev.gazette.browser;

import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.gazette.support.Mailbox;
import dev.gazette.support.Readers;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A would-be contributor finds Write for us from the footer, forgets the summary, reads what to fix, and sends the
 * pitch, in a real browser on a phone and a desktop.
 */
@BrowsingGazette
@ExtendWith(Chromium.class)
class PitchingInTheBrowserTests {

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@ParameterizedTest
	@EnumSource(Viewport.class)
	void aGuestPitchesABlogPostFromTheFooter(Viewport viewport, Browser browser) {
		String email = Readers.uniqueEmail("pitch");
		try (Reader reader = Reader.at(browser, port, viewport)) {
			Page page = reader.page();
			reader.visit("/");
			page.locator("footer").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
				.setName("Write for us")).click();
			assertThat(page).hasURL(Pattern.compile("/write-for-us$"));
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Write for us");

			page.getByLabel("Your name").fill("Nilüfer Şahin");
			page.getByLabel("Your e-mail address").fill(email);
			reader.expectErrorAnswer(400, "/write-for-us");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the pitch")).click();

			assertThat(page.locator("#summary-error")).containsText("what you would like to write about");
			assertThat(page.getByLabel("Your name")).hasValue("Nilüfer Şahin");
			page.getByLabel("What would you like to write about?").fill("The last fishermen of the Golden Horn 🎣");
			page.getByLabel("Or a link to your writing (optional)").fill("https://nilufer.example/essays");
			reader.screenshot("pitch-form", true);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the pitch")).click();

			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
				.hasText("Thank you, Nilüfer Şahin");
			assertThat(page.getByRole(AriaRole.STATUS)).containsText(email);
			reader.assertNoSidewaysScrolling();
		}
		assertThat(jdbc.sql("select summary from pitch where email = :email").param("email", email).query(String.class).single())
			.isEqualTo("The last fishermen of the Golden Horn 🎣");
		assertThat(new Mailbox(jdbc).latestTo(email).subject()).isEqualTo("We received your pitch");
	}
}
