package dev.gazette.newsroom.internal;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.gazette.account.AccountPrincipal;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.article.ArticleSummary;
import dev.gazette.article.FrontPageRefused;
import dev.gazette.article.FrontPages;
import dev.gazette.article.Section;
import dev.gazette.newsroom.NewsroomException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /admin/front-page}: editors pick the lead and the top stories of the front page and of each section's page,
 * with plain forms (pin, unpin, move up, move down) that work without JavaScript and from the keyboard.
 */
@Controller
@PreAuthorize("hasAnyRole('EDITOR', 'ADMIN')")
public class FrontPageDesk {

	/** How many of the newest pieces the page offers to pin. */
	static final int CANDIDATES = 30;

	private final FrontPages frontPages;

	private final ArticleCatalog catalog;

	public FrontPageDesk(FrontPages frontPages, ArticleCatalog catalog) {
		this.frontPages = frontPages;
		this.catalog = catalog;
	}

	@GetMapping("/admin/front-page")
	public String page(@RequestParam(required = false) String section, @RequestParam(required = false) String saved,
			HttpServletResponse response, Model model) {
		return show(section(section), saved != null ? "Saved: readers see the change now." : null, null, response,
				model);
	}

	@PostMapping("/admin/front-page/pin")
	public String pin(@RequestParam(required = false) String section, @RequestParam long article,
			@AuthenticationPrincipal AccountPrincipal who, HttpServletResponse response, Model model) {
		Section scope = section(section);
		try {
			frontPages.pin(scope, article, who.id());
			return back(scope);
		}
		catch (FrontPageRefused refused) {
			return refused(scope, refused, response, model);
		}
	}

	@PostMapping("/admin/front-page/unpin")
	public String unpin(@RequestParam(required = false) String section, @RequestParam long article,
			@AuthenticationPrincipal AccountPrincipal who) {
		Section scope = section(section);
		frontPages.unpin(scope, article, who.id());
		return back(scope);
	}

	@PostMapping("/admin/front-page/move")
	public String move(@RequestParam(required = false) String section, @RequestParam long article,
			@RequestParam String direction, @AuthenticationPrincipal AccountPrincipal who, HttpServletResponse response,
			Model model) {
		Section scope = section(section);
		try {
			frontPages.move(scope, article, "up".equals(direction) ? -1 : 1, who.id());
			return back(scope);
		}
		catch (FrontPageRefused refused) {
			return refused(scope, refused, response, model);
		}
	}

	private String refused(Section scope, FrontPageRefused refused, HttpServletResponse response, Model model) {
		response.setStatus(refused.status().value());
		return show(scope, null, refused.getMessage(), response, model);
	}

	private String show(Section section, String notice, String problem, HttpServletResponse response, Model model) {
		response.setHeader("Cache-Control", "no-store");
		List<ArticleSummary> picks = frontPages.picks(section);
		Set<Long> pinned = picks.stream().map(ArticleSummary::id).collect(Collectors.toSet());
		List<ArticleSummary> newest = (section == null ? catalog.latest(1, CANDIDATES)
				: catalog.inSection(section, 1, CANDIDATES)).items();
		model.addAttribute("desk", new FrontPageDeskView(catalog.sections(), section, picks, newest, pinned, FrontPages.SLOTS,
				notice, problem));
		return "newsroom/front-page";
	}

	private static String back(Section section) {
		return "redirect:" + UriComponentsBuilder.fromPath("/admin/front-page")
			.queryParamIfPresent("section", java.util.Optional.ofNullable(section).map(Section::slug))
			.queryParam("saved")
			.encode()
			.toUriString();
	}

	/** The section named, or the front page when none; an unknown one is a 404 page. */
	private Section section(String slug) {
		if (slug == null || slug.isBlank()) {
			return null;
		}
		return catalog.section(slug).orElseThrow(() -> NewsroomException.notFound("There is no section ‘" + slug + "’."));
	}
}
