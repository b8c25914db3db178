package dev.gazette.comment.internal;

import java.time.Clock;
import java.util.List;

import dev.gazette.account.AccountPrincipal;
import dev.gazette.article.Article;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.comment.ClientKeys;
import dev.gazette.comment.Comment;
import dev.gazette.comment.CommentDraft;
import dev.gazette.comment.CommentLocation;
import dev.gazette.comment.CommentOutcome;
import dev.gazette.comment.CommentStatus;
import dev.gazette.comment.Commenter;
import dev.gazette.comment.Commenting;
import dev.gazette.comment.Comments;
import dev.gazette.comment.Discussion;
import dev.gazette.comment.DiscussionSort;
import dev.gazette.comment.DiscussionView;
import dev.gazette.comment.Discussions;
import dev.gazette.comment.ThreadPage;
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

	private final Commenting commenting;

	private final Discussions discussions;

	private final ArticleCatalog articles;

	private final Publications publications;

	private final Clock clock;

	private final ClientKeys clientKeys;

	CommentPages(Comments comments, Commenting commenting, ArticleCatalog articles, Publications publications,
			Clock clock, ClientKeys clientKeys, Discussions discussions) {
		this.comments = comments;
		this.commenting = commenting;
		this.discussions = discussions;
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
		CommentDraft draft = new CommentDraft(body, parentId, nudgeAcknowledged);
		Commenter commenter = Commenter.of(viewer, authorName, guestEmail, clientKeys.of(request));
		// A retry of this form (its submission id, or for the article page's form its content) lands on the comment
		// the first sending made.
		CommentOutcome outcome = commenting.submitOnce(slug, draft, commenter, SubmissionKey.wellFormed(submissionId)
				? SubmissionKey.form(submissionId) : SubmissionKey.sameContent(slug, draft, commenter));
		return outcome.fold(posted -> "redirect:/articles/" + slug + "/comments/" + posted.comment().id(),
				held -> "redirect:/articles/" + slug + "/comments/" + held.comment().id() + "/received",
				nudged -> {
					// Not a refusal: the form again, asking the reader to reconsider; 200 like any page they asked for.
					return compose(slug, parentId, viewer, model, new CommentForm(authorName, guestEmail, body, null,
							List.of(), null, nudged.message(), nudged.concerns(), formId(submissionId)));
				}, refused -> {
					response.setStatus(CommentAnswers.status(refused.reason()).value());
					boolean invalid = refused.reason() == CommentOutcome.Reason.INVALID;
					return compose(slug, parentId, viewer, model, new CommentForm(authorName, guestEmail, body, null,
							refused.errors(), invalid ? null : refused.message(), null, List.of(), formId(submissionId)));
				});
	}

	/** The compose page with the reader's form shown again, replying to {@code parentId} if it is still there. */
	private String compose(String slug, Long parentId, AccountPrincipal viewer, Model model, CommentForm typed) {
		Article article = published(slug);
		Comment parent = parentId == null ? null
				: discussions.findVisible(article.id(), parentId).filter(Comment::isPublished).orElse(null);
		CommentForm form = new CommentForm(typed.authorName(), typed.guestEmail(), typed.body(),
				parent == null ? null : parentId, typed.errors(), typed.message(), typed.nudge(), typed.concerns(),
				typed.submissionId());
		model.addAttribute("compose", new ComposeView(article, parent, form, discussionView(article, viewer)));
		return "comment/compose";
	}

	/** The form's one-time id: kept across attempts (they stored nothing), or a new one for a form without. */
	private static String formId(String submissionId) {
		return SubmissionKey.wellFormed(submissionId) ? submissionId : CommentForm.newSubmissionId();
	}

	/** Where a reader lands after posting a comment that waits for a moderator (or will not be shown). */
	@GetMapping("/articles/{slug}/comments/{id}/received")
	String received(@PathVariable String slug, @PathVariable long id, Model model) {
		Article article = published(slug);
		Comment comment = comments.find(id).filter(c -> c.articleId() == article.id()).orElseThrow(CommentPages::notFound);
		model.addAttribute("article", article);
		model.addAttribute("held", comment.status() == CommentStatus.PENDING);
		model.addAttribute("reviewTime", publications.current().heldReviewTime());
		return "comment/received";
	}

	@GetMapping("/articles/{slug}/comments/{id}/reply")
	String reply(@PathVariable String slug, @PathVariable long id, @AuthenticationPrincipal AccountPrincipal viewer,
			Model model) {
		Article article = published(slug);
		Comment parent = discussions.findVisible(article.id(), id).filter(Comment::isPublished).orElseThrow(CommentPages::notFound);
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
		String done = "redirect:/articles/" + slug + "/comments/" + id;
		return commenting.edit(id, viewer.id(), body).fold(posted -> done, held -> done, nudged -> {
			throw new IllegalStateException("An edit is never nudged");
		}, refused -> {
			// Every refusal of an edit is about this text or this moment (the comment is the viewer's own: see own()).
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			String problem = refused.errors().isEmpty() ? refused.message() : refused.errors().get(0).message();
			model.addAttribute("edit", new EditView(article, comment, body, problem, discussionView(article, viewer)));
			return "comment/edit";
		});
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
		commenting.deleteOwn(id, viewer.id());
		return "redirect:/articles/" + slug + "/comments/" + id;
	}

	/**
	 * A short permanent address that needs only the comment's id: profile pages and every comment on the article page
	 * link here. It sends the reader straight to where the comment is shown, as the long address does.
	 */
	@GetMapping("/comments/{id}")
	String shortPermalink(@PathVariable long id) {
		String slug = comments.find(id)
			.flatMap(comment -> articles.slugOf(comment.articleId()))
			.orElseThrow(CommentPages::notFound);
		return permalink(slug, id);
	}

	/**
	 * The reply form by the comment's id alone (each comment's Reply link, kept short because a page repeats it 200
	 * times): the same page as under the article's address, without a redirect's round trip for a reader without
	 * JavaScript.
	 */
	@GetMapping("/comments/{id}/reply")
	String shortReply(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal viewer, Model model) {
		String slug = comments.find(id)
			.flatMap(comment -> articles.slugOf(comment.articleId()))
			.orElseThrow(CommentPages::notFound);
		return reply(slug, id, viewer, model);
	}

	/** A comment's permanent address: sends the reader to wherever the comment is shown now. */
	@GetMapping("/articles/{slug}/comments/{id}")
	String permalink(@PathVariable String slug, @PathVariable long id) {
		Article article = published(slug);
		CommentLocation location = discussions.discussion(article.id())
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
		ThreadPage thread = discussions.discussion(article.id()).thread(rootId, page).orElseThrow(CommentPages::notFound);
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
		Discussion discussion = discussions.discussion(article.id());
		return discussions.view(article, discussion.page(DiscussionSort.OLDEST, 1, comments.settings().pageSize()),
				viewer == null ? null : viewer.id(), publications.current().timeZone());
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}
}
