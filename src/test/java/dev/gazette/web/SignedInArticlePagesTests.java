package dev.gazette.web;

import java.net.http.HttpResponse;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.gazette.GazetteApplication;
import dev.gazette.account.AccountAdministration;
import dev.gazette.account.Accounts;
import dev.gazette.account.Registration;
import dev.gazette.account.Role;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.comment.CommentDraft;
import dev.gazette.comment.CommentOutcome;
import dev.gazette.comment.CommentStatus;
import dev.gazette.comment.Commenter;
import dev.gazette.comment.Comments;
import dev.gazette.comment.Commenting;
import dev.gazette.support.FreshTestDatabase;
import dev.gazette.support.Http;
import dev.gazette.support.Json;
import dev.gazette.support.Mailbox;
import dev.gazette.support.Newsroom;
import dev.gazette.support.Newsroom.Published;
import dev.gazette.support.Readers;
import dev.gazette.support.Readers.Reader;
import dev.gazette.support.RunningGazette;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed-in reader's article page is put together from parts kept rendered (the article, each comment's entry) and
 * what is theirs. It must be exactly the page the templates render whole: checked against a second node on the same
 * database with the kept pages and parts off ({@code gazette.page-cache.enabled=false}), with the same session.
 * Readers never see each other's controls or form tokens, every kind of change shows on the next load (also when made
 * on the other node), and hostile text stays text.
 */
@RunningGazette
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignedInArticlePagesTests {

	static final String SESSION = "gazette-session";

	static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"");

	@Autowired
	Environment environment;

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	Comments comments;

	@Autowired
	Commenting commenting;

	@Autowired
	Registration registration;

	@Autowired
	Accounts accounts;

	@Autowired
	AccountAdministration administration;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	ConfigurableApplicationContext whole;

	int wholePort;

	Published article;

	Reader ruth;

	Reader samir;

	@BeforeAll
	void startANodeThatRendersEveryPageWhole() {
		whole = new SpringApplicationBuilder(GazetteApplication.class).run("--server.port=0",
				"--" + FreshTestDatabase.KEEP_DATASOURCE + "=true",
				"--spring.datasource.url=" + environment.getRequiredProperty("spring.datasource.url"),
				"--spring.datasource.username=" + environment.getRequiredProperty("spring.datasource.username"),
				"--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
				"--gazette.clock=" + RunningGazette.NOW, "--gazette.base-url=" + RunningGazette.BASE_URL,
				"--gazette.demo-content=false", "--gazette.page-cache.enabled=false",
				"--gazette.moderation.burst-count=100000", "--gazette.moderation.per-client-checks=false");
		wholePort = ((WebServerApplicationContext) whole).getWebServer().getPort();
	}

	@AfterAll
	void stopIt() {
		if (whole != null) {
			whole.close();
		}
	}

	@BeforeEach
	void aDiscussion() {
		article = new Newsroom(catalog).article().publish();
		Readers readers = new Readers(registration, accounts, administration, new Mailbox(jdbc));
		ruth = readers.join("Ruth Ben-David");
		samir = readers.join("Samir Haddad");
	}

	@Test
	void aSignedInReadersPageIsTheWholeRenderingByteForByte() {
		long thread = guest("Ayşe Kıyı", "The ferry is the slow way home.", null);
		guest("Björn Färja", "Slow, but the coffee is good ☕", thread);
		long own = as(ruth, "I take it every morning.", thread);
		as(samir, "Reply to Ruth, one level deeper.", own);
		recommend(ruth, thread);
		Reader moderator = new Readers(registration, accounts, administration, new Mailbox(jdbc)).join("Mona Moderator",
				Role.MODERATOR);

		for (Reader reader : new Reader[] { ruth, samir, moderator }) {
			Http browser = signedIn(reader);
			String first = browser.get(article.path()).body();
			String kept = browser.get(article.path()).body();
			String rendered = onTheWholeNode(browser).get(article.path()).body();

			assertThat(withoutTokens(first)).as(reader.displayName()).isEqualTo(withoutTokens(rendered));
			assertThat(withoutTokens(kept)).as(reader.displayName()).isEqualTo(withoutTokens(rendered));
			assertThat(first).contains("I take it every morning.").contains("Sign out");
		}
	}

	@Test
	void twoReadersNeverSeeEachOthersControlsOrTokens() {
		long ruths = as(ruth, "Ruth writes her own words.", null);
		long samirs = as(samir, "Samir writes his own words.", null);
		recommend(ruth, samirs);
		Http asRuth = signedIn(ruth);
		Http asSamir = signedIn(samir);

		Document ruthFirst = page(asRuth);
		Document samirs1 = page(asSamir);
		Document ruthAgain = page(asRuth);

		for (Document ruthsPage : new Document[] { ruthFirst, ruthAgain }) {
			assertThat(links(ruthsPage, ruths)).contains("Edit", "Delete").doesNotContain("Report");
			assertThat(links(ruthsPage, samirs)).contains("Report").doesNotContain("Edit", "Delete");
			assertThat(recommendButton(ruthsPage, samirs).attr("aria-pressed")).isEqualTo("true");
			assertThat(recommendButton(ruthsPage, ruths)).isNull();
			assertThat(ruthsPage.select(".commenting-as").text()).contains("Ruth Ben-David").doesNotContain("Samir");
		}
		assertThat(links(samirs1, samirs)).contains("Edit", "Delete").doesNotContain("Report");
		assertThat(links(samirs1, ruths)).contains("Report").doesNotContain("Edit", "Delete");
		assertThat(recommendButton(samirs1, ruths).attr("aria-pressed")).isEqualTo("false");
		assertThat(recommendButton(samirs1, samirs)).isNull();
		assertThat(samirs1.select(".account-nav").text()).contains("Samir Haddad").doesNotContain("Ruth");
		assertThat(samirs1.select(".commenting-as").text()).contains("Samir Haddad").doesNotContain("Ruth");

		Set<String> ruthsTokens = tokens(ruthFirst.outerHtml());
		Set<String> samirsTokens = tokens(samirs1.outerHtml());
		assertThat(ruthsTokens).as("one token on Ruth's page, in every form").hasSize(1);
		assertThat(samirsTokens).as("one token on Samir's page, in every form").hasSize(1);
		assertThat(samirsTokens).doesNotContainAnyElementsOf(ruthsTokens);
		assertThat(tokens(ruthAgain.outerHtml())).doesNotContainAnyElementsOf(samirsTokens);
		// Each page's token is the one its reader's browser holds: the forms work.
		assertThat(asSamir.submit(samirs1, "#comment-" + ruths + " form.recommend-form",
				Map.of("action", "recommend")).statusCode())
			.isIn(302, 303);
		assertThat(recommendButton(page(asSamir), ruths).attr("aria-pressed")).isEqualTo("true");
	}

	@Test
	void everyChangeShowsOnTheNextSignedInLoad() {
		long first = guest("Chana Parts", "The first wording.", null);
		guest("Dina Parts", "A reply that keeps the removed comment in its place.", first);
		long second = as(samir, "Samir writes, Ruth edits hers.", null);
		long ruths = as(ruth, "Ruth wrote this before her edit.", null);
		Http browser = signedIn(ruth);
		String before = browser.get(article.path()).body();
		assertThat(before).contains("The first wording.");

		assertThat(commenting.edit(ruths, ruth.id(), "Ruth wrote this after her edit.").stored()).isPresent();
		comments.moderate(first, CommentStatus.REJECTED);
		recommend(ruth, second);
		comments.feature(second, true);
		// Posted on the other node: this node hears of it only through the discussion's version.
		HttpResponse<String> elsewhere = new Http(wholePort).postJson("/api/v1/articles/" + article.slug() + "/comments",
				Json.object("authorName", "Dov", "body", "Posted on the other node.", "parentId", null,
						"acknowledgeNudge", true));
		assertThat(elsewhere.statusCode()).as(elsewhere.body()).isEqualTo(201);

		String after = browser.get(article.path()).body();
		Document page = Jsoup.parse(after);
		assertThat(after).contains("Ruth wrote this after her edit.").doesNotContain("Ruth wrote this before her edit.")
			.doesNotContain("The first wording.").contains("This comment was removed by a moderator.")
			.contains("Posted on the other node.");
		assertThat(page.select("#comment-" + ruths + " .edited")).hasSize(1);
		assertThat(recommendButton(page, second).attr("aria-pressed")).isEqualTo("true");
		assertThat(page.select("#comment-" + second + " .recommendation-count").text()).isEqualTo("1 recommendation");
		assertThat(page.select("#comment-" + second + " > div .featured").text()).isEqualTo("Editor’s pick");
		assertThat(withoutTokens(after)).isEqualTo(withoutTokens(onTheWholeNode(browser).get(article.path()).body()));
	}

	@Test
	void hostileAndUnicodeTextStaysText() {
		String name = "<img src=x onerror=alert(1)> \"Zoë\" & 'Ω'";
		String body = "<script>alert('x')</script> שלום & مرحبا 🚢 </div></li>";
		long hostile = guest(name, body, null);
		Http browser = signedIn(samir);

		for (int load = 0; load < 2; load++) {
			String html = browser.get(article.path()).body();
			Document page = Jsoup.parse(html);
			Element entry = page.selectFirst("#comment-" + hostile);

			assertThat(entry).isNotNull();
			assertThat(page.select("script:not([src]):not([type=application/ld+json])")).isEmpty();
			assertThat(entry.select("img:not(.comment-avatar)")).isEmpty();
			assertThat(entry.selectFirst(".comment-author").text()).isEqualTo(name);
			assertThat(entry.selectFirst(".comment-body").text()).contains("<script>alert('x')</script>")
				.contains("שלום & مرحبا 🚢");
			assertThat(html).doesNotContain("<script>alert").contains("&lt;script&gt;");
			assertThat(withoutTokens(html)).isEqualTo(withoutTokens(onTheWholeNode(browser).get(article.path()).body()));
		}
	}

	private Document page(Http browser) {
		return Jsoup.parse(browser.get(article.path()).body(), "http://localhost:" + port + article.path());
	}

	private Http signedIn(Reader reader) {
		return Http.signedInAs(port, reader);
	}

	/** The reader recommends the comment with the form on the article page, as in a browser. */
	private void recommend(Reader reader, long commentId) {
		Http browser = signedIn(reader);
		HttpResponse<String> answer = browser.submit(article.path(), "#comment-" + commentId + " form.recommend-form",
				Map.of("action", "recommend"));
		assertThat(answer.statusCode()).as(answer.body()).isIn(302, 303);
	}

	/** The same browser (its session and its token's cookie) on the node that renders pages whole. */
	private Http onTheWholeNode(Http browser) {
		Http same = new Http(wholePort);
		same.setCookie(SESSION, browser.cookie(SESSION).orElseThrow());
		browser.cookie("XSRF-TOKEN").ifPresent(token -> same.setCookie("XSRF-TOKEN", token));
		return same;
	}

	private long guest(String name, String body, Long parent) {
		return stored(commenting.submit(article.slug(), new CommentDraft(body, parent, true), new Commenter(null, name, null)));
	}

	private long as(Reader reader, String body, Long parent) {
		return stored(commenting.submit(article.slug(), new CommentDraft(body, parent, true),
				new Commenter(reader.id(), reader.displayName(), null)));
	}

	private long stored(CommentOutcome outcome) {
		long id = outcome.stored().orElseThrow(() -> new AssertionError("not stored: " + outcome)).id();
		if (comments.find(id).orElseThrow().status() != CommentStatus.PUBLISHED) {
			comments.moderate(id, CommentStatus.PUBLISHED);
		}
		return id;
	}

	/** A form's token is masked afresh for every page; what is compared is everything else. */
	private static String withoutTokens(String html) {
		return TOKEN.matcher(html).replaceAll("name=\"_csrf\" value=\"TOKEN\"");
	}

	private static Set<String> tokens(String html) {
		Set<String> found = new LinkedHashSet<>();
		Matcher matcher = TOKEN.matcher(html);
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
	}

	/** The words of a comment's own action links (Reply, Edit, Delete, Report), without its replies'. */
	private static String links(Document page, long comment) {
		Element actions = page.selectFirst("#comment-" + comment + " > div > .comment-actions");
		return actions == null ? "" : actions.ownText() + " " + actions.select("a").eachText();
	}

	private static Element recommendButton(Document page, long comment) {
		return page.selectFirst("#comment-" + comment + " > div .recommend-button");
	}
}
