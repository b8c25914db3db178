package dev.gazette.comment;

import java.time.Clock;

import dev.gazette.account.AccountPrincipal;
import dev.gazette.article.Article;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.publication.Publications;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The discussion's own pages, all plain HTML forms and links so they work without JavaScript: posting, the reply
 * page, editing and deleting one's own comment, a thread's own page, and comment permalinks.
 */
@Controller
class CommentPages {

	private final Comments comments;

	private final ArticleCatalog articles;

	private final Publications publications;

	private final Clock clock;

	private final ClientKeys clientKeys;

	CommentPages(Comments comments, ArticleCatalog articles, Publications publications, Clock clock,
			ClientKeys clientKeys) {
		this.comments = comments;
		this.clientKeys = clientKeys;
		this.articles = articles;
		this.publications = publications;
		this.clock = clock;
	}

	@PostMapping("/articles/{slug}/comments")
	String post(@PathVariable String slug, @RequestParam(required = false) String authorName,
			@RequestParam(required = false) String guestEmail, @RequestParam(required = false) String body,
			@RequestParam(required = false) Long parentId, @RequestParam(defaultValue = "false") boolean nudgeAcknowledged,
			@RequestParam(required = false) String submissionId, @AuthenticationPrincipal AccountPrincipal viewer,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		try {
			CommentDraft draft = new CommentDraft(body, parentId, nudgeAcknowledged);
			Commenter commenter = Commenter.of(viewer, authorName, guestEmail, clientKeys.of(request));
			Comment comment = once(slug, draft, commenter, SubmissionKey.wellFormed(submissionId)
					? SubmissionKey.form(submissionId) : SubmissionKey.sameContent(slug, draft, commenter));
			if (!comment.isPublished()) {
				return "redirect:/articles/" + slug + "/comments/" + comment.id() + "/received";
			}
			return "redirect:/articles/" + slug + "/comments/" + comment.id();
		}
		catch (CommentRejectedException ex) {
			Article article = published(slug);
			CommentRejectedException.Reason reason = ex.reason();
			boolean invalid = reason == CommentRejectedException.Reason.INVALID;
			boolean nudge = reason == CommentRejectedException.Reason.NUDGE;
			response.setStatus(nudge ? HttpStatus.OK.value()
					: invalid ? HttpStatus.BAD_REQUEST.value() : HttpStatus.FORBIDDEN.value());
			Comment parent = parentId == null ? null
					: comments.findVisible(article.id(), parentId).filter(Comment::isPublished).orElse(null);
			CommentForm form = new CommentForm(authorName, guestEmail, body, parent == null ? null : parentId,
					ex.errors(), invalid || nudge ? null : ex.getMessage(), nudge ? ex.getMessage() : null, ex.concerns(),
					SubmissionKey.wellFormed(submissionId) ? submissionId : CommentForm.newSubmissionId());
			model.addAttribute("compose", new ComposeView(article, parent, form, discussionView(article, viewer)));
			return "comment/compose";
		}
	}

	/** The comment this form made: now, or by an earlier sending of the same form (its submission id or content). */
	private Comment once(String slug, CommentDraft draft, Commenter commenter, SubmissionKey key) {
		Posting posting = comments.submitOnce(slug, draft, commenter, key);
		if (posting instanceof Posting.Stored stored) {
			return stored.comment();
		}
		return ((Posting.Repeated) posting).comment();
	}

	/** Where a reader lands after posting a comment that waits for a moderator (or will not be shown). */
	@GetMapping("/articles/{slug}/comments/{id}/received")
	String received(@PathVariable String slug, @PathVariable long id, Model model) {
		Article article = published(slug);
		Comment comment = comments.find(id).filter(c -> c.articleId() == article.id()).orElseThrow(CommentPages::notFound);
		model.addAttribute("article", article);
		model.addAttribute("held", comment.status() == CommentStatus.PENDING);
		return "comment/received";
	}

	@GetMapping("/articles/{slug}/comments/{id}/reply")
	String reply(@PathVariable String slug, @PathVariable long id, @AuthenticationPrincipal AccountPrincipal viewer,
			Model model) {
		Article article = published(slug);
		Comment parent = comments.findVisible(article.id(), id).filter(Comment::isPublished).orElseThrow(CommentPages::notFound);
		model.addAttribute("compose",
				new ComposeView(article, parent, CommentForm.empty(id), discussionView(article, viewer)));
		return "comment/compose";
	}

	@GetMapping("/articles/{slug}/comments/{id}/edit")
	String editForm(@PathVariable String slug, @PathVariable long id, @AuthenticationPrincipal AccountPrincipal viewer,
			Model model) {
		Article article = published(slug);
		Comment comment = own(article, id, viewer);
		model.addAttribute("edit", new EditView(article, comment, comment.body(), null, discussionView(article, viewer)));
		return "comment/edit";
	}

	@PostMapping("/articles/{slug}/comments/{id}/edit")
	String edit(@PathVariable String slug, @PathVariable long id, @RequestParam(required = false) String body,
			@AuthenticationPrincipal AccountPrincipal viewer, HttpServletResponse response, Model model) {
		Article article = published(slug);
		Comment comment = own(article, id, viewer);
		try {
			comments.edit(id, viewer.id(), body);
			return "redirect:/articles/" + slug + "/comments/" + id;
		}
		catch (CommentRejectedException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			String problem = ex.errors().isEmpty() ? ex.getMessage() : ex.errors().get(0).message();
			model.addAttribute("edit", new EditView(article, comment, body, problem, discussionView(article, viewer)));
			return "comment/edit";
		}
	}

	@GetMapping("/articles/{slug}/comments/{id}/delete")
	String confirmDelete(@PathVariable String slug, @PathVariable long id,
			@AuthenticationPrincipal AccountPrincipal viewer, Model model) {
		Article article = published(slug);
		Comment comment = own(article, id, viewer);
		model.addAttribute("edit", new EditView(article, comment, comment.body(), null, discussionView(article, viewer)));
		return "comment/delete";
	}

	@PostMapping("/articles/{slug}/comments/{id}/delete")
	String delete(@PathVariable String slug, @PathVariable long id, @AuthenticationPrincipal AccountPrincipal viewer) {
		Article article = published(slug);
		own(article, id, viewer);
		comments.deleteOwn(id, viewer.id());
		return "redirect:/articles/" + slug + "/comments/" + id;
	}

	/** A short permanent address that needs only the comment's id (profile pages link here). */
	@GetMapping("/comments/{id}")
	String shortPermalink(@PathVariable long id) {
		String slug = comments.find(id)
			.flatMap(comment -> articles.slugOf(comment.articleId()))
			.orElseThrow(CommentPages::notFound);
		return "redirect:/articles/" + slug + "/comments/" + id;
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
			@AuthenticationPrincipal AccountPrincipal viewer, Model model) {
		Article article = published(slug);
		ThreadPage thread = comments.discussion(article.id()).thread(rootId, page).orElseThrow(CommentPages::notFound);
		model.addAttribute("view", new ThreadPageView(article, thread, discussionView(article, viewer)));
		return "comment/thread";
	}

	private Article published(String slug) {
		return articles.find(slug).orElseThrow(CommentPages::notFound);
	}

	/** The viewer's own comment on this article; a guest or anyone else gets 404 (or sign-in, for guests). */
	private Comment own(Article article, long id, AccountPrincipal viewer) {
		if (viewer == null) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		return comments.find(id)
			.filter(comment -> comment.articleId() == article.id() && comment.isBy(viewer.id()))
			.orElseThrow(CommentPages::notFound);
	}

	private DiscussionView discussionView(Article article, AccountPrincipal viewer) {
		Discussion discussion = comments.discussion(article.id());
		return comments.view(article, discussion.page(DiscussionSort.OLDEST, 1, comments.settings().pageSize()),
				viewer == null ? null : viewer.id(), publications.current().timeZone());
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}
}
