package dev.gazette.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Page;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs axe-core, Deque's accessibility engine, in a page: the WCAG 2.0, 2.1 and 2.2 A and AA rules and axe's best
 * practices. The script comes from the classpath (the {@code com.deque.html.axe-core:playwright} jar from Maven
 * Central ships {@code axe.min.js}), so nothing is fetched at test time. The page must have been opened with
 * {@link Reader#forInjectedChecks}, because the site's Content-Security-Policy rightly refuses inline scripts.
 */
final class Axe {

	private static final String SCRIPT = read("axe.min.js");

	private static final String RUN = """
			async () => JSON.stringify((await axe.run(document, {
			  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'] },
			  resultTypes: ['violations']
			})).violations)""";

	private Axe() {
	}

	/** A rule the page breaks, how badly, and where. */
	record Violation(String rule, String impact, String help, List<String> where) {

		boolean seriousOrWorse() {
			return "serious".equals(impact) || "critical".equals(impact);
		}

		@Override
		public String toString() {
			return impact + " " + rule + " (" + help + ") at " + where;
		}
	}

	static List<Violation> check(Page page) {
		if (!Boolean.TRUE.equals(page.evaluate("typeof window.axe === 'object'"))) {
			page.addScriptTag(new Page.AddScriptTagOptions().setContent(SCRIPT));
		}
		JsonNode violations = JsonMapper.builder().build().readTree((String) page.evaluate(RUN));
		List<Violation> found = new ArrayList<>();
		for (JsonNode violation : violations) {
			List<String> where = new ArrayList<>();
			for (JsonNode node : violation.get("nodes")) {
				String summary = node.path("failureSummary").asString("").replace('\n', ' ');
				where.add(node.get("target").toString() + " " + summary);
			}
			found.add(new Violation(violation.get("id").asString(), violation.path("impact").asString("unknown"),
					violation.get("help").asString(), where));
		}
		return found;
	}

	private static String read(String resource) {
		try (InputStream in = Axe.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException(resource + " is not on the test classpath (com.deque.html.axe-core:playwright)");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
