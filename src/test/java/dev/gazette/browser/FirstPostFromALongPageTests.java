package dev.gazette.browser;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.gazette.account.AccountAdministration;
import dev.gazette.account.Accounts;
import dev.gazette.account.Registration;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.comment.CommentStatus;
import dev.gazette.comment.Comments;
import dev.gazette.comment.Discussions;
import dev.gazette.support.Http;
import dev.gazette.support.Mailbox;
import dev.gazette.support.Newsroom.Published;
import dev.gazette.support.Readers;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader's first post, sent as a browser sends it: a fresh client with no cookies opens a real, long page (the
 * demo's 47-comment opinion piece; an article with a long body and 200 comments) and submits the page's own form
 * with exactly the fields the page gave it. Once, the page's form carried a token whose cookie could not be sent any
 * more (the long page had already committed its response), and the first post was refused. Every form a guest reaches
 * from such a page is posted this way, and so are a signed-in reader's, straight after signing in (when the token
 * changes).
 */
@BrowsingGazette
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FirstPostFromALongPageTests {

	private static final String RIVER = "/articles/" + BrowsingGazette.RIVER;

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	Comments comments;

	@Autowired
	Discussions discussions;

	@Autowired
	Accounts accounts;

	@Autowired
	Registration registration;

	@Autowired
	AccountAdministration administration;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry meters;

	@LocalServerPort
	int port;

	Published big;

	Readers readers;

	Mailbox mailbox;

	@BeforeAll
	void aLongArticleWithTwoHundredComments() {
		big = new DemoNewsroom(catalog, comments).bigDiscussion("The harbour wall, the long read");
		mailbox = new Mailbox(jdbc);
		readers = new Readers(registration, accounts, administration, mailbox);
	}

	@Test
	void thePagesAreAsLongAsReadersSeeThem() {
		assertThat(new Http(port).get(RIVER).body().length()).as("the demo's opinion piece").isGreaterThan(50_000);
		assertThat(new Http(port).get(big.path()).body().length()).as("the 200-comment article").isGreaterThan(100_000);
		assertThat(discussions.discussion(big.id()).publishedComments()).isEqualTo(200);
	}

	@Test
	void aFreshGuestsFirstCommentOnTheDemosBiggestArticleIsPosted() {
		assertFirstCommentIsPosted(RIVER, "Ani from Gyumri", "My grandmother crossed this river in 1947 — שלום 🌊");
	}

	@Test
	void aFreshGuestsFirstCommentOnATwoHundredCommentArticleIsPosted() {
		assertFirstCommentIsPosted(big.path(), "Oğuzhan Çelik", "The dam will need a second lock, surely?");
	}

	@Test
	void aFreshGuestsFirstReplyFromTheReplyPageIsPosted() {
		Http guest = new Http(port);
		Document article = page(guest, big.path());
		String replyPage = article.select(".comment-actions a[href$=/reply]").first().attr("href");

		HttpResponse<String> posted = guest.submit(replyPage, "form#comment-form",
				Map.of("authorName", "Chana", "body", "Two locks, and a gate for the fishing boats."));

		assertThat(shownAfter(guest, posted).select(".comment-body").text()).contains("a gate for the fishing boats");
	}

	@Test
	void aGuestsPageCarriesNoTokenAndSetsNoCookieSoEveryGuestGetsTheSamePage() {
		HttpResponse<String> first = new Http(port).get(RIVER);
		HttpResponse<String> second = new Http(port).get(RIVER);

		assertThat(first.headers().allValues("Set-Cookie")).isEmpty();
		assertThat(Jsoup.parse(first.body()).select("input[name=_csrf]")).isEmpty();
		assertThat(second.body()).isEqualTo(first.body());
	}

	@Test
	void aFreshGuestEmailsTheLongArticleToAFriendFromTheLinkOnIt() {
		Http guest = new Http(port);
		String friend = Readers.uniqueEmail("friend");
		Element link = page(guest, big.path()).selectFirst("p.email-friend a");

		HttpResponse<String> sent = guest.submit(link.attr("href"), "form.account-form",
				Map.of("to", friend, "name", "Leyla Məmmədova", "note", "Read this one 👀"));

		assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
		assertThat(Jsoup.parse(sent.body()).select("h1").text()).isEqualTo("Sent");
		assertThat(mailbox.count(friend)).isEqualTo(1);
	}

	@Test
	void aFreshGuestAsksForTheNewsletterAfterReadingTheLongArticle() {
		Http guest = new Http(port);
		String reader = Readers.uniqueEmail("subscriber");
		page(guest, big.path());

		HttpResponse<String> asked = guest.submit("/newsletter", "form[action=/newsletter]", Map.of("email", reader));

		assertThat(asked.statusCode()).as(asked.body()).isEqualTo(302);
		assertThat(asked.headers().firstValue("Location").orElseThrow()).endsWith("/newsletter?done=requested");
		assertThat(mailbox.count(reader)).isEqualTo(1);
	}

	@Test
	void aReaderSignsInFromTheLongPagesHeaderThenCommentsAndReportsThere() {
		Readers.Reader member = readers.join("Yael from Haifa");
		Readers.Reader other = readers.join("Rustam from Baku");
		long theirs = comments.importComment(big.id(), null, other.displayName(), "A comment to report.",
				CommentStatus.PUBLISHED, Instant.parse("2026-11-28T09:00:00Z"));
		Http browser = new Http(port);
		String signIn = page(browser, big.path()).selectFirst("nav.account-nav a[href^=/sign-in]").attr("href");

		HttpResponse<String> signedIn = browser.submit(signIn, "form[action=/sign-in]",
				Map.of("email", member.email(), "password", member.password()));
		assertThat(signedIn.statusCode()).isEqualTo(302);

		HttpResponse<String> posted = browser.submit(big.path(), "form#comment-form",
				Map.of("body", "Signed in at last, and straight to the point."));
		assertThat(shownAfter(browser, posted).select(".comment-body").text()).contains("straight to the point");

		HttpResponse<String> reported = browser.submit(big.path() + "/comments/" + theirs + "/report",
				"form.account-form", Map.of("reason", "spam"));
		assertThat(reported.statusCode()).as(reported.body()).isEqualTo(200);
		assertThat(reported.body()).doesNotContain("form-error");
	}

	@Test
	void aMemberBackAfterTheirSessionEndedIsSignedInByRememberMeAndCommentsFromTheLongPage() {
		Readers.Reader member = readers.join("Returning Rena");
		Http lastWeek = new Http(port);
		lastWeek.postForm("/sign-in", Map.of("email", member.email(), "password", member.password(), "remember-me", "true"));
		Http today = new Http(port);
		today.setCookie("gazette-remember-me", lastWeek.cookie("gazette-remember-me").orElseThrow());

		HttpResponse<String> posted = today.submit(big.path(), "form#comment-form",
				Map.of("body", "Back after a week away: the walkway plans look better now."));

		assertThat(shownAfter(today, posted).select(".comment-author").eachText()).contains("Returning Rena");
	}

	@Test
	void aReaderWhoseTokenWentStaleGetsTheirCommentBackAndSendsItAgain() {
		Readers.Reader member = readers.join("Stale Page Sami");
		Http browser = Http.signedInAs(port, member);
		Document openTab = page(browser, big.path());
		// Signing in again elsewhere in the same browser gives it a new token; the open tab still has the old one.
		browser.signIn(member.email(), member.password());

		long before = discussions.discussion(big.id()).version();

		HttpResponse<String> refused = browser.submit(openTab, "form#comment-form",
				Map.of("body", "A long thought I would hate to type again: ראשון, ikinci, third."));

		assertThat(refused.statusCode()).isEqualTo(403);
		Document answer = Jsoup.parse(refused.body(), "http://localhost:" + port + big.path());
		assertThat(answer.select("h1").text()).isEqualTo("Please send that again");
		assertThat(answer.select("form textarea, form input[type=text]").eachAttr("name")).contains("body");
		assertThat(answer.select("form").html()).contains("A long thought I would hate to type again: ראשון, ikinci, third.");
		assertThat(discussions.discussion(big.id()).version()).as("nothing stored yet").isEqualTo(before);

		HttpResponse<String> sentAgain = browser.submit(answer, "main form", Map.of());

		assertThat(shownAfter(browser, sentAgain).select(".comment-body").text()).contains("ראשון, ikinci, third.");
	}

	@Test
	void aGuestCommentForgedOnAnotherSiteIsRefusedWithoutASecondChance() {
		Http guest = new Http(port);
		long before = discussions.discussion(big.id()).version();

		HttpResponse<String> forged = guest.postFormWithoutCsrf(big.path() + "/comments",
				Map.of("authorName", "Forger", "body", "Buy cheap watches"));

		assertThat(forged.statusCode()).isEqualTo(403);
		Document answer = Jsoup.parse(forged.body());
		assertThat(answer.select("h1").text()).isEqualTo("That form came from another site");
		assertThat(answer.select("main form")).isEmpty();
		assertThat(forged.body()).doesNotContain("Buy cheap watches");
		assertThat(discussions.discussion(big.id()).version()).isEqualTo(before);
	}

	@Test
	void noHeaderOrCookieIsSetTooLateOnTheLongestPages() {
		Readers.Reader member = readers.join("Header Watcher");
		Http guest = new Http(port);
		Http signedIn = Http.signedInAs(port, member);
		String thread = page(guest, big.path()).selectFirst("ol.threads > li.comment").id().substring("comment-".length());
		for (String path : List.of("/", RIVER, big.path(), big.path() + "?csort=newest", big.path() + "/threads/" + thread,
				big.path() + "/comments/" + thread + "/reply", "/sections/" + BrowsingGazette.SECTION)) {
			assertThat(guest.get(path).statusCode()).as(path).isEqualTo(200);
			HttpResponse<String> page = signedIn.get(path);
			assertThat(page.statusCode()).as(path).isEqualTo(200);
			assertThat(Jsoup.parse(page.body()).select("input[name=_csrf]")).as(path).isNotEmpty();
		}

		assertThat(meters.find("gazette.http.late.headers").counters()).extracting(Counter::count)
			.as("headers the container dropped because the page had started").allMatch(count -> count == 0);
	}

	private void assertFirstCommentIsPosted(String path, String name, String text) {
		Http guest = new Http(port);

		HttpResponse<String> posted = guest.submit(path, "form#comment-form", Map.of("authorName", name, "body", text));

		assertThat(posted.headers().firstValue("Location").orElseThrow()).matches(".*" + path + "/comments/\\d+");
		Document page = shownAfter(guest, posted);
		assertThat(page.select("li.comment .comment-body").text()).contains(text);
		assertThat(page.select("li.comment .comment-author").eachText()).contains(name);
	}

	/**
	 * The page a posted comment's answer leads to, as a browser follows it: the comment's permalink, then the page
	 * of the discussion that shows it (page 2 of a 60-thread discussion for a new thread).
	 */
	private Document shownAfter(Http client, HttpResponse<String> posted) {
		assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
		HttpResponse<String> permalink = client.follow(posted);
		assertThat(permalink.statusCode()).isEqualTo(302);
		String location = permalink.headers().firstValue("Location").orElseThrow();
		String path = location.replaceFirst("^https?://[^/]+", "").replaceFirst("#.*$", "");
		return page(client, path);
	}

	private Document page(Http client, String path) {
		HttpResponse<String> response = client.get(path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return Jsoup.parse(response.body(), "http://localhost:" + port + path);
	}
}
