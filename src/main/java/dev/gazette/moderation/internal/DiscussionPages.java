package dev.gazette.moderation.internal;

import java.util.Optional;

import dev.gazette.account.AccountPrincipal;
import dev.gazette.article.Article;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.article.DiscussionSettings;
import dev.gazette.comment.Comments;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * {@code /admin/moderation/discussions/{slug}}: how one article's discussion is run — open or closed now, closing a
 * number of days after publication, every comment pre-moderated, guests allowed or not (or the site's default).
 * Moderators and editors change it; every change is in the audit log.
 */
@Controller
@PreAuthorize("hasAnyRole('MODERATOR', 'EDITOR', 'ADMIN')")
public class DiscussionPages {

	private final ArticleCatalog articles;

	private final DiscussionControls controls;

	private final Comments comments;

	public DiscussionPages(ArticleCatalog articles, DiscussionControls controls, Comments comments) {
		this.articles = articles;
		this.controls = controls;
		this.comments = comments;
	}

	@GetMapping("/admin/moderation/discussions/{slug}")
	public String show(@PathVariable String slug, @RequestParam(required = false) String done, Model model) {
		model.addAttribute("settings", new DiscussionSettingsView(article(slug), comments.siteGuestsAllowed(),
				done, null));
		return "moderation/discussion";
	}

	@PostMapping("/admin/moderation/discussions/{slug}")
	public String change(@PathVariable String slug, @RequestParam(defaultValue = "false") boolean open,
			@RequestParam(defaultValue = "false") boolean premoderated,
			@RequestParam(required = false) String closeAfterDays, @RequestParam(defaultValue = "default") String guests,
			@AuthenticationPrincipal AccountPrincipal moderator, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Article article = article(slug);
		try {
			controls.change(slug, open, new DiscussionSettings(premoderated, days(closeAfterDays), guests(guests)),
					moderator.id());
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("settings", new DiscussionSettingsView(article, comments.siteGuestsAllowed(),
					null, ex.getMessage()));
			return "moderation/discussion";
		}
		redirect.addAttribute("done", "Saved.");
		return "redirect:/admin/moderation/discussions/" + slug;
	}

	private Article article(String slug) {
		return articles.find(slug).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
	}

	public static Integer days(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("“Close after” is a whole number of days, or empty for never.");
		}
	}

	public static Boolean guests(String choice) {
		return switch (Optional.ofNullable(choice).orElse("default")) {
			case "yes" -> Boolean.TRUE;
			case "no" -> Boolean.FALSE;
			case "default" -> null;
			default -> throw new IllegalArgumentException("Guests: choose the site’s default, yes or no.");
		};
	}
}
