package dev.gazette.browser;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One person at one browser: a fresh, isolated browser context (no cookies, no cache) with a single tab on the
 * running Gazette, at a {@link Viewport}. While they read, it notes everything that went wrong that a person might
 * not notice: console errors, uncaught script errors, failed requests, error answers to sub-resources, and any
 * request to another site. {@link #close()} fails the test if there was any.
 */
public final class Reader implements AutoCloseable {

	/** Where screenshots go, for a reviewer to look at. */
	public static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final BrowserContext context;

	private final Page page;

	private final Viewport viewport;

	private final boolean scripting;

	private final String origin;

	private final List<String> problems = new ArrayList<>();

	/** Addresses whose error answer (an error page) is what the test asks for. */
	private final Map<String, Integer> expectedErrorAnswers = new HashMap<>();

	private Reader(BrowserContext context, Viewport viewport, boolean scripting, String origin) {
		this.context = context;
		this.viewport = viewport;
		this.scripting = scripting;
		this.origin = origin;
		this.page = context.newPage();
		watch();
	}

	/** A reader with JavaScript on, as most are. */
	public static Reader at(Browser browser, int port, Viewport viewport) {
		return open(browser, port, viewport, viewport.options());
	}

	/** A reader whose browser runs no scripts at all. */
	public static Reader withoutJavaScript(Browser browser, int port, Viewport viewport) {
		return open(browser, port, viewport, viewport.options().setJavaScriptEnabled(false));
	}

	/**
	 * A reader whose browser lets a test inject its own script (axe-core) into pages despite the site's
	 * Content-Security-Policy; only for the accessibility checks.
	 */
	public static Reader forInjectedChecks(Browser browser, int port, Viewport viewport) {
		return open(browser, port, viewport, viewport.options().setBypassCSP(true));
	}

	private static Reader open(Browser browser, int port, Viewport viewport, Browser.NewContextOptions options) {
		String origin = "http://localhost:" + port;
		boolean scripting = options.javaScriptEnabled == null || options.javaScriptEnabled;
		return new Reader(browser.newContext(options.setBaseURL(origin)), viewport, scripting, origin);
	}

	public Page page() {
		return page;
	}

	public Viewport viewport() {
		return viewport;
	}

	/** Opens a page of the site as if its address were typed in, and waits until it has loaded. */
	public Response visit(String path) {
		return page.navigate(path);
	}

	/**
	 * Signs in with the sign-in form, as the person would, and waits until the page they land on shows them signed
	 * in (a Sign out button in the header).
	 */
	public void signIn(String email, String password) {
		visit("/sign-in");
		page.getByLabel("E-mail address").fill(email);
		page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
		PlaywrightAssertions.assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")))
			.isVisible();
	}

	/** An answer with this status to this path is what the test wants (an error page), not a problem. */
	public void expectErrorAnswer(int status, String path) {
		expectedErrorAnswers.put(origin + path, status);
	}

	/**
	 * Saves what the reader sees: the whole page (as if they had scrolled through it, so lazily loaded images are
	 * there), or only the screen they are looking at.
	 */
	public Path screenshot(String name, boolean wholePage) {
		if (wholePage && scripting) {
			scrollThroughLazyImages();
		}
		Path file = SCREENSHOTS.resolve(name + "-" + viewport.fileSuffix() + ".png");
		page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(wholePage));
		return file;
	}

	private void scrollThroughLazyImages() {
		double top = ((Number) page.evaluate("window.scrollY")).doubleValue();
		for (Locator image : page.locator("img[loading=lazy]").all()) {
			image.scrollIntoViewIfNeeded();
		}
		// Each image is awaited by a function called on it (not by waitForFunction, whose polling evaluates a string,
		// which the page's Content-Security-Policy forbids once an image is still loading). An image that is not
		// rendered (in a closed dialog, a hidden panel) is not awaited: a lazy one never loads, and Playwright's
		// evaluate has no timeout of its own, so one such image once held a whole suite. The wait is bounded too.
		for (Locator image : page.locator("img").all()) {
			image.evaluate("img => img.complete || img.getClientRects().length === 0 || new Promise(done => {"
					+ " img.onload = done; img.onerror = done; setTimeout(done, 10000); })");
		}
		page.evaluate("top => window.scrollTo(0, top)", top);
	}

	/** Whether the page fits the screen's width, as a page on a phone must (no sideways scrolling). */
	public void assertNoSidewaysScrolling() {
		Number scrollWidth = (Number) page.evaluate("document.documentElement.scrollWidth");
		assertThat(scrollWidth.intValue()).as("page width on a %d px screen at %s", viewport.width(), page.url())
			.isLessThanOrEqualTo(viewport.width());
	}

	public List<String> problems() {
		return List.copyOf(problems);
	}

	/** Closes the browser context, then fails if anything went wrong while reading. */
	@Override
	public void close() {
		context.close();
		assertThat(problems).as("what went wrong in the browser (%s)", viewport).isEmpty();
	}

	private void watch() {
		page.onConsoleMessage(message -> {
			// Chromium also logs the expected error page itself as "Failed to load resource: ... 404".
			boolean expected = message.text().startsWith("Failed to load resource")
					&& expectedErrorAnswers.keySet().stream().anyMatch(url -> message.location().startsWith(url));
			if ("error".equals(message.type()) && !expected) {
				problems.add("console error on " + page.url() + ": " + message.text() + " (" + message.location() + ")");
			}
		});
		page.onPageError(error -> problems.add("script error on " + page.url() + ": " + error));
		context.onRequest(request -> {
			if (!isOurs(request.url())) {
				problems.add("request to another site: " + request.url());
			}
		});
		context.onRequestFailed(request -> {
			// ERR_ABORTED is the browser itself cancelling a request, as it does with the icon or a lazy image of a
			// page the reader is leaving; a server that fails shows up as another error or as an error answer.
			if (!"net::ERR_ABORTED".equals(request.failure())) {
				problems.add("failed request " + request.method() + " " + request.url() + ": " + request.failure());
			}
		});
		context.onResponse(response -> {
			boolean expected = Integer.valueOf(response.status()).equals(expectedErrorAnswers.get(response.url()));
			if (response.status() >= 400 && !expected) {
				problems.add("error answer " + response.status() + " " + response.url());
			}
		});
	}

	private boolean isOurs(String url) {
		if (url.startsWith("data:") || url.startsWith("about:")) {
			return true;
		}
		URI uri = URI.create(url);
		return origin.equals(uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort());
	}
}
