package dev.gazette.comment.internal;

import java.time.Duration;

import dev.gazette.account.AccountPrincipal;
import dev.gazette.article.Article;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.comment.Comments;
import dev.gazette.comment.internal.Recommending.Refused;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The Recommend button under a comment, a plain form that works without JavaScript: it records the recommendation
 * (or takes it back) and returns the reader to the comment. A guest is sent to sign in first.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class RecommendationPages {

	private final Recommendations recommendations;

	private final Comments comments;

	private final ArticleCatalog articles;

	RecommendationPages(Recommendations recommendations, Comments comments, ArticleCatalog articles) {
		this.recommendations = recommendations;
		this.comments = comments;
		this.articles = articles;
	}

	/** {@code action}: {@code recommend}, or {@code withdraw} to take one's recommendation back. */
	@PostMapping("/articles/{slug}/comments/{id}/recommendation")
	String recommend(@PathVariable String slug, @PathVariable long id, @RequestParam(required = false) String action,
			@AuthenticationPrincipal AccountPrincipal viewer, Model model, HttpServletResponse response) {
		Article article = articles.find(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		comments.find(id)
			.filter(comment -> comment.articleId() == article.id())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		String back = "/articles/" + article.slug() + "/comments/" + id;
		if (!"recommend".equals(action) && !"withdraw".equals(action)) {
			return refused("The form did not say what to do (field 'action': recommend or withdraw).", Duration.ZERO,
					400, back, model, response);
		}
		Recommending outcome = "recommend".equals(action) ? recommendations.recommend(id, viewer.id())
				: recommendations.withdraw(id, viewer.id());
		if (outcome instanceof Refused refused) {
			return refused(refused.message(), refused.retryAfter(), refused.refusal().status(), back, model, response);
		}
		// The permalink sends the reader on to wherever the comment is shown, at its anchor.
		return "redirect:" + back;
	}

	private static String refused(String message, Duration retryAfter, int status, String back, Model model,
			HttpServletResponse response) {
		response.setStatus(status);
		if (!retryAfter.isZero()) {
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, retryAfter.toSeconds())));
		}
		model.addAttribute("message", message);
		model.addAttribute("back", back);
		return "comment/recommendation-refused";
	}
}
