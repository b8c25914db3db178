package dev.gazette.browser;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import dev.gazette.account.AccountAdministration;
import dev.gazette.account.Accounts;
import dev.gazette.account.Passwords;
import dev.gazette.account.Profiles;
import dev.gazette.account.Registration;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.browser.NuHtmlChecker.Message;
import dev.gazette.browser.SitePages.Kind;
import dev.gazette.comment.Commenting;
import dev.gazette.comment.Comments;
import dev.gazette.comment.Discussions;
import dev.gazette.media.MediaLibrary;
import dev.gazette.newsroom.Workflow;
import dev.gazette.support.Http;
import dev.gazette.support.Mailbox;
import dev.gazette.support.Newsroom.Published;
import dev.gazette.support.Readers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of page, a guest's, a signed-in reader's or an admin's, is valid HTML as the Nu Html Checker (vnu) sees
 * it: no errors, as served. Needs no browser, so it runs everywhere.
 */
@BrowsingGazette
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HtmlValidityTests {

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	Comments comments;

	@Autowired
	Commenting commenting;

	@Autowired
	Discussions discussions;

	@Autowired
	Accounts accounts;

	@Autowired
	Registration registration;

	@Autowired
	Profiles profiles;

	@Autowired
	Passwords passwords;

	@Autowired
	AccountAdministration administration;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MediaLibrary media;

	@Autowired
	UserDetailsService users;

	@Autowired
	Workflow workflow;

	@LocalServerPort
	int port;

	Http http;

	SitePages pages;

	@BeforeAll
	void publishOneOfEveryKindOfPage() {
		http = new Http(port);
		Mailbox mailbox = new Mailbox(jdbc);
		pages = SitePages.publish(catalog, comments, commenting, discussions, profiles, passwords, new Readers(registration, accounts, administration, mailbox), mailbox,
				port, media, users, workflow);
	}

	@ParameterizedTest(name = "the {0}")
	@EnumSource(Kind.class)
	void theCheckerFindsNoErrorsOn(Kind kind) {
		HttpResponse<String> page = visitorOf(kind).get(pages.path(kind));

		assertThat(page.statusCode()).isEqualTo(kind.status());
		assertValid(page.body(), "the " + kind);
	}

	@Test
	void theCheckerFindsNoErrorsOnARefusedCommentShownAgain() {
		Published article = new DemoNewsroom(catalog, comments).article("Harbour ferry timetable changes");

		HttpResponse<String> page = http.postForm(article.path() + "/comments", Map.of("authorName", "Ani", "body", " "));

		assertThat(page.statusCode()).isEqualTo(400);
		assertValid(page.body(), "the refused comment page");
	}

	@Test
	void theCheckerFindsNoErrorsOnAFormRefusedForAStaleTokenOrAsAForgery() {
		Published article = new DemoNewsroom(catalog, comments).article("Harbour pilots strike for a day");
		Http reader = visitorOf(Kind.ARTICLE_SIGNED_IN);

		HttpResponse<String> stale = reader.postForm(article.path() + "/comments",
				Map.of("_csrf", "stale", "body", "Line one of my comment,\nand line two."));
		HttpResponse<String> forged = new Http(port).postFormWithoutCsrf(article.path() + "/comments",
				Map.of("authorName", "Forger", "body", "Forged"));

		assertThat(stale.statusCode()).isEqualTo(403);
		assertValid(stale.body(), "the page of a form refused for its stale token");
		assertThat(forged.statusCode()).isEqualTo(403);
		assertValid(forged.body(), "the page of a forged form");
	}

	@Test
	void theCheckerItselfReportsErrorsInInvalidHtml() {
		List<Message> messages = NuHtmlChecker.check(
				"<!DOCTYPE html><html lang=\"en\"><head><title>t</title></head><body><ul><p>not a list item</p></ul></body></html>");

		assertThat(messages).filteredOn(Message::isError).isNotEmpty();
	}

	/** A client signed in as whoever the page is for, or a guest's. */
	private Http visitorOf(Kind kind) {
		return pages.account(kind).map(account -> Http.signedInAs(port, account)).orElseGet(() -> new Http(port));
	}

	private static void assertValid(String html, String where) {
		List<Message> messages = NuHtmlChecker.check(html);
		messages.stream().filter(message -> !message.isError()).forEach(message -> System.out.println("vnu, " + where + ": " + message));
		assertThat(messages).as("Nu Html Checker errors on " + where).filteredOn(Message::isError).isEmpty();
	}
}
