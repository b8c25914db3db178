package dev.gazette.newsroom;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import dev.gazette.account.AccountAdministration;
import dev.gazette.account.Accounts;
import dev.gazette.account.Registration;
import dev.gazette.account.Role;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.article.Author;
import dev.gazette.article.MarkdownNesting;
import dev.gazette.newsroom.Desk.Writer;
import dev.gazette.support.Http;
import dev.gazette.support.Json;
import dev.gazette.support.Mailbox;
import dev.gazette.support.MutableClock;
import dev.gazette.support.Newsroom;
import dev.gazette.support.Newsroom.Published;
import dev.gazette.support.Readers;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.gazette.newsroom.Desk.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each kind of bad request is refused with problem JSON naming what is wrong, and changes nothing: not the piece, not
 * its revisions, notes or slug history, and no new article.
 */
@NewsroomGazette
class NewsroomBadInputTests {

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

	@Autowired
	MutableClock clock;

	@LocalServerPort
	int port;

	Desk desk;

	Writer editor;

	Writer outsider;

	Author byline;

	long piece;

	String otherSlug;

	@BeforeEach
	void aPieceAndAnotherOne() {
		desk = new Desk(port, new Readers(registration, accounts, administration, new Mailbox(jdbc)));
		editor = desk.join("Ed Itor", Role.EDITOR);
		outsider = desk.join("Cora Contributor", Role.CONTRIBUTOR);
		Newsroom newsroom = new Newsroom(catalog);
		byline = newsroom.author("Bea Byline");
		piece = desk.start(editor, "headline", Newsroom.unique("Careful input"), "authors", List.of(byline.slug()),
				"bodyMarkdown", "Line one.");
		otherSlug = newsroom.article().publish().slug();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			a slug another article has            | PATCH | /ID          | {"slug":"OTHER"}                     | 409 | slug
			a new piece with a taken slug         | POST  | ''           | {"headline":"x","slug":"OTHER"}      | 409 | slug
			a slug that is not one                | PATCH | /ID          | {"slug":"Not A Slug"}                | 400 | slug
			an unknown section                    | PATCH | /ID          | {"section":"no-such-section"}        | 400 | section
			an unknown author                     | PATCH | /ID          | {"authors":["no-such-author"]}       | 400 | authors
			an unknown author on a new piece      | POST  | ''           | {"headline":"x","authors":["nobody"]}| 400 | authors
			a body over 200,000 characters        | PATCH | /ID          | LONG_BODY                            | 400 | bodyMarkdown
			a body of 12,000 block quotes         | PATCH | /ID          | DEEP_QUOTES                          | 400 | bodyMarkdown
			a body of lists nested 12,000 deep    | PATCH | /ID          | DEEP_LISTS                           | 400 | bodyMarkdown
			a new piece with numbered lists nested| POST  | ''           | DEEP_NUMBERS                         | 400 | bodyMarkdown
			a body with emphasis nested 6,000 deep| PATCH | /ID          | DEEP_EMPHASIS                        | 400 | bodyMarkdown
			a body with lists nested by indenting | PATCH | /ID          | DEEP_INDENTS                         | 400 | bodyMarkdown
			a blank headline                      | PATCH | /ID          | {"headline":"   "}                   | 400 | headline
			a new piece without a headline        | POST  | ''           | {"standfirst":"x"}                   | 400 | headline
			a headline over 300 characters        | PATCH | /ID          | LONG_HEADLINE                        | 400 | headline
			a field that does not exist           | PATCH | /ID          | {"byline":"me"}                      | 400 | byline
			a field of the wrong type             | PATCH | /ID          | {"tags":"one"}                       | 400 | tags
			a kind that does not exist            | PATCH | /ID          | {"kind":"essay"}                     | 400 | kind
			a canonical address that is not one   | PATCH | /ID          | {"canonicalUrl":"javascript:x"}      | 400 | canonicalUrl
			a canonical address without a host    | PATCH | /ID          | {"canonicalUrl":"https://"}          | 400 | canonicalUrl
			a source link with a space in it      | PATCH | /ID          | {"source":{"name":"Wire","url":"https://x.org/a b"}} | 400 | source
			malformed JSON                        | PATCH | /ID          | {"headline":                         | 400 | ''
			scheduling in the past                | POST  | /ID/schedule | PAST                                 | 400 | at
			scheduling at no time                 | POST  | /ID/schedule | {"at":"next tuesday"}                | 400 | at
			a blank note                          | POST  | /ID/notes    | {"body":" "}                         | 400 | body
			an illegal transition                 | POST  | /ID/review   | ''                                   | 409 | ''
			unpublishing a draft                  | POST  | /ID/unpublish| ''                                   | 409 | ''
			a forbidden change                    | PATCH | /ID          | {"headline":"Mine now"}              | 403 | ''
			a forbidden publication               | POST  | /ID/publish  | ''                                   | 403 | ''
			an unknown piece                      | PATCH | /0           | {"headline":"x"}                     | 404 | ''
			""")
	void isRefusedAndChangesNothing(String what, String method, String path, String body, int status, String field) {
		String json = switch (body) {
			case "" -> null;
			case "LONG_BODY" -> Json.object("bodyMarkdown", "a".repeat(200_001));
			case "LONG_HEADLINE" -> Json.object("headline", "h".repeat(301));
			case "DEEP_QUOTES" -> Json.object("bodyMarkdown", ">".repeat(12_000));
			case "DEEP_LISTS" -> Json.object("bodyMarkdown", "- ".repeat(12_000) + "x");
			case "DEEP_NUMBERS" -> Json.object("headline", "x", "bodyMarkdown", "1. ".repeat(12_000) + "x");
			case "DEEP_EMPHASIS" -> Json.object("bodyMarkdown", "*a ".repeat(6_000) + "a*".repeat(6_000));
			case "DEEP_INDENTS" -> Json.object("bodyMarkdown", indentedLists(40));
			case "PAST" -> Json.object("at", clock.instant().minus(Duration.ofMinutes(1)).toString());
			default -> body.replace("OTHER", otherSlug);
		};
		Writer who = what.startsWith("a forbidden") ? outsider : editor;
		String before = everything();

		HttpResponse<String> response = desk.call(who, method, path.replace("ID", Long.toString(piece)), json);

		assertProblem(response, status);
		if (!field.isEmpty()) {
			JsonNode errors = Json.read(response).get("errors");
			assertThat(errors.findValuesAsString("field")).containsExactly(field);
		}
		assertThat(everything()).as("nothing changed").isEqualTo(before);
	}

	@Test
	void aPieceStoredNestedTooDeepIsShownAsTextAndBreaksNoPageThatListsIt() {
		Newsroom newsroom = new Newsroom(catalog);
		Author deep = newsroom.author("Dee Pnest");
		Published stored = newsroom.article().by(deep).body(">".repeat(12_000) + "\n\n" + "- ".repeat(12_000) + "x")
			.publish();
		Http reader = new Http(port);

		HttpResponse<String> page = reader.get(stored.path());

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(page.body()).select("blockquote")).isEmpty();
		assertThat(page.body()).contains("&gt;&gt;&gt;");
		for (String path : List.of("/api/v1/articles/" + stored.slug(), "/feeds/rss.xml", "/feeds/atom.xml",
				"/feeds/authors/" + deep.slug() + "/rss.xml", stored.path() + "/email", "/authors/" + deep.slug(), "/")) {
			assertThat(reader.get(path).statusCode()).as(path).isEqualTo(200);
		}
		assertThat(catalog.nestsTooDeep(">".repeat(MarkdownNesting.MAX_DEPTH))).isFalse();
		assertThat(catalog.nestsTooDeep(">".repeat(MarkdownNesting.MAX_DEPTH + 1))).isTrue();
	}

	private static String indentedLists(int levels) {
		StringBuilder text = new StringBuilder();
		for (int level = 0; level < levels; level++) {
			text.append("  ".repeat(level)).append("- level ").append(level).append('\n');
		}
		return text.toString();
	}

	/** Everything a refused request could have touched, as text. */
	private String everything() {
		return desk.piece(editor, piece).toString()
				+ jdbc.sql("select count(*) from article").query(Long.class).single()
				+ jdbc.sql("select count(*) from article_revision").query(Long.class).single()
				+ jdbc.sql("select count(*) from article_note").query(Long.class).single()
				+ jdbc.sql("select count(*) from article_slug_history").query(Long.class).single()
				+ jdbc.sql("select count(*) from tag").query(Long.class).single();
	}
}
