/*
 * Page weight of Gazette's article page with a 200-comment discussion, as a browser loads it: how many requests,
 * and how many bytes of HTML, CSS, JavaScript and images, raw and gzip-compressed. A benchmark, not a test: it
 * reports, and exits non-zero only when a target of issue 7 is missed (no third-party requests, CSS under 30 KB and
 * JavaScript under 20 KB gzipped).
 *
 * Run by bench/page-weight.sh, which builds and starts Gazette with the demo content; by hand:
 *   java -cp "$(cat target/page-weight.classpath)" bench/PageWeight.java http://127.0.0.1:18081
 *
 * It first brings the demo's opinion piece up to 200 published comments through the JSON API (new threads and
 * replies, all of them shown on the first page of the discussion), then loads the page in Debian's chromium with
 * an empty cache.
 */

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.LoadState;

public class PageWeight {

	static final String ARTICLE = "/articles/the-river-that-two-nations-share";

	static final int COMMENTS = 200;

	static final int CSS_TARGET = 30 * 1024;

	static final int JS_TARGET = 20 * 1024;

	static final String[] SENTENCES = { "I read the piece twice before commenting.",
			"The numbers on the summer flow are the heart of it, and nobody on either side publishes them.",
			"My family farmed on the plain for three generations, so this is not abstract for us.",
			"A commission that meets in a hotel and talks only about cubic metres will not survive a drought.",
			"Fair point, but the dam was built without asking anyone downstream.",
			"Publishing the gauge readings every hour would cost almost nothing.",
			"I disagree with the author about the reservoir, but the argument is made honestly.",
			"Both governments have found the river useful for reasons that have little to do with water." };

	record Loaded(String kind, String url, int status, int rawBytes, int wireBytes, int gzipBytes, String encoding,
			String cacheControl) {
	}

	public static void main(String[] args) throws Exception {
		String base = args.length > 0 ? args[0] : "http://127.0.0.1:18081";
		Path chromium = Path.of(System.getenv().getOrDefault("GAZETTE_CHROMIUM", "/usr/bin/chromium"));
		int shown = bringDiscussionTo(base, COMMENTS);

		List<Loaded> loaded = new ArrayList<>();
		List<String> thirdParty = new ArrayList<>();
		String origin = URI.create(base).getScheme() + "://" + URI.create(base).getAuthority();
		try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
			.setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
			Browser browser = playwright.chromium()
				.launch(new BrowserType.LaunchOptions().setExecutablePath(chromium)
					.setHeadless(true)
					.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking")));
			BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
			Page page = context.newPage();
			page.onRequest(request -> {
				if (!request.url().startsWith(origin) && !request.url().startsWith("data:")) {
					thirdParty.add(request.url());
				}
			});
			page.onRequestFinished(request -> loaded.add(measure(request)));
			page.navigate(base + ARTICLE);
			// Scroll to the end, as a reader who reads the whole discussion does, so lazy images load too.
			page.evaluate("window.scrollTo(0, document.body.scrollHeight)");
			// The page keeps one request open for good (the live-updates stream), so the network is never idle: wait
			// for the load event and then for the lazy images the scroll asked for.
			page.waitForLoadState(LoadState.LOAD);
			page.waitForTimeout(3000);
			browser.close();
		}
		report(base + ARTICLE, shown, loaded, thirdParty);
	}

	/** Posts new threads and replies until the article shows this many published comments; answers how many. */
	static int bringDiscussionTo(String base, int target) {
		HttpClient http = HttpClient.newHttpClient();
		int count = publishedComments(http, base);
		List<Long> newThreads = new ArrayList<>();
		int n = 0;
		while (count < target) {
			n++;
			// New threads first (the page shows 50), then replies spread over them (at most 30 are shown under each).
			Long parent = newThreads.size() < 38 ? null : newThreads.get(n % newThreads.size());
			String body = SENTENCES[n % SENTENCES.length] + " " + SENTENCES[(n * 3 + 1) % SENTENCES.length];
			String json = "{\"authorName\":\"Bench reader " + n + "\",\"body\":\"" + body + "\",\"parentId\":"
					+ (parent == null ? "null" : parent) + "}";
			HttpResponse<String> posted = send(http, HttpRequest.newBuilder(URI.create(base + "/api/v1" + ARTICLE + "/comments"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json)));
			if (posted.statusCode() != 201) {
				throw new IllegalStateException("Posting a comment answered " + posted.statusCode() + ": " + posted.body());
			}
			if (parent == null) {
				Matcher id = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(posted.body());
				if (!id.find()) {
					throw new IllegalStateException("No id in " + posted.body());
				}
				newThreads.add(Long.parseLong(id.group(1)));
			}
			count = n % 20 == 0 ? publishedComments(http, base) : count + 1;
			if (n > 2 * target) {
				throw new IllegalStateException("Comments are not being published (held for moderation?): " + count);
			}
		}
		return publishedComments(http, base);
	}

	static int publishedComments(HttpClient http, String base) {
		String html = send(http, HttpRequest.newBuilder(URI.create(base + ARTICLE))).body();
		Matcher heading = Pattern.compile("id=\"comments-heading\">(\\d+) comment").matcher(html);
		if (!heading.find()) {
			throw new IllegalStateException("No discussion heading on " + base + ARTICLE);
		}
		return Integer.parseInt(heading.group(1));
	}

	static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) {
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static Loaded measure(Request request) {
		Response response = request.response();
		byte[] body = response.body();
		String encoding = response.headerValue("content-encoding");
		String cache = response.headerValue("cache-control");
		return new Loaded(kind(request.resourceType()), request.url(), response.status(), body.length,
				request.sizes().responseBodySize, gzip(body).length, encoding == null ? "none" : encoding,
				cache == null ? "none" : cache);
	}

	static String kind(String resourceType) {
		return switch (resourceType) {
			case "document" -> "html";
			case "stylesheet" -> "css";
			case "script" -> "js";
			case "image" -> "images";
			case "font" -> "fonts";
			default -> "other";
		};
	}

	static byte[] gzip(byte[] raw) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(raw);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	static void report(String url, int comments, List<Loaded> loaded, List<String> thirdParty) {
		System.out.printf("%nPage weight of %s (%d published comments), first visit, empty cache%n%n", url, comments);
		System.out.printf("%-8s %8s %12s %14s %12s%n", "kind", "requests", "raw bytes", "transferred", "gzip -6");
		Map<String, int[]> totals = new LinkedHashMap<>();
		for (String kind : List.of("html", "css", "js", "images", "fonts", "other")) {
			totals.put(kind, new int[4]);
		}
		for (Loaded item : loaded) {
			int[] sum = totals.get(item.kind());
			sum[0]++;
			sum[1] += item.rawBytes();
			sum[2] += item.wireBytes();
			sum[3] += item.gzipBytes();
		}
		int[] all = new int[4];
		totals.forEach((kind, sum) -> {
			System.out.printf("%-8s %8d %12s %14s %12s%n", kind, sum[0], bytes(sum[1]), bytes(sum[2]), bytes(sum[3]));
			for (int i = 0; i < 4; i++) {
				all[i] += sum[i];
			}
		});
		System.out.printf("%-8s %8d %12s %14s %12s%n%n", "total", all[0], bytes(all[1]), bytes(all[2]), bytes(all[3]));
		System.out.println("Requests:");
		for (Loaded item : loaded) {
			System.out.printf("  %d %-6s %s%n      Content-Encoding: %s; Cache-Control: %s%n", item.status(), item.kind(),
					item.url(), item.encoding(), item.cacheControl());
		}
		int cssGzip = totals.get("css")[3];
		int jsGzip = totals.get("js")[3];
		boolean met = thirdParty.isEmpty() && cssGzip < CSS_TARGET && jsGzip < JS_TARGET;
		System.out.printf("%nThird-party requests: %d%s%n", thirdParty.size(), thirdParty.isEmpty() ? "" : " " + thirdParty);
		System.out.printf("Targets: no third-party requests %s; CSS %s gzipped (< 30 KB) %s; JavaScript %s gzipped (< 20 KB) %s%n",
				thirdParty.isEmpty() ? "met" : "MISSED", bytes(cssGzip), cssGzip < CSS_TARGET ? "met" : "MISSED",
				bytes(jsGzip), jsGzip < JS_TARGET ? "met" : "MISSED");
		if (!met) {
			System.exit(1);
		}
	}

	static String bytes(int count) {
		return String.format("%,d", count);
	}
}
