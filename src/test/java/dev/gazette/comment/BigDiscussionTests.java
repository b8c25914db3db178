package dev.gazette.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.gazette.article.ArticleCatalog;
import dev.gazette.support.Http;
import dev.gazette.support.Newsroom;
import dev.gazette.support.Newsroom.Published;
import dev.gazette.support.RunningGazette;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A big discussion (issue 14, item 3): 2,000 comments in 100 threads of 20, each a couple of sentences long as in
 * {@code bench/big-discussion.sh}. A reader who follows "More comments" and "Read the whole thread" meets every comment
 * exactly once; the discussion, too big for one page, is read in pages of at most 100 comments
 * ({@code gazette.comments.paged-page-comments}), the first under 100 KB of HTML; and a page weighs what it holds, not
 * what the discussion holds: doubling the discussion leaves the first page's size where it was.
 */
@RunningGazette
class BigDiscussionTests {

	private static final Instant NOW = Instant.parse(RunningGazette.NOW);

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	Comments comments;

	@LocalServerPort
	int port;

	/** Sentences of the length readers write (and the benchmark seeds); two make a comment. */
	private static final String[] SENTENCES = { "I read the piece twice before commenting.",
			"The numbers on the summer flow are the heart of it, and nobody on either side publishes them.",
			"My family farmed on the plain for three generations, so this is not abstract for us.",
			"Fair point, but the dam was built without asking anyone downstream.",
			"Publishing the gauge readings every hour would cost almost nothing.",
			"I disagree with the author about the reservoir, but the argument is made honestly." };

	@Test
	void everyCommentIsReachableOnceAndTheFirstPageStaysLightWhateverTheDiscussionsSize() {
		Published article = new Newsroom(catalog).article().publish();
		Set<Long> posted = seed(article, 0, 100, 19);
		Http http = new Http(port);

		Document first = page(http, article.path());
		assertThat(first.selectFirst("#comments-heading").text()).isEqualTo("2000 comments");
		assertThat(first.select("ol.threads > li.comment")).as("the first 50 threads").hasSize(50);
		assertThat(first.select("li.comment")).as("at most 100 comments on a page of a paged discussion").hasSize(100);
		assertThat(first.select("li.more-replies a")).as("each thread's first reply, then a link to the rest")
			.hasSize(50)
			.allSatisfy(link -> assertThat(link.text()).isEqualTo("Read the whole thread: 18 more replies"));
		int firstPageBytes = http.get(article.path()).body().getBytes(StandardCharsets.UTF_8).length;
		assertThat(firstPageBytes).as("the first page's HTML").isLessThan(100_000);

		Set<Long> seen = new HashSet<>();
		List<Long> duplicates = new ArrayList<>();
		Document page = first;
		int pages = 0;
		while (page != null) {
			pages++;
			for (Element thread : page.select("ol.threads > li.comment")) {
				Document whole = page(http, article.path() + "/threads/" + id(thread));
				for (Element comment : whole.select("li.comment")) {
					if (!seen.add(id(comment))) {
						duplicates.add(id(comment));
					}
				}
				assertThat(whole.select("li.comment")).as("a thread page shows the whole thread").hasSize(20);
			}
			Element more = page.selectFirst("a.more-comments");
			page = more == null ? null : page(http, more.attr("href"));
		}
		assertThat(pages).isEqualTo(2);
		assertThat(duplicates).isEmpty();
		assertThat(seen).isEqualTo(posted);

		seed(article, 2000, 100, 19);
		Document doubled = page(http, article.path());
		assertThat(doubled.selectFirst("#comments-heading").text()).isEqualTo("4000 comments");
		int doubledBytes = http.get(article.path()).body().getBytes(StandardCharsets.UTF_8).length;
		assertThat(doubledBytes).as("the first page's size follows the page, not the discussion")
			.isBetween(firstPageBytes - 500, firstPageBytes + 500);
		assertThat(doubled.select("li.comment")).hasSize(100);
	}

	/** {@code threads} new threads, each with {@code replies} replies (every other one a reply to a reply). */
	private Set<Long> seed(Published article, int offset, int threads, int replies) {
		Set<Long> ids = new HashSet<>();
		for (int t = 0; t < threads; t++) {
			Instant at = NOW.minusSeconds(86_400 - offset - t * 21L);
			long root = comments.importComment(article.id(), null, "Reader " + (offset + t), text(offset + t),
					CommentStatus.PUBLISHED, at);
			ids.add(root);
			long last = root;
			for (int r = 0; r < replies; r++) {
				long reply = comments.importComment(article.id(), r % 2 == 0 ? root : last, "Replier " + r,
						text(r) + " (reply " + r + " in thread " + (offset + t) + ")", CommentStatus.PUBLISHED,
						at.plusSeconds(r + 1));
				ids.add(reply);
				last = reply;
			}
		}
		return ids;
	}

	private static String text(int n) {
		return SENTENCES[n % SENTENCES.length] + " " + SENTENCES[(n / SENTENCES.length) % SENTENCES.length];
	}

	private static Document page(Http http, String path) {
		var response = http.get(path.replaceFirst("#.*", ""));
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return Jsoup.parse(response.body());
	}

	private static long id(Element comment) {
		return Long.parseLong(comment.id().substring("comment-".length()));
	}
}
