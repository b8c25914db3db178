package dev.gazette.browser;

import java.util.UUID;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.gazette.support.Mailbox;
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
 * A guest subscribes to the newsletter in a real browser, with and without JavaScript: the form, a refused address,
 * the confirmation mail (read from the outbox), the page its link opens, and the button that confirms.
 */
@BrowsingGazette
@ExtendWith(Chromium.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewsletterInTheBrowserTests {

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	Mailbox mailbox;

	@BeforeAll
	void mailbox() {
		mailbox = new Mailbox(jdbc);
	}

	@ParameterizedTest
	@EnumSource(Viewport.class)
	void aGuestSubscribesWeeklyToOneSectionAndConfirmsFromTheMailedLink(Viewport viewport, Browser browser) {
		subscribeAndConfirm(Reader.at(browser, port, viewport), "newsletter-" + viewport.fileSuffix());
	}

	@ParameterizedTest
	@EnumSource(Viewport.class)
	void theSameWorksWithoutJavaScript(Viewport viewport, Browser browser) {
		subscribeAndConfirm(Reader.withoutJavaScript(browser, port, viewport), "newsletter-nojs-" + viewport.fileSuffix());
	}

	private void subscribeAndConfirm(Reader opened, String prefix) {
		String email = prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		try (Reader reader = opened) {
			Page page = reader.page();
			reader.visit("/newsletter");
			assertThat(page.locator("h1")).hasText("The newsletter");
			reader.screenshot("newsletter-page", true);

			reader.expectErrorAnswer(400, "/newsletter");
			page.getByLabel("Your e-mail address").fill("not an address");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Subscribe")).click();
			assertThat(page.locator("#email-error")).hasText("That does not look like an e-mail address.");
			assertThat(mailbox.count("not an address")).isZero();

			page.getByLabel("Your e-mail address").fill(email);
			page.getByLabel("Weekly").check();
			page.locator("input[name=section]").first().check();
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Subscribe")).click();
			assertThat(page.getByRole(AriaRole.STATUS)).containsText("Check your inbox");

			Mailbox.Message mail = mailbox.latestTo(email);
			assertThat(mail.subject()).contains("Please confirm your subscription");
			reader.visit(mail.link("/newsletter/confirm"));
			assertThat(page.locator("h1")).hasText("Confirm your subscription");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm my subscription")).click();
			assertThat(page.locator("h1")).hasText("You are subscribed");
			assertThat(jdbc.sql("select status from newsletter_subscriber where email = :e").param("e", email)
				.query(String.class).single()).isEqualTo("confirmed");
		}
	}
}
