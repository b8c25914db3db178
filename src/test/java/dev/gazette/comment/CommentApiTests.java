package dev.gazette.comment;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.gazette.article.ArticleCatalog;
import dev.gazette.article.LeadImage;
import dev.gazette.support.Http;
import dev.gazette.support.Json;
import dev.gazette.support.Newsroom;
import dev.gazette.support.Newsroom.Published;
import dev.gazette.support.RunningGazette;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.gazette.support.Json.object;
import static org.assertj.core.api.Assertions.assertThat;

/** The discussion as JSON: {@code /api/v1/articles/{slug}/comments}, read and written over real HTTP. */
@RunningGazette
class CommentApiTests {

	private static final Instant NOW = Instant.parse(RunningGazette.NOW);

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	Comments comments;

	@Autowired
	Discussions discussions;

	@LocalServerPort
	int port;

	Http http;

	Newsroom newsroom;

	Published article;

	@BeforeEach
	void publishAnArticle() {
		http = new Http(port);
		newsroom = new Newsroom(catalog);
		article = newsroom.article().publish();
	}

	@Nested
	class ReadingTheDiscussion {

		@Test
		void returnsThreadsAsATreeOfReplies() {
			long root = post(article, "Ayelet", "Is the wall *high* enough?", null).get("id").asLong();
			long reply = post(article, "Burak", "It is.", root).get("id").asLong();
			long answer = post(article, "Chana", "Says who?", reply).get("id").asLong();

			JsonNode threads = discussion(article, "");

			assertThat(threads.size()).isEqualTo(1);
			JsonNode thread = threads.get(0);
			assertThat(thread.properties()).extracting(Map.Entry::getKey)
				.containsExactlyInAnyOrder("id", "parentId", "authorName", "bodyHtml", "createdAt", "status", "replies");
			assertThat(thread.get("id").asLong()).isEqualTo(root);
			assertThat(thread.get("parentId").isNull()).isTrue();
			assertThat(thread.get("authorName").asString()).isEqualTo("Ayelet");
			assertThat(thread.get("bodyHtml").asString()).isEqualTo("<p>Is the wall <em>high</em> enough?</p>");
			assertThat(thread.get("createdAt").asString()).isEqualTo(RunningGazette.NOW);
			assertThat(thread.get("status").asString()).isEqualTo("published");
			JsonNode second = thread.get("replies").get(0);
			assertThat(second.get("id").asLong()).isEqualTo(reply);
			assertThat(second.get("parentId").asLong()).isEqualTo(root);
			assertThat(second.get("replies").get(0).get("id").asLong()).isEqualTo(answer);
			assertThat(second.get("replies").get(0).get("parentId").asLong()).isEqualTo(reply);
			assertThat(second.get("replies").get(0).get("replies").size()).isZero();
		}

		@Test
		void neverShowsPendingOrRejectedComments() {
			long root = post(article, "Ayelet", "Visible", null).get("id").asLong();
			comments.importComment(article.id(), null, "Spammer", "Buy cheap watches SECRET-PENDING",
					CommentStatus.PENDING, NOW);
			comments.importComment(article.id(), root, "Troll", "Something nasty SECRET-REJECTED", CommentStatus.REJECTED,
					NOW);

			HttpResponse<String> response = http.getJson(article.path().replace("/articles/", "/api/v1/articles/")
					+ "/comments");

			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).doesNotContain("SECRET-PENDING", "SECRET-REJECTED", "Spammer", "Troll");
			JsonNode threads = Json.read(response);
			assertThat(threads.size()).isEqualTo(1);
			assertThat(threads.get(0).get("replies").size()).isZero();
			assertThat(response.headers().firstValue("X-Total-Count")).contains("1");
		}

		@Test
		void aRemovedCommentWithPublishedRepliesIsAPlaceholderWithoutAuthorOrText() {
			long removed = comments.importComment(article.id(), null, "Troll", "SECRET-REMOVED",
					CommentStatus.REJECTED, NOW.minusSeconds(600));
			long deleted = comments.importComment(article.id(), null, "Regretful", "SECRET-DELETED",
					CommentStatus.DELETED, NOW.minusSeconds(500));
			comments.importComment(article.id(), removed, "Burak", "Answer to a removed comment",
					CommentStatus.PUBLISHED, NOW.minusSeconds(400));
			comments.importComment(article.id(), deleted, "Chana", "Answer to a deleted comment",
					CommentStatus.PUBLISHED, NOW.minusSeconds(300));

			HttpResponse<String> response = http.getJson(commentsPath(article));
			JsonNode threads = Json.read(response);

			assertThat(response.body()).doesNotContain("SECRET-REMOVED", "SECRET-DELETED", "Troll", "Regretful");
			assertThat(threads.size()).isEqualTo(2);
			assertThat(threads.get(0).get("id").asLong()).isEqualTo(removed);
			assertThat(threads.get(0).get("status").asString()).isEqualTo("removed");
			assertThat(threads.get(0).get("authorName").isNull()).isTrue();
			assertThat(threads.get(0).get("bodyHtml").isNull()).isTrue();
			assertThat(threads.get(0).get("replies").get(0).get("authorName").asString()).isEqualTo("Burak");
			assertThat(threads.get(1).get("id").asLong()).isEqualTo(deleted);
			assertThat(threads.get(1).get("status").asString()).isEqualTo("deleted");
		}

		@Test
		void sortsThreadsOldestNewestOrByMostReplies() {
			long quiet = imported(null, "Ayelet", 50);
			long busy = imported(null, "Burak", 40);
			long middle = imported(null, "Chana", 30);
			imported(busy, "Dilek", 20);
			imported(imported(busy, "Eli", 15), "Fatma", 10);
			imported(middle, "Gil", 5);

			assertThat(threadIds(discussion(article, "?sort=oldest"))).containsExactly(quiet, busy, middle);
			assertThat(threadIds(discussion(article, "?sort=newest"))).containsExactly(middle, busy, quiet);
			assertThat(threadIds(discussion(article, "?sort=replies"))).containsExactly(busy, middle, quiet);
			assertThat(threadIds(discussion(article, ""))).containsExactly(quiet, busy, middle);
			assertThat(threadIds(discussion(article, "?sort=nonsense"))).containsExactly(quiet, busy, middle);
		}

		@Test
		void pagesThroughThreadsWithATotalAndALinkToTheNextPage() {
			List<Long> threads = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				threads.add(imported(null, "Reader " + i, 100 - i));
			}

			HttpResponse<String> first = http.getJson(commentsPath(article) + "?sort=oldest&page=1&size=2");
			HttpResponse<String> last = http.getJson(commentsPath(article) + "?sort=oldest&page=3&size=2");

			assertThat(threadIds(Json.read(first))).containsExactlyElementsOf(threads.subList(0, 2));
			assertThat(first.headers().firstValue("X-Total-Count")).contains("5");
			assertThat(first.headers().firstValue("Link"))
				.contains("<" + commentsPath(article) + "?sort=oldest&page=2&size=2>; rel=\"next\"");
			assertThat(threadIds(Json.read(last))).containsExactlyElementsOf(threads.subList(4, 5));
			assertThat(last.headers().firstValue("Link")).isEmpty();
			assertThat(Json.read(http.getJson(commentsPath(article) + "?page=4&size=2")).size()).isZero();
			assertThat(http.getJson(commentsPath(article) + "?size=1000").headers().firstValue("Link")).isEmpty();
			assertProblem(http.getJson(commentsPath(article) + "?page=second"), 400);
		}

		@Test
		void anArticleWithoutCommentsHasAnEmptyDiscussion() {
			HttpResponse<String> response = http.getJson(commentsPath(article));

			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(Json.read(response).isArray()).isTrue();
			assertThat(Json.read(response).size()).isZero();
		}

		@Test
		void anUnknownArticleHasNoDiscussion() {
			HttpResponse<String> response = http.getJson("/api/v1/articles/" + Newsroom.unique("nowhere") + "/comments");

			assertProblem(response, 404);
		}

		private long imported(Long parentId, String author, int minutesAgo) {
			return comments.importComment(article.id(), parentId, author, "Comment by " + author, CommentStatus.PUBLISHED,
					NOW.minusSeconds(60L * minutesAgo));
		}
	}

	@Nested
	class PostingAComment {

		@Test
		void storesTheCommentAndAnswersCreatedWithItsAddress() {
			HttpResponse<String> response = http.postJson(commentsPath(article),
					object("authorName", "  Ayelet  ", "body", "  I **agree**.\n", "parentId", null));

			assertThat(response.statusCode()).isEqualTo(201);
			assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
					type -> assertThat(type).startsWith("application/json"));
			JsonNode stored = Json.read(response);
			long id = stored.get("id").asLong();
			assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
				.endsWith(article.path() + "/comments/" + id));
			assertThat(stored.get("authorName").asString()).isEqualTo("Ayelet");
			assertThat(stored.get("bodyHtml").asString()).isEqualTo("<p>I <strong>agree</strong>.</p>");
			assertThat(stored.get("status").asString()).isEqualTo("published");
			assertThat(stored.get("parentId").isNull()).isTrue();
			assertThat(stored.get("createdAt").asString()).isEqualTo(RunningGazette.NOW);
			assertThat(discussion(article, "").get(0)).isEqualTo(stored);
			Comment inStore = discussions.discussion(article.id()).tree(DiscussionSort.OLDEST).get(0).comment();
			assertThat(inStore.body()).isEqualTo("I **agree**.");
			assertThat(discussions.discussion(article.id()).publishedComments()).isEqualTo(1);
		}

		@Test
		void theLocationLeadsToTheCommentOnTheArticlePage() {
			HttpResponse<String> created = http.postJson(commentsPath(article), object("authorName", "Ayelet", "body", "Hi"));
			long id = Json.read(created).get("id").asLong();

			HttpResponse<String> permalink = http.get(created.headers().firstValue("Location").orElseThrow()
				.replaceFirst("^https?://[^/]+", ""));

			assertThat(permalink.statusCode()).isEqualTo(302);
			assertThat(permalink.headers().firstValue("Location").orElseThrow()).endsWith(article.path() + "#comment-" + id);
		}

		@Test
		void aReplyIsStoredUnderItsParent() {
			long parent = post(article, "Ayelet", "First", null).get("id").asLong();

			HttpResponse<String> response = http.postJson(commentsPath(article),
					object("authorName", "Burak", "body", "Second", "parentId", parent));

			assertThat(response.statusCode()).isEqualTo(201);
			JsonNode reply = Json.read(response);
			assertThat(reply.get("parentId").asLong()).isEqualTo(parent);
			assertThat(discussion(article, "").get(0).get("replies").get(0).get("id").asLong())
				.isEqualTo(reply.get("id").asLong());
		}

		@Test
		void aCommentWithoutANameIsAnonymous() {
			assertThat(post(article, null, "No name", null).get("authorName").asString()).isEqualTo("Anonymous");
			assertThat(post(article, " \t ", "Blank name", null).get("authorName").asString()).isEqualTo("Anonymous");
			HttpResponse<String> noNameField = http.postJson(commentsPath(article), object("body", "No name field"));
			assertThat(Json.read(noNameField).get("authorName").asString()).isEqualTo("Anonymous");
			assertThat(discussion(article, "")).extracting(thread -> thread.get("authorName").asString())
				.containsOnly("Anonymous");
		}

		@Test
		void aBodyOfFiveThousandCharactersIsAccepted() {
			String body = "a".repeat(CommentProperties.MAX_BODY);

			HttpResponse<String> response = http.postJson(commentsPath(article), object("body", body));

			assertThat(response.statusCode()).isEqualTo(201);
			assertThat(storedBodies(article)).containsExactly(body);
		}

		@Test
		void theLimitCountsCharactersSoFiveThousandEmojiAreAccepted() {
			String body = "👍".repeat(CommentProperties.MAX_BODY);
			assertThat(body.length()).as("UTF-16 units").isEqualTo(2 * CommentProperties.MAX_BODY);

			HttpResponse<String> response = http.postJson(commentsPath(article), object("body", body));

			assertThat(response.statusCode()).isEqualTo(201);
			assertThat(storedBodies(article)).containsExactly(body);
		}

		@Test
		void aNameOfSixtyCharactersIsAcceptedEvenWhenTheyAreEmoji() {
			String name = "n".repeat(CommentProperties.MAX_NAME);
			String emojiName = "🙂".repeat(CommentProperties.MAX_NAME);

			HttpResponse<String> plain = http.postJson(commentsPath(article), object("authorName", name, "body", "Hi"));
			HttpResponse<String> emoji = http.postJson(commentsPath(article), object("authorName", emojiName, "body", "Hi"));

			assertThat(plain.statusCode()).isEqualTo(201);
			assertThat(emoji.statusCode()).isEqualTo(201);
			assertThat(discussion(article, "")).extracting(thread -> thread.get("authorName").asString())
				.containsExactly(name, emojiName);
		}
	}

	@Nested
	class RefusingAComment {

		static Stream<Arguments> invalidDrafts() {
			return Stream.of(Arguments.of("an empty body", object("authorName", "Ayelet", "body", ""), "body"),
					Arguments.of("a body of whitespace only", object("authorName", "Ayelet", "body", " \n\t\u3000 \r\n"), "body"),
					Arguments.of("no body at all", object("authorName", "Ayelet"), "body"),
					Arguments.of("a body of 5,001 characters", object("body", "a".repeat(5_001)), "body"),
					Arguments.of("a body of 5,001 emoji", object("body", "👍".repeat(5_001)), "body"),
					Arguments.of("a name of 61 characters", object("authorName", "n".repeat(61), "body", "Hi"),
							"authorName"),
					Arguments.of("a guest address with angle brackets",
							object("body", "Hi", "guestEmail", "<b>@x.example"), "guestEmail"),
					Arguments.of("two guest addresses in one",
							object("body", "Hi", "guestEmail", "x@x.example,root"), "guestEmail"),
					Arguments.of("emphasis nested 1,000 deep",
							object("body", "*a ".repeat(1_000) + "a*".repeat(1_000)), "body"));
		}

		@ParameterizedTest(name = "{0}")
		@MethodSource("invalidDrafts")
		void anInvalidDraftIsABadRequestThatSaysWhatToFix(String what, String json, String field) {
			HttpResponse<String> response = refused(article, json);

			JsonNode problem = assertProblem(response, 400);
			assertThat(problem.get("errors")).extracting(error -> error.get("field").asString()).containsExactly(field);
			assertThat(problem.get("errors").get(0).get("message").asString()).isNotBlank();
		}

		@Test
		void aCommentThatWouldFormatIntoMoreHtmlThanCanBeStoredIsABadRequest() {
			// Under 5,000 characters, but one long link definition used 500 times makes a megabyte of HTML.
			String definition = "\n\n[x]: https://example.org/" + "a".repeat(1_900);
			String body = "[x][x]".repeat((CommentProperties.MAX_BODY - definition.length()) / 6) + definition;
			assertThat(body.length()).isLessThanOrEqualTo(CommentProperties.MAX_BODY);

			JsonNode problem = assertProblem(refused(article, object("body", body)), 400);

			assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("body");
		}

		@Test
		void aCommentWithManyLinksWithinTheLimitsIsAccepted() {
			String body = "[x][x] ".repeat(600) + "\n\n[x]: https://example.org/" + "a".repeat(80);

			HttpResponse<String> response = http.postJson(commentsPath(article), object("body", body));

			assertThat(response.statusCode()).isEqualTo(201);
			assertThat(Json.read(response).get("bodyHtml").asString()).contains("https://example.org/aaaa");
		}

		@Test
		void aReplyToAnUnknownCommentIsABadRequest() {
			JsonNode problem = assertProblem(
					refused(article, object("body", "Hi", "parentId", 987_654_321L)), 400);

			assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("parentId");
		}

		@Test
		void replyToACommentOnAnotherArticleIsRejected() {
			Published other = newsroom.article().publish();
			long elsewhere = post(other, "Ayelet", "On the other article", null).get("id").asLong();

			JsonNode problem = assertProblem(refused(article, object("body", "Hi", "parentId", elsewhere)), 400);

			assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("parentId");
			assertThat(problem.get("errors").get(0).get("message").asString()).contains("another article");
			assertThat(discussion(other, "").get(0).get("replies").size()).isZero();
		}

		@Test
		void aReplyToACommentThePublicCannotSeeIsRejected() {
			long pending = comments.importComment(article.id(), null, "Someone", "Waiting", CommentStatus.PENDING, NOW);

			assertProblem(refused(article, object("body", "Hi", "parentId", pending)), 400);
		}

		static Stream<Arguments> unreadableRequests() {
			return Stream.of(Arguments.of("truncated JSON", "{\"authorName\": \"Ayelet\", \"body\": \"Hi\""),
					Arguments.of("not JSON at all", "authorName=Ayelet&body=Hi"),
					Arguments.of("an empty request", ""), Arguments.of("JSON null", "null"),
					Arguments.of("a JSON array", "[{\"body\": \"Hi\"}]"),
					Arguments.of("a body that is an object", "{\"body\": {\"text\": \"Hi\"}}"),
					Arguments.of("a body that is a list", "{\"body\": [\"Hi\"]}"),
					Arguments.of("a parent id that is text", "{\"body\": \"Hi\", \"parentId\": \"first\"}"),
					Arguments.of("a parent id that is an object", "{\"body\": \"Hi\", \"parentId\": {\"id\": 1}}"),
					Arguments.of("trailing garbage", "{\"body\": \"Hi\"} {\"body\": \"Again\"}"));
		}

		@ParameterizedTest(name = "{0}")
		@MethodSource("unreadableRequests")
		void anUnreadableRequestIsABadRequest(String what, String json) {
			assertProblem(refused(article, json), 400);
		}

		/**
		 * The words a client shows for a wrongly shaped post: the service's own for a missing text (with every field at
		 * fault under one detail, which is why CommentRequest carries no constraints), Jackson's for a wrong type.
		 */
		@Test
		void aPostWithoutTextOrWithATextualParentIdIsRefusedInTheWordsAClientShows() {
			JsonNode noText = assertProblem(refused(article, object("authorName", "Ayelet")), 400);
			assertThat(noText.get("title").asString()).isEqualTo("Bad Request");
			assertThat(noText.get("detail").asString()).isEqualTo("The comment could not be posted.");
			assertThat(noText.get("errors")).hasSize(1);
			assertThat(noText.get("errors").get(0).get("field").asString()).isEqualTo("body");
			assertThat(noText.get("errors").get(0).get("message").asString()).isEqualTo("Please write a comment.");

			JsonNode textualParent = assertProblem(refused(article, "{\"body\": \"Hi\", \"parentId\": \"first\"}"), 400);
			assertThat(textualParent.get("detail").asString()).isEqualTo("parentId has the wrong type or format.");
			assertThat(textualParent.get("errors")).hasSize(1);
			assertThat(textualParent.get("errors").get(0).get("field").asString()).isEqualTo("parentId");
			assertThat(textualParent.get("errors").get(0).get("message").asString())
				.isEqualTo("parentId has the wrong type or format.");
		}

		@Test
		void aCommentOnAnUnknownArticleIsNotFound() {
			String unknown = "/api/v1/articles/" + Newsroom.unique("nowhere") + "/comments";

			HttpResponse<String> response = http.postJson(unknown, object("body", "Hi"));

			assertProblem(response, 404);
		}

		@Test
		void aCommentOnAnArticleThatIsNotPublishedYetIsNotFound() {
			Published scheduled = newsroom.article().publishedAt(NOW.plusSeconds(3_600)).publish();

			assertProblem(refused(scheduled, object("body", "Too early")), 404);
		}

		@Test
		void aCommentOnAnArticleClosedForCommentsIsForbidden() {
			Published closed = newsroom.article().closedForComments().publish();

			JsonNode problem = assertProblem(refused(closed, object("authorName", "Ayelet", "body", "Hi")), 403);

			assertThat(problem.get("detail").asString()).contains("closed");
		}

		@Test
		void aCommentThatIsNotJsonIsUnsupported() {
			long versionBefore = discussions.discussion(article.id()).version();

			HttpResponse<String> response = http.postForm("/api/v1/articles/" + article.slug() + "/comments",
					Map.of("body", "Hi"));

			assertThat(response.statusCode()).isEqualTo(415);
			assertThat(discussions.discussion(article.id()).version()).isEqualTo(versionBefore);
		}
	}

	@Nested
	class ReadingArticles {

		@Test
		void listsPublishedArticlesNewestFirstInPages() {
			Published oldest = newsroom.article().publishedAt(Instant.parse("1990-01-01T08:00:00Z")).publish();
			Published older = newsroom.article().publishedAt(Instant.parse("1990-01-02T08:00:00Z")).publish();
			Published old = newsroom.article().publishedAt(Instant.parse("1990-01-03T08:00:00Z")).publish();
			List<JsonNode> all = allListed();
			List<String> slugs = all.stream().map(item -> item.get("slug").asString()).toList();
			int index = slugs.indexOf(old.slug());

			JsonNode first = Json.read(http.getJson("/api/v1/articles?page=1&size=2"));
			JsonNode oneByOne = Json.read(http.getJson("/api/v1/articles?page=" + (index + 1) + "&size=1"));
			JsonNode next = Json.read(http.getJson("/api/v1/articles?page=" + (index + 2) + "&size=1"));
			JsonNode last = Json.read(http.getJson("/api/v1/articles?page=" + all.size() + "&size=1"));

			assertThat(all.stream().map(item -> Instant.parse(item.get("publishedAt").asString())))
				.isSortedAccordingTo(Comparator.reverseOrder());
			assertThat(slugs.subList(index, index + 3)).containsExactly(old.slug(), older.slug(), oldest.slug());
			assertThat(first.get("page").asInt()).isEqualTo(1);
			assertThat(first.get("size").asInt()).isEqualTo(2);
			assertThat(first.get("total").asLong()).isEqualTo(all.size());
			assertThat(slugs(first)).containsExactlyElementsOf(slugs.subList(0, 2));
			assertThat(slugs(oneByOne)).containsExactly(old.slug());
			assertThat(slugs(next)).containsExactly(older.slug());
			assertThat(oneByOne.get("page").asInt()).isEqualTo(index + 1);
			assertThat(slugs(last)).containsExactly(slugs.get(slugs.size() - 1));
			assertThat(Json.read(http.getJson("/api/v1/articles?page=" + (all.size() + 1) + "&size=1")).get("items").size())
				.isZero();
		}

		@Test
		void aListedArticleHasItsBylineSectionAndLeadImage() {
			var section = newsroom.section("Harbour");
			var author = newsroom.author("Dana Levi");
			Published listed = newsroom.article()
				.headline("Listed")
				.in(section)
				.by(author)
				.opinion()
				.publishedAt(Instant.parse("1989-06-01T08:00:00Z"))
				.leadImage(new LeadImage("/img/harbour.jpg", 1600, 900, "The harbour at dawn", "Boats at rest.",
						"Photo: Noa Bar"))
				.publish();

			JsonNode item = allListed().stream()
				.filter(listedItem -> listedItem.get("slug").asString().equals(listed.slug()))
				.findFirst()
				.orElseThrow();

			assertThat(item.get("headline").asString()).isEqualTo("Listed");
			assertThat(item.get("standfirst").asString()).isEqualTo(listed.standfirst());
			assertThat(item.get("kind").asString()).isEqualTo("opinion");
			assertThat(item.get("section").asString()).isEqualTo(section.slug());
			assertThat(item.get("publishedAt").asString()).isEqualTo("1989-06-01T08:00:00Z");
			assertThat(item.get("authors").get(0).get("slug").asString()).isEqualTo(author.slug());
			assertThat(item.get("authors").get(0).get("displayName").asString()).isEqualTo("Dana Levi");
			assertThat(item.get("authors").get(0).get("avatarUrl").asString()).isEqualTo(author.avatarUrl());
			assertThat(item.get("leadImage").get("url").asString()).isEqualTo("/img/harbour.jpg");
			assertThat(item.get("leadImage").get("alt").asString()).isEqualTo("The harbour at dawn");
			assertThat(item.get("leadImage").get("caption").asString()).isEqualTo("Boats at rest.");
			assertThat(item.get("leadImage").get("credit").asString()).isEqualTo("Photo: Noa Bar");
			assertThat(item.has("bodyMarkdown")).as("lists carry no bodies").isFalse();
		}

		/** Every listed article, read in the largest pages the API gives. */
		private List<JsonNode> allListed() {
			List<JsonNode> all = new ArrayList<>();
			for (int page = 1;; page++) {
				JsonNode json = Json.read(http.getJson("/api/v1/articles?page=" + page + "&size=100"));
				json.get("items").forEach(all::add);
				if (all.size() >= json.get("total").asLong() || json.get("items").isEmpty()) {
					return all;
				}
			}
		}

		@Test
		void pageAndSizeAreKeptInRange() {
			JsonNode tooBig = Json.read(http.getJson("/api/v1/articles?page=1&size=1000"));
			JsonNode tooSmall = Json.read(http.getJson("/api/v1/articles?page=0&size=0"));

			assertThat(tooBig.get("size").asInt()).isEqualTo(100);
			assertThat(tooBig.get("items").size()).isLessThanOrEqualTo(100);
			assertThat(tooSmall.get("page").asInt()).isEqualTo(1);
			assertThat(tooSmall.get("size").asInt()).isEqualTo(1);
			assertThat(tooSmall.get("items").size()).isEqualTo(1);
		}

		@Test
		void aPageThatIsNotANumberIsABadRequest() {
			assertProblem(http.getJson("/api/v1/articles?page=abc"), 400);
		}

		@Test
		void oneArticleWithItsBodyAsMarkdownAndHtml() {
			Published full = newsroom.article()
				.headline("Full")
				.body("The council *voted*.\n\n<script>alert(1)</script>")
				.originallyPublishedBy("The Harbour Times", "https://example.org/harbour")
				.publish();

			HttpResponse<String> response = http.getJson("/api/v1/articles/" + full.slug());

			assertThat(response.statusCode()).isEqualTo(200);
			JsonNode json = Json.read(response);
			assertThat(json.get("slug").asString()).isEqualTo(full.slug());
			assertThat(json.get("headline").asString()).isEqualTo("Full");
			assertThat(json.get("kind").asString()).isEqualTo("news");
			assertThat(json.get("bodyMarkdown").asString()).isEqualTo("The council *voted*.\n\n<script>alert(1)</script>");
			assertThat(json.get("bodyHtml").asString()).contains("<p>The council <em>voted</em>.</p>")
				.doesNotContain("<script");
			assertThat(json.get("source").get("name").asString()).isEqualTo("The Harbour Times");
			assertThat(json.get("commentsOpen").asBoolean()).isTrue();
			assertThat(json.get("authors").get(0).get("slug").asString()).isEqualTo(full.authors().get(0).slug());
			assertThat(json.get("publishedAt").asString()).isEqualTo(Newsroom.DEFAULT_PUBLISHED_AT.toString());
		}

		@Test
		void anUnknownArticleIsANotFoundProblem() {
			String slug = Newsroom.unique("nowhere");

			JsonNode problem = assertProblem(http.getJson("/api/v1/articles/" + slug), 404);

			assertThat(problem.get("detail").asString()).contains(slug);
		}

		@Test
		void anArticleScheduledForLaterIsNotThereYet() {
			long totalBefore = Json.read(http.getJson("/api/v1/articles?size=1")).get("total").asLong();
			Published scheduled = newsroom.article().publishedAt(NOW.plusSeconds(60)).publish();

			assertProblem(http.getJson("/api/v1/articles/" + scheduled.slug()), 404);
			assertThat(Json.read(http.getJson("/api/v1/articles?size=1")).get("total").asLong()).isEqualTo(totalBefore);
		}
	}

	// --- helpers ---

	private static String commentsPath(Published article) {
		return "/api/v1/articles/" + article.slug() + "/comments";
	}

	private JsonNode post(Published article, String authorName, String body, Long parentId) {
		HttpResponse<String> response = http.postJson(commentsPath(article),
				object("authorName", authorName, "body", body, "parentId", parentId));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return Json.read(response);
	}

	private JsonNode discussion(Published article, String query) {
		HttpResponse<String> response = http.getJson(commentsPath(article) + query);
		assertThat(response.statusCode()).isEqualTo(200);
		return Json.read(response);
	}

	/** Posts a comment the server must refuse, and checks that nothing at all was stored. */
	private HttpResponse<String> refused(Published article, String json) {
		Discussion before = discussions.discussion(article.id());
		String treeBefore = http.getJson(commentsPath(article)).body();

		HttpResponse<String> response = http.postJson(commentsPath(article), json);

		Discussion after = discussions.discussion(article.id());
		assertThat(after.version()).as("the discussion was not touched").isEqualTo(before.version());
		assertThat(after.publishedComments()).isEqualTo(before.publishedComments());
		assertThat(http.getJson(commentsPath(article)).body()).isEqualTo(treeBefore);
		return response;
	}

	private List<String> storedBodies(Published article) {
		return discussions.discussion(article.id())
			.tree(DiscussionSort.OLDEST)
			.stream()
			.map(node -> node.comment().body())
			.toList();
	}

	private static List<Long> threadIds(JsonNode threads) {
		List<Long> ids = new ArrayList<>();
		threads.forEach(thread -> ids.add(thread.get("id").asLong()));
		return ids;
	}

	private static List<String> slugs(JsonNode page) {
		List<String> slugs = new ArrayList<>();
		page.get("items").forEach(item -> slugs.add(item.get("slug").asString()));
		return slugs;
	}

	/** An RFC 9457 problem: the right status, as problem JSON, with a title and no server internals. */
	static JsonNode assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).doesNotContain("Exception", "at dev.gazette", "java.");
		JsonNode problem = Json.read(response);
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.path("title").asString("")).isNotBlank();
		return problem;
	}
}
