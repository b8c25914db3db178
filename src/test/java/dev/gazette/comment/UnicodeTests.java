package dev.gazette.comment;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import dev.gazette.article.ArticleCatalog;
import dev.gazette.support.Http;
import dev.gazette.support.Json;
import dev.gazette.support.Newsroom;
import dev.gazette.support.Newsroom.Published;
import dev.gazette.support.RunningGazette;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.gazette.support.Json.object;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readers write in their own languages: names and comments come back exactly as written, byte for byte, through
 * the API and through the HTML form. (The sanitiser may write a character as a character reference in the HTML;
 * what the reader sees, and what is stored, must be identical to what they typed.)
 */
@RunningGazette
class UnicodeTests {

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	Comments comments;

	@Autowired
	Discussions discussions;

	@LocalServerPort
	int port;

	Http http;

	Published article;

	@BeforeEach
	void publishAnArticle() {
		http = new Http(port);
		article = new Newsroom(catalog).article().publish();
	}

	static Stream<Arguments> writing() {
		return Stream.of(Arguments.of("Turkish", "Gökçe Işıkoğlu", "İstanbul'da ışık"),
				Arguments.of("Azerbaijani", "Rəşad Əliyev", "ə ğ ı ö ü ş ç Ə Ğ I Ö Ü Ş Ç"),
				Arguments.of("Hebrew", "מיכל", "שלום עליכם"),
				Arguments.of("Hebrew with numbers and Latin", "מיכל כהן-Levi", "נפגשנו ב-22 ביולי 2018, ב־Gazette."),
				Arguments.of("emoji", "Ayelet 👍🏽", "👍🏽 🇮🇱 🇹🇷 👨‍👩‍👧"),
				Arguments.of("combining marks, not normalised", "Zoe\u0308 Ne\u0301meth", "cafe\u0301 vs café"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("writing")
	void roundTripsThroughTheApi(String language, String name, String body) {
		HttpResponse<String> posted = http.postJson("/api/v1/articles/" + article.slug() + "/comments",
				object("authorName", name, "body", body));
		assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
		assertThat(posted.headers().firstValue("Content-Type").orElseThrow()).containsIgnoringCase("json");

		JsonNode tree = Json.read(http.getJson("/api/v1/articles/" + article.slug() + "/comments"));

		JsonNode comment = tree.get(0);
		assertSameBytes(comment.get("authorName").asString(), name);
		assertSameBytes(Jsoup.parse(comment.get("bodyHtml").asString()).body().text(), body);
		Comment stored = discussions.discussion(article.id()).tree(DiscussionSort.OLDEST).get(0).comment();
		assertSameBytes(stored.authorName(), name);
		assertSameBytes(stored.body(), body);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("writing")
	void roundTripsThroughTheHtmlFormIntoThePage(String language, String name, String body) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("authorName", name);
		form.put("body", body);
		HttpResponse<String> posted = http.postForm(article.path() + "/comments", form);
		assertThat(posted.statusCode()).as(posted.body()).isIn(302, 303);
		String permalink = posted.headers().firstValue("Location").orElseThrow();
		String id = permalink.substring(permalink.lastIndexOf('/') + 1);

		HttpResponse<String> page = http.get(article.path());

		assertThat(page.headers().firstValue("Content-Type").orElseThrow()).containsIgnoringCase("charset=UTF-8");
		Element comment = Jsoup.parse(page.body()).getElementById("comment-" + id);
		assertSameBytes(comment.selectFirst(".comment-author").text(), name);
		assertSameBytes(comment.selectFirst(".comment-body").text(), body);
		assertThat(page.body()).as("names are written as they are").contains(name);
	}

	private static void assertSameBytes(String actual, String expected) {
		assertThat(actual.getBytes(StandardCharsets.UTF_8)).as("UTF-8 of \"%s\"", actual)
			.isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
	}
}
