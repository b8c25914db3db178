package dev.gazette.browser;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import dev.gazette.account.AccountAdministration;
import dev.gazette.account.Accounts;
import dev.gazette.account.Profiles;
import dev.gazette.account.Registration;
import dev.gazette.account.Role;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.article.Author;
import dev.gazette.article.LeadImage;
import dev.gazette.article.Section;
import dev.gazette.comment.CommentDraft;
import dev.gazette.comment.Commenter;
import dev.gazette.comment.Commenting;
import dev.gazette.support.Http;
import dev.gazette.support.Json;
import dev.gazette.support.Mailbox;
import dev.gazette.support.Newsroom;
import dev.gazette.support.Newsroom.Published;
import dev.gazette.support.Readers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stored cross-site scripting, as the security probe of issue 13 tried it: hostile markup is stored in every field a
 * writer, a guest, a reader or a pitching stranger can fill (headline, standfirst, body, tags, lead image caption
 * and credit, syndication source, author name, title and bio, section name and description, guest name, comment,
 * reader's name and bio, pitch), then every page that shows those fields, public and staff, is loaded in real
 * Chromium with the Content-Security-Policy switched off, so that only Gazette's escaping and sanitising stand
 * between the payload and the reader. A payload that runs calls {@code alert(n)}, which the browser reports as a
 * dialog; besides that, each page's DOM must hold no event-handler attribute, no {@code javascript:} or
 * {@code data:} URL in a link or source, no script but the site's own files and its JSON-LD (which must still parse
 * as JSON), and no frame, object, embed, base or refresh that a payload could have smuggled in.
 * <p>
 * Its own Gazette (a property no other test sets), so the hostile front page and navigation do not reach the other
 * browser tests' pages.
 */
@BrowsingGazette
@TestPropertySource(properties = "gazette.page-cache.max-size=32MB")
@ExtendWith(Chromium.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoredMarkupInTheBrowserTests {

	/**
	 * The payloads, each calling {@code alert} with its own number when it runs: script and event-handler injection,
	 * breaking out of attributes, titles, text areas and the JSON-LD script, scheme tricks, mutation XSS, SVG and
	 * MathML, and markup split to slip past a naive filter.
	 */
	static final List<String> PAYLOADS = List.of( //
			"<script>alert(1)</script>", //
			"<img src=x onerror=alert(2)>", //
			"\"><svg onload=alert(3)>", //
			"'><img src=x onerror=alert(4)>", //
			"</title><script>alert(5)</script>", //
			"</textarea><script>alert(6)</script>", //
			"</script><script>alert(7)</script>", //
			"<iframe srcdoc=\"<script>parent.alert(8)</script>\"></iframe>", //
			"<a href=\"javascript:alert(9)\">read more</a>", //
			"<a href=\"jav&#x09;ascript:alert(10)\">read more</a>", //
			"<details open ontoggle=alert(11)>x</details>", //
			"<svg><animate onbegin=alert(12) attributeName=x dur=1s></svg>", //
			"<math><mtext><table><mglyph><style><img src=x onerror=alert(13)>", //
			"<noscript><p title=\"</noscript><img src=x onerror=alert(14)>\">", //
			"<input autofocus onfocus=alert(15)>", //
			"<video><source onerror=alert(16)></video>", //
			"<object data=\"javascript:alert(17)\"></object>", //
			"<embed src=\"javascript:alert(18)\">", //
			"<form action=\"javascript:alert(19)\"><button>go</button></form>", //
			"<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(20)\">", //
			"<base href=\"javascript:alert(21)//\">", //
			"<scr<script>ipt>alert(22)</script>", //
			"<IMG SRC=JaVaScRiPt:alert(23)>", //
			"<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgyNCk8L3NjcmlwdD4=\">x</a>", //
			"\u2028<img src=x onerror=alert(25)>\u2029", //
			"<svg><script>alert(26)</script></svg>", //
			"<div style=\"position:fixed;inset:0\" onmouseover=alert(27)>x</div>", //
			"\" onmouseover=\"alert(28)\" x=\"", //
			"javascript:alert(29)", //
			"<body onload=alert(30)>", //
			"<style>*{background:url(\"javascript:alert(31)\")}</style>", //
			"<img src=\"x\" alt=\"`\" onerror=\"alert(32)\">");

	/** Markdown's own ways to a link or an image, added to every body. */
	static String markdownVectors(int n) {
		return "\n\n[a link](javascript:alert(" + n + "))\n\n![an image](javascript:alert(" + n + "))\n\n<javascript:alert("
				+ n + ")>\n\n[ref][r" + n + "]\n\n[r" + n + "]: javascript:alert(" + n + ")\n";
	}

	/** Whatever a payload could leave in a page, found by the browser in the live DOM. */
	static final String DOM_CHECK = """
			() => {
			  const found = [];
			  for (const el of document.querySelectorAll('*')) {
			    for (const attribute of el.attributes) {
			      if (/^on/i.test(attribute.name)) found.push(el.tagName + ' ' + attribute.name);
			    }
			    for (const name of ['href', 'src', 'action', 'formaction', 'data', 'srcdoc', 'xlink:href']) {
			      const value = (el.getAttribute(name) || '').replace(/[\\u0000-\\u0020]/g, '').toLowerCase();
			      if (value.startsWith('javascript:') || value.startsWith('vbscript:')
			          || (value.startsWith('data:') && !value.startsWith('data:image/'))) {
			        found.push(el.tagName + ' ' + name + '=' + value.slice(0, 40));
			      }
			    }
			  }
			  for (const script of document.querySelectorAll('script')) {
			    const src = script.getAttribute('src');
			    if (script.type === 'application/ld+json') {
			      try { JSON.parse(script.textContent); } catch (e) { found.push('JSON-LD that is not JSON'); }
			    } else if (!src || !new URL(src, location.href).pathname.startsWith('/js/')
			        || new URL(src, location.href).origin !== location.origin) {
			      found.push('script ' + (src || script.textContent.slice(0, 40)));
			    }
			  }
			  for (const el of document.querySelectorAll('iframe, frame, object, embed, base, meta[http-equiv]')) {
			    if (el.tagName !== 'META' || /refresh/i.test(el.getAttribute('http-equiv'))) found.push(el.outerHTML.slice(0, 60));
			  }
			  return found;
			}
			""";

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	Commenting commenting;

	@Autowired
	Registration registration;

	@Autowired
	Accounts accounts;

	@Autowired
	AccountAdministration administration;

	@Autowired
	Profiles profiles;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	final List<Published> articles = new ArrayList<>();

	final List<String> publicPages = new ArrayList<>();

	final List<String> staffPages = new ArrayList<>();

	Readers.Reader admin;

	int storedComments;

	@BeforeAll
	void hostileMarkupEverywhere() {
		Newsroom newsroom = new Newsroom(catalog);
		Readers readers = new Readers(registration, accounts, administration, new Mailbox(jdbc));
		Http http = new Http(port);
		for (int i = 0; i < PAYLOADS.size(); i++) {
			String payload = PAYLOADS.get(i);
			int n = i + 1;
			Author author = catalog.addAuthor(Newsroom.unique("hostile-author"), "Writer " + n + " " + payload,
					payload, "Bio " + n + ": " + payload, "/demo/avatars/dalia-cohen.svg");
			Section section = catalog.addSection(Newsroom.unique("hostile-section"), "S" + n + payload,
					"About " + n + ": " + payload, 100 + n);
			Published article = newsroom.article()
				.headline("Story " + n + " " + payload)
				.standfirst("Standfirst " + n + " " + payload)
				.body("Paragraph " + n + " " + payload + "\n\n" + payload + "\n\n> " + payload + "\n\n* " + payload
						+ markdownVectors(n))
				.in(section)
				.by(author)
				.tagged("tag" + n + payload)
				.leadImage(new LeadImage("/demo/images/coastal-city.svg", 1200, 800, "Alt " + n + " " + payload,
						"Caption " + n + " " + payload, "Credit " + n + " " + payload))
				.originallyPublishedBy("Source " + n + " " + payload, i % 2 == 0 ? "javascript:alert(" + n + ")"
						: "https://example.org/" + URLEncoder.encode(payload, StandardCharsets.UTF_8))
				.publish();
			articles.add(article);
			HttpResponse<String> posted = http.postJson("/api/v1/articles/" + article.slug() + "/comments",
					Json.object("authorName", "Guest " + n + payload.substring(0, Math.min(40, payload.length())),
							"body", "Comment " + n + " " + payload + markdownVectors(n)));
			assertThat(posted.statusCode()).as("a guest's comment with payload %d", n).isIn(201, 202, 400);
			if (posted.statusCode() != 400) {
				storedComments++;
			}
			publicPages.add(article.path());
			publicPages.add("/sections/" + section.slug());
			publicPages.add("/authors/" + author.slug());
			publicPages.add("/search?q=" + URLEncoder.encode(payload, StandardCharsets.UTF_8));
			catalog.find(article.slug())
				.orElseThrow()
				.tags()
				.forEach(tag -> publicPages.add("/tags/" + tag.slug()));
			staffPages.add("/admin/moderation?queue=approved&article=" + article.slug());
		}
		Readers.Reader reader = readers.join("Reader <img src=x onerror=alert(40)>");
		profiles.update(reader.id(), "Reader \"><svg onload=alert(41)>",
				"Bio <script>alert(42)</script> [x](javascript:alert(43))", true, false);
		commenting.submit(articles.get(0).slug(), new CommentDraft("A reader's <iframe srcdoc=x></iframe> view", null),
				new Commenter(reader.id(), "Reader \"><svg onload=alert(41)>", null));
		publicPages.add(reader.profilePath());
		HttpResponse<String> pitch = http.postJson("/api/v1/pitches", Json.object("name",
				"Pitcher <img src=x onerror=alert(44)>", "email", Readers.uniqueEmail("pitch"), "summary",
				"</textarea><script>alert(45)</script>", "sample", "<svg onload=alert(46)>"));
		assertThat(pitch.statusCode()).as("a hostile pitch is taken like any other").isEqualTo(201);
		long pitchId = Json.read(pitch).get("id").asLong();
		publicPages.addAll(List.of("/", "/sections/opinion", "/search?q=Story", "/feeds/rss.xml"));
		admin = readers.join("Admin '><img src=x onerror=alert(47)>", Role.ADMIN);
		staffPages.addAll(List.of("/admin", "/admin/moderation?queue=pending", "/admin/moderation?queue=approved",
				"/admin/moderation/audit", "/admin/pitches", "/admin/pitches/" + pitchId, "/admin/authors",
				"/admin/sections", "/admin/tags", "/admin/people", "/admin/articles", "/admin/front-page",
				"/admin/newsroom", "/admin/outbox"));
	}

	@Test
	void everyPayloadIsStoredAndShown() {
		assertThat(articles).hasSize(PAYLOADS.size());
		assertThat(storedComments).as("hostile comments taken (stored, published or held)").isGreaterThan(PAYLOADS.size() / 2);
		HttpResponse<String> page = new Http(port).get(articles.get(0).path());
		assertThat(page.body()).as("the payload is on the page, as text").contains("Story 1 &lt;script&gt;alert(1)&lt;/script&gt;");
	}

	@Test
	void noPayloadRunsOnAnyPublicPageWithoutTheContentSecurityPolicy(Browser browser) {
		try (Reader reader = Reader.forInjectedChecks(browser, port, Viewport.DESKTOP)) {
			assertNothingRuns(reader, publicPages);
		}
	}

	@Test
	void noPayloadRunsOnTheStaffPagesWithoutTheContentSecurityPolicy(Browser browser) {
		try (Reader reader = Reader.forInjectedChecks(browser, port, Viewport.DESKTOP)) {
			reader.signIn(admin.email(), admin.password());
			assertNothingRuns(reader, staffPages);
			for (Published article : articles.subList(0, 4)) {
				long id = catalog.find(article.slug()).orElseThrow().id();
				assertNothingRuns(reader, List.of("/admin/articles/" + id));
			}
		}
	}

	@Test
	void theChecksSeeAPayloadThatIsNotEscaped(Browser browser) {
		// The control: the same markup put into a page unescaped is seen, both ways, in this browser.
		try (Reader reader = Reader.forInjectedChecks(browser, port, Viewport.DESKTOP)) {
			Page page = reader.page();
			List<String> dialogs = new ArrayList<>();
			page.onDialog(dialog -> {
				dialogs.add(dialog.message());
				dialog.dismiss();
			});
			page.setContent("<p>" + PAYLOADS.get(1) + PAYLOADS.get(8) + PAYLOADS.get(6) + "</p>");
			page.waitForTimeout(200);

			assertThat(dialogs).contains("2", "7");
			assertThat(page.evaluate(DOM_CHECK)).asList()
				.anyMatch(found -> found.toString().contains("onerror"))
				.anyMatch(found -> found.toString().contains("javascript:alert(9)"))
				.anyMatch(found -> found.toString().contains("alert(7)"));
		}
	}

	private void assertNothingRuns(Reader reader, List<String> paths) {
		Page page = reader.page();
		List<String> dialogs = new ArrayList<>();
		page.onDialog(dialog -> {
			dialogs.add(dialog.message() + " on " + page.url());
			dialog.dismiss();
		});
		// A writer's body may hold an image by a relative address ("<img src=x ...>" keeps src=x, drops the
		// handler); on an article page the browser asks for /articles/x, in the editor's preview /admin/articles/x.
		reader.expectErrorAnswer(404, "/articles/x");
		reader.expectErrorAnswer(400, "/admin/articles/x");
		Map<String, Object> leftovers = new LinkedHashMap<>();
		for (String path : paths) {
			if (path.endsWith(".xml")) {
				// A feed is not a page; a browser shows it as text. Its titles are checked by the feed tests.
				continue;
			}
			Response response = reader.visit(path);
			assertThat(response.status()).as("status of %s", path).isLessThan(500);
			page.waitForTimeout(30);
			Object found = page.evaluate(DOM_CHECK);
			if (found instanceof List<?> list && !list.isEmpty()) {
				leftovers.put(path, list);
			}
		}
		assertThat(dialogs).as("payloads that ran").isEmpty();
		assertThat(leftovers).as("what payloads left in the pages' DOM").isEmpty();
	}
}
