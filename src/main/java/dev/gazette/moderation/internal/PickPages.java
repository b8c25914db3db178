package dev.gazette.moderation.internal;

import dev.gazette.account.AccountPrincipal;
import dev.gazette.article.Article;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.comment.Comments;
import dev.gazette.moderation.ModerationService;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * A moderator features a comment as an editors' pick (or takes it back) from the comment itself on the article page,
 * as from the console: the same action, audited the same way, and the moderator is back at the comment.
 */
@Controller
@PreAuthorize("hasAnyRole('MODERATOR', 'ADMIN')")
public class PickPages {

	private final ModerationService moderation;

	private final Comments comments;

	private final ArticleCatalog articles;

	public PickPages(ModerationService moderation, Comments comments, ArticleCatalog articles) {
		this.moderation = moderation;
		this.comments = comments;
		this.articles = articles;
	}

	@PostMapping("/articles/{slug}/comments/{id}/feature")
	public String feature(@PathVariable String slug, @PathVariable long id, @RequestParam boolean featured,
			@AuthenticationPrincipal AccountPrincipal moderator) {
		Article article = articles.find(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		comments.find(id)
			.filter(comment -> comment.articleId() == article.id())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		try {
			moderation.feature(id, moderator.id(), featured);
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, ex.getMessage());
		}
		return "redirect:/articles/" + article.slug() + "/comments/" + id;
	}
}
