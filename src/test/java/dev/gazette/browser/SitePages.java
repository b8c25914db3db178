package dev.gazette.browser;

import java.util.EnumMap;
import java.util.Map;

import dev.gazette.article.ArticleCatalog;
import dev.gazette.comment.Comment;
import dev.gazette.comment.Comments;
import dev.gazette.comment.DiscussionSort;
import dev.gazette.support.Newsroom.Published;

/**
 * Every kind of page Gazette shows a person, with an address of one of each in the browser tests' Gazette, for the
 * checks that must hold on all of them (accessibility, HTML validity). There are no admin pages yet; when there are,
 * they belong here too.
 */
final class SitePages {

	enum Kind {

		FRONT_PAGE, SECTION_PAGE, AUTHOR_PAGE, ARTICLE_WITH_DISCUSSION, LONG_DISCUSSION_PAGE_2, THREAD_PAGE, REPLY_PAGE,
		NOT_FOUND_PAGE;

		/** The status the page is served with. */
		int status() {
			return this == NOT_FOUND_PAGE ? 404 : 200;
		}

		@Override
		public String toString() {
			return name().toLowerCase().replace('_', ' ');
		}
	}

	private final Map<Kind, String> paths = new EnumMap<>(Kind.class);

	private SitePages() {
	}

	/**
	 * Publishes what the demo content lacks (a discussion long enough to have a second page and a thread with more
	 * replies than the article page shows) and notes an address of every kind of page.
	 */
	static SitePages publish(ArticleCatalog catalog, Comments comments) {
		DemoNewsroom newsroom = new DemoNewsroom(catalog, comments);
		Published article = newsroom.longDiscussion("Readers debate the harbour plan at length", 52);
		Comment busiest = comments.discussion(article.id()).page(DiscussionSort.OLDEST, 1, 50).threads().get(0).root().comment();
		for (int i = 0; i < 32; i++) {
			newsroom.reply(article, busiest.id(), "Replier " + i, "One more view, number " + i + ".", 500 + i);
		}
		String river = "/articles/" + BrowsingGazette.RIVER;
		long riverId = catalog.find(BrowsingGazette.RIVER).orElseThrow().id();
		Comment firstOnRiver = comments.discussion(riverId).page(DiscussionSort.OLDEST, 1, 50).threads().get(0).root().comment();

		SitePages pages = new SitePages();
		pages.paths.put(Kind.FRONT_PAGE, "/");
		pages.paths.put(Kind.SECTION_PAGE, "/sections/" + BrowsingGazette.SECTION);
		pages.paths.put(Kind.AUTHOR_PAGE, "/authors/" + BrowsingGazette.AUTHOR);
		pages.paths.put(Kind.ARTICLE_WITH_DISCUSSION, river);
		pages.paths.put(Kind.LONG_DISCUSSION_PAGE_2, article.path() + "?sort=oldest&cpage=2");
		pages.paths.put(Kind.THREAD_PAGE, article.path() + "/threads/" + busiest.id());
		pages.paths.put(Kind.REPLY_PAGE, river + "/comments/" + firstOnRiver.id() + "/reply");
		pages.paths.put(Kind.NOT_FOUND_PAGE, "/articles/no-such-story");
		return pages;
	}

	String path(Kind kind) {
		return paths.get(kind);
	}
}
