package dev.gazette.moderation.internal;

import dev.gazette.account.AccountPrincipal;
import dev.gazette.article.Article;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.comment.Comment;
import dev.gazette.comment.Comments;
import dev.gazette.moderation.Reports;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** Reporting a comment: a signed-in reader picks a reason and, if they like, says more. */
@Controller
@PreAuthorize("isAuthenticated()")
public class ReportPages {

	private final Reports reports;

	private final Comments comments;

	private final ArticleCatalog articles;

	public ReportPages(Reports reports, Comments comments, ArticleCatalog articles) {
		this.reports = reports;
		this.comments = comments;
		this.articles = articles;
	}

	@GetMapping("/articles/{slug}/comments/{id}/report")
	public String form(@PathVariable String slug, @PathVariable long id, Model model) {
		model.addAttribute("report", view(slug, id, null));
		return "moderation/report";
	}

	@PostMapping("/articles/{slug}/comments/{id}/report")
	public String report(@PathVariable String slug, @PathVariable long id, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String detail, @AuthenticationPrincipal AccountPrincipal reader,
			HttpServletResponse response, Model model) {
		ReportView view = view(slug, id, null);
		try {
			Reports.Reason chosen = reason == null ? null : Reports.Reason.fromKey(reason);
			if (chosen == null) {
				throw new IllegalArgumentException("Please choose a reason.");
			}
			Reports.Outcome outcome = reports.report(id, reader.id(), chosen, detail);
			model.addAttribute("report", new ReportView(view.article(), view.comment(), null, outcome));
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("report", new ReportView(view.article(), view.comment(), ex.getMessage(), null));
		}
		return "moderation/report";
	}

	private ReportView view(String slug, long id, String problem) {
		Article article = articles.find(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Comment comment = comments.find(id)
			.filter(c -> c.articleId() == article.id() && c.isPublished())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return new ReportView(article, comment, problem, null);
	}

}
