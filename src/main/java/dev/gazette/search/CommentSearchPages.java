package dev.gazette.search;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** {@code /admin/moderation/search}: the moderators' comment search, a plain GET form in the console. */
@Controller
@PreAuthorize("hasAnyRole('MODERATOR', 'ADMIN')")
class CommentSearchPages {

	private final CommentSearch search;

	private final SearchProperties properties;

	CommentSearchPages(CommentSearch search, SearchProperties properties) {
		this.search = search;
		this.properties = properties;
	}

	@GetMapping("/admin/moderation/search")
	String search(@ModelAttribute CommentSearchRequest form, Model model, HttpServletResponse response) {
		response.setHeader("Cache-Control", "no-store");
		CommentSearchRequest.Checked checked = form.check(properties.pageSize());
		CommentSearchView view;
		if (checked instanceof CommentSearchRequest.Valid valid) {
			view = CommentSearchView.of(form, form.isEmpty() ? null : search.search(valid.query()));
		}
		else {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			view = CommentSearchView.refused(form, (CommentSearchRequest.Invalid) checked);
		}
		model.addAttribute("search", view);
		return "search/comments";
	}
}
