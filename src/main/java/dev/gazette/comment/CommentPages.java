package dev.gazette.comment;

import java.time.Clock;

import dev.gazette.article.Article;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.publication.Publications;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The discussion's own pages, all plain HTML forms and links so they work without JavaScript: posting, the reply
 * page, a thread's own page, and comment permalinks.
 */
@Controller
class CommentPages {

	private final Comments comments;

	private final ArticleCatalog articles;

	private final Publications publications;

	private final Clock clock;

	CommentPages(Comments comments, ArticleCatalog articles, Publications publications, Clock clock) {
		this.comments = comments;
		this.articles = articles;
		this.publications = publications;
		this.clock = clock;
	}

	@PostMapping("/articles/{slug}/comments")
	String post(@PathVariable String slug, @RequestParam(required = false) String authorName,
			@RequestParam(required = false) String body, @RequestParam(required = false) Long parentId,
			HttpServletResponse response, Model model) {
		try {
			Comment comment = comments.submit(slug, new CommentDraft(authorName, body, parentId));
			return "redirect:/articles/" + slug + "/comments/" + comment.id();
		}
		catch (CommentRejectedException ex) {
			Article article = published(slug);
			boolean invalid = ex.reason() == CommentRejectedException.Reason.INVALID;
			response.setStatus(invalid ? HttpStatus.BAD_REQUEST.value() : HttpStatus.FORBIDDEN.value());
			Comment parent = parentId == null ? null
					: comments.findVisible(article.id(), parentId).filter(Comment::isPublished).orElse(null);
			CommentForm form = new CommentForm(authorName, body, parent == null ? null : parentId, ex.errors(),
					invalid ? null : ex.getMessage());
			model.addAttribute("compose", new ComposeView(article, parent, form, discussionView(article)));
			return "comment/compose";
		}
	}

	@GetMapping("/articles/{slug}/comments/{id}/reply")
	String reply(@PathVariable String slug, @PathVariable long id, Model model) {
		Article article = published(slug);
		Comment parent = comments.findVisible(article.id(), id).filter(Comment::isPublished).orElseThrow(CommentPages::notFound);
		model.addAttribute("compose", new ComposeView(article, parent, CommentForm.empty(id), discussionView(article)));
		return "comment/compose";
	}

	/** A comment's permanent address: sends the reader to wherever the comment is shown now. */
	@GetMapping("/articles/{slug}/comments/{id}")
	String permalink(@PathVariable String slug, @PathVariable long id) {
		Article article = published(slug);
		CommentLocation location = comments.discussion(article.id())
			.locate(id, DiscussionSort.OLDEST, comments.settings().pageSize())
			.orElseThrow(CommentPages::notFound);
		String anchor = "#comment-" + id;
		if (location.onThreadPage()) {
			return "redirect:/articles/" + slug + "/threads/" + location.rootId() + "?page=" + location.threadPage()
					+ anchor;
		}
		return "redirect:/articles/" + slug + (location.page() > 1 ? "?cpage=" + location.page() : "") + anchor;
	}

	@GetMapping("/articles/{slug}/threads/{rootId}")
	String thread(@PathVariable String slug, @PathVariable long rootId, @RequestParam(defaultValue = "1") int page,
			Model model) {
		Article article = published(slug);
		ThreadPage thread = comments.discussion(article.id()).thread(rootId, page).orElseThrow(CommentPages::notFound);
		model.addAttribute("view", new ThreadPageView(article, thread, discussionView(article)));
		return "comment/thread";
	}

	private Article published(String slug) {
		return articles.find(slug).orElseThrow(CommentPages::notFound);
	}

	private DiscussionView discussionView(Article article) {
		Discussion discussion = comments.discussion(article.id());
		return new DiscussionView(discussion.page(DiscussionSort.OLDEST, 1, comments.settings().pageSize()),
				"/articles/" + article.slug(), article.commentsOpen(), comments.settings().guestsAllowed(),
				clock.instant(), publications.current().timeZone());
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}
}
