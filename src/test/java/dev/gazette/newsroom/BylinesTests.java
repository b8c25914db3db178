package dev.gazette.newsroom;

import java.net.http.HttpResponse;
import java.util.List;

import dev.gazette.account.AccountAdministration;
import dev.gazette.account.Accounts;
import dev.gazette.account.Registration;
import dev.gazette.account.Role;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.article.Author;
import dev.gazette.article.Slugs;
import dev.gazette.newsroom.Desk.Writer;
import dev.gazette.newsroom.EditorPages.Person;
import dev.gazette.support.Json;
import dev.gazette.support.Mailbox;
import dev.gazette.support.Newsroom;
import dev.gazette.support.Readers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.gazette.newsroom.Desk.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A contributor may put only their own byline on a piece; an editor may put anyone's, and the contributor keeps
 * working on a piece with the bylines the editor gave it. The rule is the workflow's, so the API and the editor's
 * form refuse alike, and nothing changes when they do.
 */
@NewsroomGazette
class BylinesTests {

	@Autowired
	Accounts accounts;

	@Autowired
	Registration registration;

	@Autowired
	AccountAdministration administration;

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	Desk desk;

	Writer editor;

	Writer cleo;

	Author hers;

	Author colleague;

	@BeforeEach
	void aContributorWithHerOwnBylineAndAColleague() {
		Readers readers = new Readers(registration, accounts, administration, new Mailbox(jdbc));
		desk = new Desk(port, readers);
		editor = desk.join("Ed Itor", Role.EDITOR);
		cleo = desk.join("Cleo Türk", Role.CONTRIBUTOR);
		hers = catalog.addAuthor(Slugs.of("Cleo Türk") + "-" + cleo.id(), "Cleo Türk", null, null, null, cleo.id());
		colleague = new Newsroom(catalog).author("Dana Colleague");
	}

	@Test
	void aContributorBylinesAPieceWithHerOwnName() {
		long id = desk.start(cleo, "headline", Newsroom.unique("Ferries in winter"), "authors", List.of(hers.slug()));

		assertThat(authors(desk.piece(editor, id))).containsExactly(hers.slug());
	}

	@Test
	void aContributorCannotStartAPieceUnderSomeoneElsesName() {
		long before = pieces();

		HttpResponse<String> refused = desk.call(cleo, "POST", "",
				Json.object("headline", "Borrowed name", "authors", List.of(hers.slug(), colleague.slug())));

		assertProblem(refused, 403);
		assertThat(Json.read(refused).get("errors").get(0).get("field").asString()).isEqualTo("authors");
		assertThat(Json.read(refused).get("detail").asString()).contains("only their own byline");
		assertThat(pieces()).as("no piece was started").isEqualTo(before);
	}

	@Test
	void aContributorCannotAddAColleaguesBylineButKeepsAndReordersTheOnesAnEditorGave() {
		long id = desk.start(cleo, "headline", Newsroom.unique("Harbour cranes"), "authors", List.of(hers.slug()));
		HttpResponse<String> added = desk.call(cleo, "PATCH", "/" + id,
				Json.object("authors", List.of(hers.slug(), colleague.slug())));
		assertProblem(added, 403);
		assertThat(authors(desk.piece(editor, id))).as("unchanged").containsExactly(hers.slug());

		HttpResponse<String> byEditor = desk.call(editor, "PATCH", "/" + id,
				Json.object("authors", List.of(hers.slug(), colleague.slug())));
		assertThat(byEditor.statusCode()).as(byEditor.body()).isEqualTo(200);

		HttpResponse<String> reordered = desk.call(cleo, "PATCH", "/" + id,
				Json.object("standfirst", "Two cranes, one quay.", "authors", List.of(colleague.slug(), hers.slug())));
		assertThat(reordered.statusCode()).as(reordered.body()).isEqualTo(200);
		assertThat(authors(desk.piece(editor, id))).containsExactly(colleague.slug(), hers.slug());

		HttpResponse<String> removed = desk.call(cleo, "PATCH", "/" + id, Json.object("authors", List.of(hers.slug())));
		assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
		assertProblem(desk.call(cleo, "PATCH", "/" + id, Json.object("authors", List.of(hers.slug(), colleague.slug()))),
				403);
	}

	@Test
	void aContributorWithoutAnAuthorProfileIsToldToLeaveTheBylineToAnEditor() {
		Writer newcomer = desk.join("Nina Newcomer", Role.CONTRIBUTOR);

		HttpResponse<String> refused = desk.call(newcomer, "POST", "",
				Json.object("headline", "First piece", "authors", List.of(colleague.slug())));

		assertProblem(refused, 403);
		assertThat(Json.read(refused).get("detail").asString()).contains("no author profile");
		assertThat(desk.call(newcomer, "POST", "", Json.object("headline", "First piece")).statusCode()).isEqualTo(201);
	}

	@Test
	void authorsAndEditorsBylineAnyone() {
		Writer avi = desk.join("Avi Author", Role.AUTHOR);
		long id = desk.start(avi, "headline", Newsroom.unique("Two names on the quay"), "authors", List.of(colleague.slug(), hers.slug()));
		assertThat(authors(desk.piece(editor, id))).containsExactly(colleague.slug(), hers.slug());
	}

	@Test
	void theEditorsFormOffersAContributorHerOwnBylineAndRefusesAForgedOneOnThePage() {
		EditorPages pages = new EditorPages(port, new Readers(registration, accounts, administration, new Mailbox(jdbc)));
		Person otto = pages.join("Otto Contributor", Role.CONTRIBUTOR);
		Author his = catalog.addAuthor(Slugs.of("Otto Contributor") + "-" + otto.id(), "Otto Contributor", null, null, null,
				otto.id());
		Document blank = otto.page("/admin/articles/new");
		assertThat(blank.select("#author-1 option").eachAttr("value")).containsExactly("", his.slug());

		long before = pieces();
		HttpResponse<String> forged = otto.browser().postForm("/admin/articles", otto.form(blank, "headline",
				"Night buses — ночные автобусы", "authors", colleague.slug()));

		assertThat(forged.statusCode()).isEqualTo(403);
		Document page = Jsoup.parse(forged.body());
		assertThat(page.getElementById("authors-error").text()).contains("only their own byline");
		assertThat(page.getElementById("headline").val()).as("the writer's text stays").isEqualTo("Night buses — ночные автобусы");
		assertThat(pieces()).isEqualTo(before);
	}

	@Test
	void onlyWritersPreview() {
		EditorPages pages = new EditorPages(port, new Readers(registration, accounts, administration, new Mailbox(jdbc)));
		Person reader = pages.join("Rita Reader");
		assertThat(reader.browser().postForm("/admin/articles/preview/page", java.util.Map.of("headline", "Mine")).statusCode())
			.isEqualTo(403);
		assertThat(reader.browser().postForm("/admin/articles/preview", java.util.Map.of("bodyMarkdown", "x")).statusCode())
			.isEqualTo(403);
		assertThat(reader.browser().get("/admin/articles/media").statusCode()).isEqualTo(403);
	}

	private static List<String> authors(JsonNode piece) {
		return piece.get("authors").valueStream().map(author -> author.isObject() ? author.get("slug").asString()
				: author.asString()).toList();
	}

	private long pieces() {
		return jdbc.sql("select count(*) from article").query(Long.class).single();
	}
}
