package dev.gazette.browser;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.gazette.account.AccountAdministration;
import dev.gazette.account.Accounts;
import dev.gazette.account.Registration;
import dev.gazette.account.Role;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.browser.Axe.Violation;
import dev.gazette.browser.NuHtmlChecker.Message;
import dev.gazette.comment.CommentDraft;
import dev.gazette.comment.CommentStatus;
import dev.gazette.comment.Commenter;
import dev.gazette.comment.Commenting;
import dev.gazette.comment.Comments;
import dev.gazette.comment.Picks;
import dev.gazette.support.Http;
import dev.gazette.support.Mailbox;
import dev.gazette.support.Newsroom.Published;
import dev.gazette.support.Readers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In Chromium, with scripts and without: a reader recommends a comment and takes it back, and lands at the comment
 * each time; the discussion with badges, counts, the Featured section and the buttons of readers and moderators
 * passes axe-core and the Nu Html Checker.
 */
@BrowsingGazette
@ExtendWith(Chromium.class)
class RecommendingInTheBrowserTests {

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	Comments comments;

	@Autowired
	Commenting commenting;

	@Autowired
	Picks picks;

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

	Readers readers;

	Published article;

	Readers.Reader moderator;

	long comment;

	@BeforeEach
	void aFeaturedCommentByAMember() {
		readers = new Readers(registration, accounts, administration, new Mailbox(jdbc));
		article = new DemoNewsroom(catalog, comments).article("Tide gauges go online along the quay");
		Readers.Reader member = readers.join("Ingeborg Achterberg-Diallo");
		comment = commenting.submit(article.slug(), new CommentDraft("The gauges at the old pier read high.", null),
				new Commenter(member.id(), member.displayName(), null)).stored().orElseThrow().id();
		comments.importComment(article.id(), null, "Quayside Wanderer", "A guest's view from the ferry.",
				CommentStatus.PUBLISHED, Instant.parse("2026-10-01T08:00:00Z"));
		moderator = readers.join("Rosamund Achebe-Virtanen", Role.MODERATOR);
		picks.feature(comment, true, moderator.id());
	}

	@ParameterizedTest(name = "scripts on: {0}")
	@ValueSource(booleans = { true, false })
	void aReaderRecommendsACommentAndTakesItBack(boolean scripts, Browser browser) {
		Readers.Reader reader = readers.join("Evander Nakashima-Bloom");
		try (Reader person = scripts ? Reader.at(browser, port, Viewport.DESKTOP)
				: Reader.withoutJavaScript(browser, port, Viewport.DESKTOP)) {
			Page page = person.page();
			person.signIn(reader.email(), reader.password());
			person.visit(article.path());
			Locator shown = page.locator("#comment-" + comment);

			shown.getByRole(AriaRole.BUTTON,
					new Locator.GetByRoleOptions().setName("Recommend the comment by Ingeborg Achterberg-Diallo"))
				.click();

			assertThat(page).hasURL(Pattern.compile(".*#comment-" + comment + "$"));
			assertThat(shown.locator(".recommendation-count")).hasText("1 recommendation");
			Locator pressed = shown.locator(".recommend-button");
			assertThat(pressed).hasAttribute("aria-pressed", "true");

			pressed.click();

			assertThat(page).hasURL(Pattern.compile(".*#comment-" + comment + "$"));
			assertThat(shown.locator(".recommendation-count")).hasCount(0);
			assertThat(shown.locator(".recommend-button")).hasAttribute("aria-pressed", "false");
			assertThat(person.problems()).isEmpty();
		}
	}

	@Test
	void theDiscussionWithBadgesCountsAndPicksPassesAxeForGuestsReadersAndModerators(Browser browser) {
		for (Readers.Reader viewer : new Readers.Reader[] { null, readers.join("Cordelia Ferreira-Lund"), moderator }) {
			for (Viewport viewport : Viewport.values()) {
				try (Reader person = Reader.forInjectedChecks(browser, port, viewport)) {
					if (viewer != null) {
						person.signIn(viewer.email(), viewer.password());
					}
					person.visit(article.path());
					assertThat(person.page().locator(".featured-comments")).isVisible();
					List<Violation> violations = Axe.check(person.page());
					assertThat(violations).as("axe on the discussion for %s on a %s",
							viewer == null ? "a guest" : viewer.displayName(), viewport)
						.filteredOn(Violation::seriousOrWorse)
						.isEmpty();
				}
			}
		}
	}

	@Test
	void theDiscussionAndTheRefusalPageAreValidHtml() {
		Http guest = new Http(port);
		Http moderatorsBrowser = Http.signedInAs(port, moderator);
		Readers.Reader member = readers.join("Thaddeus Okoro-Lindgren");
		Http membersBrowser = Http.signedInAs(port, member);
		long own = commenting.submit(article.slug(), new CommentDraft("My own, not to be recommended by me.", null),
				new Commenter(member.id(), member.displayName(), null)).stored().orElseThrow().id();
		HttpResponse<String> refused = membersBrowser.postForm(article.path() + "/comments/" + own + "/recommendation",
				Map.of("action", "recommend"));
		assertThat(refused.statusCode()).isEqualTo(403);

		assertValid(guest.get(article.path()).body(), "the discussion for a guest");
		assertValid(membersBrowser.get(article.path()).body(), "the discussion for a signed-in reader");
		assertValid(moderatorsBrowser.get(article.path()).body(), "the discussion for a moderator");
		assertValid(refused.body(), "the page of a refused recommendation");
	}

	private static void assertValid(String html, String where) {
		List<Message> messages = NuHtmlChecker.check(html);
		assertThat(messages).as("Nu Html Checker errors on " + where).filteredOn(Message::isError).isEmpty();
	}
}
