package dev.gazette.comment;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import dev.gazette.account.AccountAdministration;
import dev.gazette.account.Accounts;
import dev.gazette.account.Registration;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.comment.internal.GuestNames;
import dev.gazette.publication.Publications;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A guest cannot comment under a member's or a writer's name, nor under one that only looks like it, nor as the
 * publication's staff (issue 15). Every name here is made unique per test with a word of letters, because the
 * accounts of other tests share the database.
 */
@RunningGazette
class GuestNamesTests {

	@Autowired
	Accounts accounts;

	@Autowired
	Registration registration;

	@Autowired
	AccountAdministration administration;

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	Comments comments;

	@Autowired
	Discussions discussions;

	@Autowired
	Publications publications;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	Http http;

	Published article;

	String family;

	@BeforeEach
	void anArticle() {
		http = new Http(port);
		article = new Newsroom(catalog).article().publish();
		// Letters only, so that no two tests' names look alike: "Məmmədova" + "qxkz…".
		family = UUID.randomUUID().toString().replaceAll("[^a-f]", "").replace('a', 'q').replace('b', 'x')
			.replace('c', 'k').replace('d', 'z').replace('e', 'w').replace('f', 'j');
	}

	@Test
	void aGuestCannotTakeAWritersNameInAnyDisguise() {
		String writer = "Leyla Məmmədova" + family;
		new Newsroom(catalog).author(writer);

		for (String disguise : new String[] { writer, writer.toUpperCase(), "leyla mammadova" + family,
				"Leyla Mәmmәdova" + family /* Cyrillic schwas */, "L\u0435yla Məmmədova" + family /* Cyrillic e */,
				"Ley\u200Bla Məmmədova" + family /* zero-width space */, " Leyla  Məmmədova" + family + " " }) {
			JsonNode problem = refusedThroughTheApi(disguise);
			assertThat(problem.get("errors").get(0).get("message").asString()).as(disguise)
				.isEqualTo(GuestNames.TAKEN);
		}
	}

	@Test
	void aGuestCannotTakeAMembersName() {
		Reader member = new Readers(registration, accounts, administration, new Mailbox(jdbc)).join("Oğuz Türk" + family);

		JsonNode problem = refusedThroughTheApi("Oguz Turk" + family);

		assertThat(problem.get("errors").get(0).get("message").asString()).isEqualTo(GuestNames.TAKEN);
		assertThat(member.displayName()).isEqualTo("Oğuz Türk" + family);
	}

	@Test
	void wordsKeptForStaffAndThePublicationsNameAreRefusedToGuests() {
		String publication = publications.current().name();
		for (String name : new String[] { "Moderator", "The Editor", "ADMIN", "M\u043Ederator", publication + " desk" }) {
			JsonNode problem = refusedThroughTheApi(name);
			assertThat(problem.get("errors").get(0).get("message").asString()).as(name).isEqualTo(GuestNames.RESERVED);
		}
	}

	@Test
	void aNameThatOnlyResemblesAMembersIsFine() {
		new Newsroom(catalog).author("Leyla Məmmədova" + family);

		HttpResponse<String> response = http.postJson("/api/v1/articles/" + article.slug() + "/comments",
				Json.object("authorName", "Leyla Məmmədli" + family, "body", "Thank you for the piece on the ferry."));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		assertThat(Json.read(response).get("authorName").asString()).isEqualTo("Leyla Məmmədli" + family);
	}

	@Test
	void theFormIsShownAgainWithTheNameMarkedAndTheCommentKept() {
		new Newsroom(catalog).author("Dalia Kohen" + family);

		HttpResponse<String> response = http.postForm(article.path() + "/comments",
				Map.of("authorName", "Dalia Kohen" + family, "body", "Which harbour does the ferry leave from?"));

		assertThat(response.statusCode()).isEqualTo(400);
		Document page = Jsoup.parse(response.body());
		assertThat(page.selectFirst("#authorName-error").text()).isEqualTo(GuestNames.TAKEN);
		assertThat(page.selectFirst("input[name=authorName]").attr("aria-invalid")).isEqualTo("true");
		assertThat(page.selectFirst("textarea[name=body]").text()).isEqualTo("Which harbour does the ferry leave from?");
		assertThat(discussions.discussion(article.id()).publishedComments()).isZero();
	}

	@Test
	void aMemberCommentsUnderTheirOwnNameAsAlways() {
		Reader member = new Readers(registration, accounts, administration, new Mailbox(jdbc)).join("Moderator Fan " + family);
		Http browser = Http.signedInAs(port, member);

		HttpResponse<String> response = browser.postForm(article.path() + "/comments",
				Map.of("body", "Signed in, under the name I chose."));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
		assertThat(discussions.discussion(article.id()).publishedComments()).isEqualTo(1);
	}

	private JsonNode refusedThroughTheApi(String name) {
		HttpResponse<String> response = http.postJson("/api/v1/articles/" + article.slug() + "/comments",
				Json.object("authorName", name, "body", "I was at the harbour when the ferry came in."));
		JsonNode problem = CommentApiTests.assertProblem(response, 400);
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("authorName");
		assertThat(discussions.discussion(article.id()).publishedComments()).as(name).isZero();
		return problem;
	}
}
