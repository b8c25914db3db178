package dev.gazette.comment;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import dev.gazette.article.ArticleCatalog;
import dev.gazette.support.Http;
import dev.gazette.support.Json;
import dev.gazette.support.Newsroom;
import dev.gazette.support.Newsroom.Published;
import dev.gazette.support.RunningGazette;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A post sent again (the client timed out and retried, the reader pressed Send twice, the browser resent the form)
 * never makes a second comment: the API takes an {@code Idempotency-Key}, the forms carry a one-time submission id.
 */
@RunningGazette
class RetriedPostsTests {

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
	void anApiPostRetriedWithItsKeyAnswersTheFirstCommentAndStoresNoSecond() {
		String key = UUID.randomUUID().toString();
		String json = "{\"authorName\": \"Gili\", \"body\": \"Posted once, sent twice.\"}";

		HttpResponse<String> first = http.postJson(commentsPath(), json, "Idempotency-Key", key);
		HttpResponse<String> retry = http.postJson(commentsPath(), json, "Idempotency-Key", key);

		assertThat(first.statusCode()).isEqualTo(201);
		assertThat(retry.statusCode()).isEqualTo(201);
		assertThat(Json.read(retry).get("id").asLong()).isEqualTo(Json.read(first).get("id").asLong());
		assertThat(retry.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
		assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
		assertThat(publishedBodies()).containsExactly("Posted once, sent twice.");
	}

	@Test
	void theSameKeyWithAnotherCommentIsRefusedAndStoresNothing() {
		String key = UUID.randomUUID().toString();
		http.postJson(commentsPath(), "{\"body\": \"The first.\"}", "Idempotency-Key", key);

		HttpResponse<String> reused = http.postJson(commentsPath(), "{\"body\": \"Another one.\"}", "Idempotency-Key", key);

		assertThat(reused.statusCode()).isEqualTo(422);
		assertThat(reused.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(Json.read(reused).get("detail").asString()).contains("Idempotency-Key");
		assertThat(publishedBodies()).containsExactly("The first.");
	}

	@Test
	void postsWithDifferentKeysAreDifferentComments() {
		http.postJson(commentsPath(), "{\"body\": \"Same words.\"}", "Idempotency-Key", UUID.randomUUID().toString());
		http.postJson(commentsPath(), "{\"body\": \"Same words.\"}", "Idempotency-Key", UUID.randomUUID().toString());

		assertThat(publishedBodies()).containsExactly("Same words.", "Same words.");
	}

	@Test
	void aKeyThatIsNotOneIsRefusedWith400() {
		HttpResponse<String> refused = http.postJson(commentsPath(), "{\"body\": \"Hello.\"}", "Idempotency-Key",
				"x".repeat(201));

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(publishedBodies()).isEmpty();
	}

	@Test
	void aCommentFormSentTwiceLandsOnTheFirstCommentAndMakesNoSecond() {
		Document page = Jsoup.parse(http.get(article.path()).body(), "http://localhost:" + port + article.path());
		Map<String, String> typed = Map.of("authorName", "Hadas", "body", "Pressed Send twice.");

		HttpResponse<String> first = http.submit(page, "#comment-form", typed);
		HttpResponse<String> again = http.submit(page, "#comment-form", typed);

		assertThat(first.statusCode()).isEqualTo(302);
		assertThat(again.statusCode()).isEqualTo(302);
		assertThat(again.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
		assertThat(publishedBodies()).containsExactly("Pressed Send twice.");
	}

	@Test
	void theArticlePagesFormCarriesNoIdSoEveryGuestGetsTheSamePage() {
		assertThat(Jsoup.parse(http.get(article.path()).body()).select("#comment-form input[name=submissionId]")).isEmpty();
	}

	@Test
	void theSameTextSentAgainToAnotherPlaceIsANewComment() {
		Document page = Jsoup.parse(http.get(article.path()).body(), "http://localhost:" + port + article.path());

		HttpResponse<String> first = http.submit(page, "#comment-form", Map.of("authorName", "Hadas", "body", "Agreed."));
		HttpResponse<String> byAnother = http.submit(page, "#comment-form", Map.of("authorName", "Levon", "body", "Agreed."));

		assertThat(byAnother.headers().firstValue("Location")).isNotEqualTo(first.headers().firstValue("Location"));
		assertThat(publishedBodies()).containsExactly("Agreed.", "Agreed.");
	}

	private String commentsPath() {
		return "/api/v1/articles/" + article.slug() + "/comments";
	}

	private java.util.List<String> publishedBodies() {
		return discussions.discussion(article.id())
			.tree(DiscussionSort.OLDEST)
			.stream()
			.map(node -> node.comment().body())
			.toList();
	}
}
