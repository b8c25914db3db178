package dev.gazette.browser;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.gazette.article.ArticleCatalog;
import dev.gazette.article.LeadImage;
import dev.gazette.comment.CommentStatus;
import dev.gazette.comment.Comments;
import dev.gazette.support.Newsroom;
import dev.gazette.support.Newsroom.Published;

/**
 * Articles and comments for the browser tests, made to look like the demo publication's: written by a demo author
 * with an avatar and illustrated with a demo picture, so a page never asks for an image that is not there.
 */
final class DemoNewsroom {

	/** Older than every demo article, so the demo stays on top of the front page. */
	private static final Instant PUBLISHED_AT = Instant.parse("2026-10-01T07:00:00Z");

	private final ArticleCatalog catalog;

	private final Comments comments;

	DemoNewsroom(ArticleCatalog catalog, Comments comments) {
		this.catalog = catalog;
		this.comments = comments;
	}

	Published article(String headline) {
		return new Newsroom(catalog).article()
			.headline(headline)
			.standfirst("Readers on the quay argue about how high is high enough.")
			.body("The harbour council voted on Tuesday to raise the sea wall by a metre.\n\nWork begins in spring.")
			.by(catalog.author(BrowsingGazette.AUTHOR).orElseThrow())
			.publishedAt(PUBLISHED_AT)
			.leadImage(new LeadImage("/demo/images/coastal-city.svg", 1600, 900,
					"A grey harbour city under heavy clouds, with cranes on the quay and a lighthouse on the pier.",
					"The harbour wall, seen from the lighthouse.", "Illustration: The Meridian Gazette"))
			.publish();
	}

	/** A published comment starting a thread, posted some minutes after the article. */
	long comment(Published article, String author, String text, int minutesAfter) {
		return comments.importComment(article.id(), null, author, text, CommentStatus.PUBLISHED,
				PUBLISHED_AT.plus(Duration.ofMinutes(minutesAfter)));
	}

	long reply(Published article, long parentId, String author, String text, int minutesAfter) {
		return comments.importComment(article.id(), parentId, author, text, CommentStatus.PUBLISHED,
				PUBLISHED_AT.plus(Duration.ofMinutes(minutesAfter)));
	}

	/** A discussion with this many threads, each opening comment followed by one reply. */
	Published longDiscussion(String headline, int threads) {
		Published article = article(headline);
		for (int i = 1; i <= threads; i++) {
			long thread = comment(article, "Reader " + i, "Comment number " + i + ": the wall should be higher.", i * 2);
			reply(article, thread, "Neighbour " + i, "A reply to comment " + i + ": *higher* costs more.", i * 2 + 1);
		}
		return article;
	}

	/**
	 * A long read with a long discussion, the size real pages reach: a body of 40 paragraphs and 200 published
	 * comments in 60 threads (60 opening comments, 68 replies to them, 72 replies to those).
	 */
	Published bigDiscussion(String headline) {
		StringBuilder body = new StringBuilder();
		for (int i = 1; i <= 40; i++) {
			body.append("Paragraph ").append(i).append(": the harbour council heard from engineers, fishers and ")
				.append("neighbours about how high the wall must be, what it will cost, and who will pay for the ")
				.append("locks, the gates and the walkway along the top of it for the next fifty years.\n\n");
		}
		Published article = new Newsroom(catalog).article()
			.headline(headline)
			.standfirst("Everything the council heard, in one place.")
			.body(body.toString())
			.by(catalog.author(BrowsingGazette.AUTHOR).orElseThrow())
			.publishedAt(PUBLISHED_AT)
			.publish();
		int minute = 0;
		List<Long> threads = new ArrayList<>();
		for (int i = 1; i <= 60; i++) {
			threads.add(comment(article, "Reader " + i, "Opening comment " + i
					+ ": the wall should be higher, and the walkway wider for prams and wheelchairs.", ++minute));
		}
		List<Long> replies = new ArrayList<>();
		for (int i = 0; i < 68; i++) {
			replies.add(reply(article, threads.get(i % 60), "Neighbour " + i, "Reply " + i
					+ ": *higher* costs more, and the council has not said where the money comes from.", ++minute));
		}
		for (int i = 0; i < 72; i++) {
			reply(article, replies.get(i % 68), "Engineer " + i, "Answer " + i
					+ ": the tide tables since 1950 say a metre is enough for now.", ++minute);
		}
		return article;
	}
}
