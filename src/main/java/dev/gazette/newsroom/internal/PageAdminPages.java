package dev.gazette.newsroom.internal;

import java.time.ZoneId;

import dev.gazette.account.AccountPrincipal;
import dev.gazette.account.FormState;
import dev.gazette.article.Pages;
import dev.gazette.article.Refused;
import dev.gazette.article.SitePage;
import dev.gazette.publication.Publications;
import dev.gazette.publication.Timestamps;

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

/**
 * {@code /admin/pages}: the site's editable pages, written in Markdown with a preview (editors and admins). Each save
 * records who and when.
 */
@Controller
@PreAuthorize("hasAnyRole('EDITOR', 'ADMIN')")
public class PageAdminPages {

	private final Pages pages;

	private final Publications publications;

	public PageAdminPages(Pages pages, Publications publications) {
		this.pages = pages;
		this.publications = publications;
	}

	@GetMapping("/admin/pages")
	public String list(HttpServletResponse response, Model model) {
		response.setHeader("Cache-Control", "no-store");
		ZoneId zone = publications.current().timeZone();
		model.addAttribute("pages",
				pages.all().stream().map(page -> new PageLine(page, Timestamps.articleTime(page.updatedAt(), zone))).toList());
		return "newsroom/pages";
	}

	@GetMapping("/admin/pages/{slug}")
	public String edit(@PathVariable String slug, @RequestParam(required = false) String saved, HttpServletResponse response,
			Model model) {
		SitePage page = pages.find(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("notice", saved != null ? "Saved. The page shows the new text now." : null);
		return view(response, model, page, FormState.of(Forms.values("title", page.title(), "body", page.bodyMarkdown())),
				null);
	}

	@PostMapping("/admin/pages/{slug}")
	public String save(@PathVariable String slug, @RequestParam(required = false) String title,
			@RequestParam(required = false) String body, @RequestParam(defaultValue = "save") String action,
			@AuthenticationPrincipal AccountPrincipal editor, HttpServletResponse response, Model model) {
		SitePage page = pages.find(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		FormState typed = FormState.of(Forms.values("title", title, "body", body));
		if ("preview".equals(action)) {
			return view(response, model, page, typed, pages.preview(body));
		}
		try {
			pages.save(slug, title, body, editor.id(), editor.displayName());
			return "redirect:/admin/pages/" + slug + "?saved";
		}
		catch (Refused refused) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return view(response, model, page, Forms.failed(typed.values(), refused), null);
		}
	}

	/** The preview for the live preview script: the sanitised HTML of the Markdown sent. */
	@PostMapping(value = "/admin/pages/preview", produces = "text/html;charset=UTF-8")
	@org.springframework.web.bind.annotation.ResponseBody
	public String preview(@RequestParam(required = false) String body) {
		return pages.preview(body);
	}

	private String view(HttpServletResponse response, Model model, SitePage page, FormState form, String preview) {
		response.setHeader("Cache-Control", "no-store");
		model.addAttribute("page", page);
		model.addAttribute("updated", Timestamps.articleTime(page.updatedAt(), publications.current().timeZone()));
		model.addAttribute("form", form);
		model.addAttribute("preview", preview);
		return "newsroom/page-edit";
	}
}
