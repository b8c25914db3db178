package dev.gazette.comment;

import java.net.http.HttpResponse;
import java.util.Map;

import dev.gazette.article.ArticleCatalog;
import dev.gazette.support.Http;
import dev.gazette.support.Json;
import dev.gazette.support.Newsroom;
import dev.gazette.support.Newsroom.Published;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A publication that takes comments only from signed-in readers ({@code gazette.comments.guests-allowed=false}). */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "gazette.comments.guests-allowed=false")
class GuestCommentsNotAllowedTests {

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

	@Test
	void aGuestsCommentThroughTheApiIsForbiddenAndNotStored() {
		HttpResponse<String> response = http.postJson("/api/v1/articles/" + article.slug() + "/comments",
				Json.object("authorName", "Ayelet", "body", "Hello", "parentId", null));

		JsonNode problem = CommentApiTests.assertProblem(response, 403);
		assertThat(problem.get("detail").asString()).contains("sign in");
		assertNothingStored();
	}

	@Test
	void aGuestsCommentThroughTheFormIsForbiddenAndSaysWhy() {
		HttpResponse<String> response = http.postForm(article.path() + "/comments",
				Map.of("authorName", "Ayelet", "body", "Hello"));

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(Jsoup.parse(response.body()).selectFirst(".form-error").text()).contains("sign in");
		assertNothingStored();
	}

	@Test
	void theArticlePageOffersNoFormAndNoReplyLinksButSaysWhoMayComment() {
		comments.importComment(article.id(), null, "Staff", "An earlier comment", CommentStatus.PUBLISHED,
				java.time.Instant.parse("2018-07-01T10:00:00Z"));

		org.jsoup.nodes.Document page = Jsoup.parse(http.get(article.path()).body());

		assertThat(page.select("#comment-form")).isEmpty();
		assertThat(page.select(".comment-actions a")).isEmpty();
		assertThat(page.selectFirst("#comments .closed").text()).contains("signed-in readers");
	}

	private void assertNothingStored() {
		Discussion discussion = discussions.discussion(article.id());
		assertThat(discussion.publishedComments()).isZero();
		assertThat(discussion.version()).isZero();
		assertThat(Json.read(http.getJson("/api/v1/articles/" + article.slug() + "/comments")).size()).isZero();
	}
}
