package dev.gazette.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives browser tests a headless Debian {@code chromium}, driven by Playwright, which never downloads a browser of
 * its own. One browser serves the whole test run; each test opens its own isolated context in it (see
 * {@link Reader}).
 * <p>
 * On a machine without Chromium the browser tests are reported as skipped, saying why. On CI (where {@code CI=true})
 * a missing Chromium fails them instead, so a broken set-up can never pass as green.
 */
public final class Chromium implements ExecutionCondition, ParameterResolver {

	/** Where Debian's package puts it; {@code GAZETTE_CHROMIUM} may name another executable. */
	static final Path DEFAULT_EXECUTABLE = Path.of("/usr/bin/chromium");

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Chromium.class);

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (Files.isExecutable(executable()) || onCi()) {
			return ConditionEvaluationResult.enabled("Chromium is at " + executable() + " (or this is CI)");
		}
		String why = "no Chromium at " + executable() + ", so the browser tests in " + context.getDisplayName()
				+ " did not run. Install it (apt-get install chromium) or set GAZETTE_CHROMIUM.";
		System.err.println("SKIPPED: " + why);
		return ConditionEvaluationResult.disabled(why);
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == Browser.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return context.getRoot()
			.getStore(NAMESPACE)
			.computeIfAbsent(SharedBrowser.class, key -> SharedBrowser.launch(), SharedBrowser.class)
			.browser();
	}

	static Path executable() {
		String configured = System.getenv("GAZETTE_CHROMIUM");
		return configured == null || configured.isBlank() ? DEFAULT_EXECUTABLE : Path.of(configured);
	}

	static boolean onCi() {
		return "true".equalsIgnoreCase(System.getenv("CI"));
	}

	/** Playwright and the one browser it launched; JUnit closes it when the test run ends. */
	record SharedBrowser(Playwright playwright, Browser browser) implements AutoCloseable {

		static SharedBrowser launch() {
			Path executable = executable();
			if (!Files.isExecutable(executable)) {
				throw new IllegalStateException("CI=true but there is no Chromium at " + executable
						+ ": browser tests must run on CI. .ci/run installs it with apt-get install chromium.");
			}
			Playwright playwright = Playwright.create(new Playwright.CreateOptions()
				.setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
			try {
				Browser browser = playwright.chromium()
					.launch(new BrowserType.LaunchOptions().setExecutablePath(executable)
						.setHeadless(true)
						.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking")));
				return new SharedBrowser(playwright, browser);
			}
			catch (RuntimeException ex) {
				playwright.close();
				throw ex;
			}
		}

		@Override
		public void close() {
			playwright.close();
		}
	}
}
