package dev.gazette.comment;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import dev.gazette.article.ArticleCatalog;
import dev.gazette.support.Http;
import dev.gazette.support.Newsroom;
import dev.gazette.support.Newsroom.Published;
import dev.gazette.support.RunningGazette;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A reader posts with the plain HTML form on the article page, as in a browser without JavaScript. */
@RunningGazette
class PostingACommentTests {

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

	@Test
	void theArticlePageOffersTheFormThatPostsToTheDiscussion() {
		Document page = page(article.path());

		Element form = page.selectFirst("form#comment-form");
		assertThat(form).isNotNull();
		assertThat(form.attr("method")).isEqualToIgnoringCase("post");
		assertThat(form.attr("action")).isEqualTo(article.path() + "/comments");
		assertThat(form.select("input[name=authorName], textarea[name=body]")).hasSize(2);
		assertThat(page.selectFirst("#comments-heading").text()).isEqualTo("0 comments");
	}

	@Test
	void aPostedCommentRedirectsToItsPermalinkWhichLeadsToItOnTheArticlePage() {
		HttpResponse<String> posted = postForm(article, "Ayelet", "The wall is *too* low.", null);

		assertThat(posted.statusCode()).isIn(302, 303);
		String permalink = location(posted);
		assertThat(permalink).matches(".*" + article.path() + "/comments/\\d+");
		long id = Long.parseLong(permalink.substring(permalink.lastIndexOf('/') + 1));

		HttpResponse<String> redirected = http.follow(posted);
		assertThat(redirected.statusCode()).isEqualTo(302);
		assertThat(location(redirected)).endsWith(article.path() + "#comment-" + id);

		Document page = page(article.path());
		Element comment = page.getElementById("comment-" + id);
		assertThat(comment).isNotNull();
		assertThat(comment.selectFirst(".comment-author").text()).isEqualTo("Ayelet");
		assertThat(comment.selectFirst(".comment-body").html()).isEqualTo("<p>The wall is <em>too</em> low.</p>");
		assertThat(comment.parent().hasClass("threads")).as("a top-level comment starts a thread").isTrue();
		assertThat(page.selectFirst("#comments-heading").text()).isEqualTo("1 comment");
	}

	@Test
	void aReplyIsShownInsideItsParent() {
		long parent = postedId(postForm(article, "Ayelet", "First", null));
		long other = postedId(postForm(article, "Burak", "Another thread", null));

		HttpResponse<String> reply = postForm(article, "Chana", "An answer", parent);

		long id = postedId(reply);
		assertThat(location(http.follow(reply))).endsWith("#comment-" + id);
		Document page = page(article.path());
		assertThat(page.select("li#comment-" + parent + " li#comment-" + id)).hasSize(1);
		assertThat(page.select("li#comment-" + other + " li#comment-" + id)).isEmpty();
		assertThat(page.getElementById("comment-" + id).selectFirst(".comment-body").text()).isEqualTo("An answer");
		assertThat(page.selectFirst("#comments-heading").text()).isEqualTo("3 comments");
	}

	@Test
	void theReplyPageQuotesTheCommentAndPostsTheReplyUnderIt() {
		long parent = postedId(postForm(article, "Ayelet", "What is the council's view on this?", null));
		Document articlePage = page(article.path());
		String replyLink = articlePage.getElementById("comment-" + parent).selectFirst(".comment-actions a").attr("href");

		Document replyPage = page(replyLink);

		assertThat(replyPage.selectFirst("h1").text()).isEqualTo("Reply to Ayelet");
		assertThat(replyPage.selectFirst(".quoted-comment .comment-body").text()).isEqualTo("What is the council's view on this?");
		assertThat(replyPage.selectFirst("form#comment-form input[name=parentId]").val()).isEqualTo(String.valueOf(parent));
	}

	@Test
	void aBlankBodyShowsTheFormAgainWithTheNameAsTyped() {
		HttpResponse<String> response = nothingStored(() -> postForm(article, "Ayelet Levi", "   \n  ", null));

		assertThat(response.statusCode()).isEqualTo(400);
		Document page = Jsoup.parse(response.body());
		assertThat(page.selectFirst("#body-error").text()).isEqualTo("Please write a comment.");
		assertThat(page.selectFirst("input[name=authorName]").val()).isEqualTo("Ayelet Levi");
		assertThat(page.selectFirst("textarea[name=body]").attr("aria-invalid")).isEqualTo("true");
		assertThat(page.selectFirst("title").text()).contains(article.headline());
	}

	@Test
	void aTooLongCommentIsGivenBackToFix() {
		String body = "word ".repeat(1_001).strip();

		HttpResponse<String> response = nothingStored(() -> postForm(article, "Ayelet", body, null));

		assertThat(response.statusCode()).isEqualTo(400);
		Document page = Jsoup.parse(response.body());
		assertThat(page.selectFirst("#body-error").text()).contains("5000").contains(String.valueOf(body.length()));
		assertThat(page.selectFirst("textarea[name=body]").wholeText()).isEqualTo(body);
	}

	@Test
	void aCommentNestingEmphasisTooDeepIsGivenBackToFix() {
		String body = "*a ".repeat(1_000) + "a*".repeat(1_000);

		HttpResponse<String> response = nothingStored(() -> postForm(article, "Ayelet", body, null));

		assertThat(response.statusCode()).isEqualTo(400);
		Document page = Jsoup.parse(response.body());
		assertThat(page.selectFirst("#body-error").text()).contains("nested at most 32 levels");
		assertThat(page.selectFirst("textarea[name=body]").wholeText()).isEqualTo(body);
	}

	@Test
	void aCommentOfQuoteMarksIsJustText() {
		String body = ">".repeat(4_000);

		HttpResponse<String> response = postForm(article, "Ayelet", body, null);

		assertThat(response.statusCode()).isLessThan(400);
	}

	@Test
	void aReplyToACommentOnAnotherArticleIsRefused() {
		Published other = newsroom.article().publish();
		long elsewhere = postedId(postForm(other, "Ayelet", "Elsewhere", null));

		HttpResponse<String> response = nothingStored(() -> postForm(article, "Burak", "Lost?", elsewhere));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(response.body()).text()).contains("on another article");
	}

	@Test
	void aCommentWithoutANameIsByAnonymous() {
		long id = postedId(postForm(article, "", "Who am I?", null));

		Element comment = page(article.path()).getElementById("comment-" + id);

		assertThat(comment.selectFirst(".comment-author").text()).isEqualTo("Anonymous");
	}

	@Test
	void markupInANameIsShownAsText() {
		long id = postedId(postForm(article, "<script>alert(1)</script>", "Hello", null));

		HttpResponse<String> response = http.get(article.path());

		assertThat(response.body()).doesNotContain("<script>alert(1)</script>");
		assertThat(Jsoup.parse(response.body()).getElementById("comment-" + id).selectFirst(".comment-author").text())
			.isEqualTo("<script>alert(1)</script>");
	}

	@Test
	void anArticleClosedForCommentsRefusesThePostAndSaysWhy() {
		Published closed = newsroom.article().closedForComments().publish();
		assertThat(page(closed.path()).selectFirst("form#comment-form")).as("no form to fill in").isNull();
		assertThat(page(closed.path()).selectFirst("#comments .closed").text()).isEqualTo("Comments on this article are closed.");

		HttpResponse<String> response = nothingStored(closed, () -> postForm(closed, "Ayelet", "Let me in", null));

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(Jsoup.parse(response.body()).selectFirst(".form-error").text()).contains("closed");
	}

	@Test
	void postingToAnArticleThatIsNotPublishedYetIsNotFound() {
		Published scheduled = newsroom.article().publishedAt(NOW.plusSeconds(3_600)).publish();

		HttpResponse<String> response = nothingStored(scheduled, () -> postForm(scheduled, "Ayelet", "Hello", null));

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
	}

	@Test
	void thePermalinkOfAThreadOnTheSecondPageLeadsThere() {
		long last = 0;
		for (int i = 0; i <= comments.settings().pageSize(); i++) {
			last = comments.importComment(article.id(), null, "Reader " + i, "Thread " + i, CommentStatus.PUBLISHED,
					NOW.minusSeconds(3_600 - i));
		}

		HttpResponse<String> permalink = http.get(article.path() + "/comments/" + last);

		assertThat(location(permalink)).endsWith(article.path() + "?cpage=2#comment-" + last);
		Document secondPage = page(article.path() + "?cpage=2");
		assertThat(secondPage.getElementById("comment-" + last)).isNotNull();
		assertThat(page(article.path()).getElementById("comment-" + last)).isNull();
		assertThat(page(article.path()).selectFirst("a.more-comments").attr("href")).contains("cpage=2");
	}

	@Test
	void thePermalinkOfAReplyBeyondThoseShownUnderItsThreadLeadsToTheThreadsOwnPage() {
		long root = comments.importComment(article.id(), null, "Ayelet", "Start", CommentStatus.PUBLISHED,
				NOW.minusSeconds(7_200));
		long hidden = 0;
		for (int i = 0; i <= comments.settings().repliesPerThread(); i++) {
			hidden = comments.importComment(article.id(), root, "Reader " + i, "Reply " + i, CommentStatus.PUBLISHED,
					NOW.minusSeconds(3_600 - i));
		}
		Document articlePage = page(article.path());
		assertThat(articlePage.getElementById("comment-" + hidden)).isNull();
		assertThat(articlePage.selectFirst(".more-replies a").text()).isEqualTo("Read the whole thread: 1 more reply");

		HttpResponse<String> permalink = http.get(article.path() + "/comments/" + hidden);

		assertThat(location(permalink)).endsWith(article.path() + "/threads/" + root + "?page=1#comment-" + hidden);
		Document threadPage = page(article.path() + "/threads/" + root + "?page=1");
		assertThat(threadPage.select("li#comment-" + root + " li#comment-" + hidden)).hasSize(1);
	}

	@Test
	void thePermalinkOfACommentThatIsNotThereIsNotFound() {
		long pending = comments.importComment(article.id(), null, "Ayelet", "Waiting", CommentStatus.PENDING, NOW);

		assertThat(http.get(article.path() + "/comments/" + pending).statusCode()).isEqualTo(404);
		assertThat(http.get(article.path() + "/comments/987654321").statusCode()).isEqualTo(404);
		assertThat(http.get(article.path() + "/comments/" + pending + "/reply").statusCode()).isEqualTo(404);
	}

	// --- helpers ---

	private HttpResponse<String> postForm(Published article, String name, String body, Long parentId) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("authorName", name);
		fields.put("body", body);
		if (parentId != null) {
			fields.put("parentId", String.valueOf(parentId));
		}
		return http.postForm(article.path() + "/comments", fields);
	}

	private long postedId(HttpResponse<String> posted) {
		assertThat(posted.statusCode()).as(posted.body()).isIn(302, 303);
		String permalink = location(posted);
		return Long.parseLong(permalink.substring(permalink.lastIndexOf('/') + 1));
	}

	private Document page(String path) {
		HttpResponse<String> response = http.get(path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return Jsoup.parse(response.body());
	}

	private static String location(HttpResponse<?> response) {
		return response.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no Location header"));
	}

	private HttpResponse<String> nothingStored(Supplier<HttpResponse<String>> request) {
		return nothingStored(article, request);
	}

	private HttpResponse<String> nothingStored(Published article, Supplier<HttpResponse<String>> request) {
		Discussion before = discussions.discussion(article.id());
		HttpResponse<String> response = request.get();
		Discussion after = discussions.discussion(article.id());
		assertThat(after.version()).as("the discussion was not touched").isEqualTo(before.version());
		assertThat(after.publishedComments()).isEqualTo(before.publishedComments());
		return response;
	}
}
