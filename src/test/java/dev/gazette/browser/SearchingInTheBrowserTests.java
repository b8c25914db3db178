package dev.gazette.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A reader searches from the header's box, on a laptop and on a 375 px phone, finds the demo's opinion piece by a word
 * of a different form than the one it uses, and opens it.
 */
@BrowsingGazette
@ExtendWith(Chromium.class)
class SearchingInTheBrowserTests {

	@LocalServerPort
	int port;

	@ParameterizedTest
	@EnumSource(Viewport.class)
	void aReaderSearchesFromTheHeaderAndOpensAResult(Viewport viewport, Browser browser) {
		try (Reader reader = Reader.at(browser, port, viewport)) {
			Page page = reader.page();
			reader.visit("/");
			Locator box = page.getByLabel("Search articles");
			assertThat(box).isVisible();
			box.fill("rivers nations");
			box.press("Enter");

			assertThat(page).hasURL(Pattern.compile("/search\\?q=rivers\\+nations$"));
			assertThat(page.locator("#search-q")).hasValue("rivers nations");
			Locator first = page.locator(".hit h3 a").first();
			assertThat(first).hasAttribute("href", "/articles/" + BrowsingGazette.RIVER);
			assertThat(page.locator(".hit mark").first()).isVisible();
			reader.assertNoSidewaysScrolling();
			reader.screenshot("search-results", true);

			first.click();
			assertThat(page).hasURL(Pattern.compile("/articles/" + BrowsingGazette.RIVER + "$"));
		}
	}
}
