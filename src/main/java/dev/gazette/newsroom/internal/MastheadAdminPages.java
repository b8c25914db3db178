package dev.gazette.newsroom.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import dev.gazette.account.Account;
import dev.gazette.refusal.FieldProblem;
import dev.gazette.account.Accounts;
import dev.gazette.account.FormState;
import dev.gazette.article.AuthorProfile;
import dev.gazette.article.Contributors;
import dev.gazette.article.Contributors.AuthorInput;
import dev.gazette.article.Contributors.SectionInput;
import dev.gazette.article.Contributors.SectionLine;
import dev.gazette.article.Refused;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /admin/sections}, {@code /admin/tags} and {@code /admin/authors}: the newsroom's masthead (editors and
 * admins). A refused change shows the form again with what to fix (400) and changes nothing.
 */
@Controller
@PreAuthorize("hasAnyRole('EDITOR', 'ADMIN')")
public class MastheadAdminPages {

	private final Contributors contributors;

	private final Accounts accounts;

	public MastheadAdminPages(Contributors contributors, Accounts accounts) {
		this.contributors = contributors;
		this.accounts = accounts;
	}

	// --- sections

	@GetMapping("/admin/sections")
	public String sections(@RequestParam(required = false) String saved, HttpServletResponse response, Model model) {
		return sectionsPage(response, model, null, FormState.empty(), saved != null ? "Saved." : null, null);
	}

	@GetMapping("/admin/sections/{id}")
	public String editSection(@PathVariable long id, HttpServletResponse response, Model model) {
		SectionLine line = contributors.section(id).orElseThrow(MastheadAdminPages::notFound);
		FormState form = FormState.of(Forms.values("name", line.section().name(), "slug", line.section().slug(),
				"description", line.section().description()));
		return sectionsPage(response, model, line, form, null, null);
	}

	@PostMapping("/admin/sections")
	public String createSection(@RequestParam(required = false) String name, @RequestParam(required = false) String slug,
			@RequestParam(required = false) String description, HttpServletResponse response, Model model) {
		return saveSection(null, name, slug, description, response, model);
	}

	@PostMapping("/admin/sections/{id}")
	public String updateSection(@PathVariable long id, @RequestParam(required = false) String name,
			@RequestParam(required = false) String slug, @RequestParam(required = false) String description,
			HttpServletResponse response, Model model) {
		contributors.section(id).orElseThrow(MastheadAdminPages::notFound);
		return saveSection(id, name, slug, description, response, model);
	}

	@PostMapping("/admin/sections/{id}/move")
	public String moveSection(@PathVariable long id, @RequestParam String direction) {
		contributors.moveSection(id, "up".equals(direction) ? -1 : 1);
		return "redirect:/admin/sections";
	}

	@PostMapping("/admin/sections/{id}/delete")
	public String deleteSection(@PathVariable long id, HttpServletResponse response, Model model) {
		try {
			contributors.deleteSection(id);
			return "redirect:/admin/sections?saved";
		}
		catch (Refused refused) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return sectionsPage(response, model, null, FormState.empty(), null, refused.getMessage());
		}
	}

	private String saveSection(Long id, String name, String slug, String description, HttpServletResponse response,
			Model model) {
		try {
			contributors.saveSection(id, new SectionInput(name, slug, description));
			return "redirect:/admin/sections?saved";
		}
		catch (Refused refused) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			FormState form = Forms.failed(Forms.values("name", name, "slug", slug, "description", description), refused);
			return sectionsPage(response, model, id == null ? null : contributors.section(id).orElse(null), form, null,
					null);
		}
	}

	private String sectionsPage(HttpServletResponse response, Model model, SectionLine editing, FormState form,
			String notice, String problem) {
		response.setHeader("Cache-Control", "no-store");
		model.addAttribute("sections", contributors.sections());
		model.addAttribute("editing", editing);
		model.addAttribute("form", form);
		model.addAttribute("notice", notice);
		model.addAttribute("problem", problem);
		return "newsroom/sections";
	}

	// --- tags

	@GetMapping("/admin/tags")
	public String tags(@RequestParam(required = false) String saved, HttpServletResponse response, Model model) {
		return tagsPage(response, model, saved != null ? "Saved." : null, null, null);
	}

	@PostMapping("/admin/tags/{id}/rename")
	public String renameTag(@PathVariable long id, @RequestParam(required = false) String name, HttpServletResponse response,
			Model model) {
		return tagChange(() -> contributors.renameTag(id, name), id, response, model);
	}

	@PostMapping("/admin/tags/{id}/merge")
	public String mergeTag(@PathVariable long id, @RequestParam(required = false) Long into, HttpServletResponse response,
			Model model) {
		if (into == null) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return tagsPage(response, model, null, "Please choose the tag to merge into.", id);
		}
		return tagChange(() -> contributors.mergeTag(id, into), id, response, model);
	}

	@PostMapping("/admin/tags/{id}/delete")
	public String deleteTag(@PathVariable long id, HttpServletResponse response, Model model) {
		return tagChange(() -> contributors.deleteTag(id), id, response, model);
	}

	private String tagChange(Runnable change, long id, HttpServletResponse response, Model model) {
		try {
			change.run();
			return "redirect:/admin/tags?saved";
		}
		catch (Refused refused) {
			response.setStatus(refused.errors().isEmpty() ? HttpStatus.CONFLICT.value() : HttpStatus.BAD_REQUEST.value());
			String message = refused.errors().isEmpty() ? refused.getMessage() : refused.errors().get(0).message();
			return tagsPage(response, model, null, message, id);
		}
	}

	private String tagsPage(HttpServletResponse response, Model model, String notice, String problem, Long problemTag) {
		response.setHeader("Cache-Control", "no-store");
		model.addAttribute("tags", contributors.tags());
		model.addAttribute("notice", notice);
		model.addAttribute("problem", problem);
		model.addAttribute("problemTag", problemTag);
		return "newsroom/tags";
	}

	// --- authors

	@GetMapping("/admin/authors")
	public String authors(@RequestParam(required = false) String saved, HttpServletResponse response, Model model) {
		response.setHeader("Cache-Control", "no-store");
		model.addAttribute("authors", contributors.authors());
		model.addAttribute("notice", saved != null ? "Saved." : null);
		return "newsroom/authors";
	}

	@GetMapping("/admin/authors/new")
	public String newAuthor(HttpServletResponse response, Model model) {
		return authorPage(response, model, null, FormState.empty());
	}

	@GetMapping("/admin/authors/{id}")
	public String editAuthor(@PathVariable long id, @RequestParam(required = false) String saved, HttpServletResponse response,
			Model model) {
		model.addAttribute("notice", saved != null ? "Saved." : null);
		AuthorProfile profile = contributors.author(id).orElseThrow(MastheadAdminPages::notFound);
		String accountEmail = profile.accountId() == null ? ""
				: accounts.find(profile.accountId()).map(Account::email).orElse("");
		var a = profile.author();
		FormState form = FormState.of(Forms.values("displayName", a.displayName(), "slug", a.slug(), "title", a.title(),
				"bio", a.bio(), "websiteUrl", profile.websiteUrl(), "mastodonUrl", profile.mastodonUrl(), "xUrl",
				profile.xUrl(), "blueskyUrl", profile.blueskyUrl(), "linkedinUrl", profile.linkedinUrl(), "email",
				profile.email(), "accountEmail", accountEmail));
		return authorPage(response, model, profile, form);
	}

	@PostMapping("/admin/authors")
	public String createAuthor(AuthorForm form, HttpServletResponse response, Model model) {
		return saveAuthor(null, form, response, model);
	}

	@PostMapping("/admin/authors/{id}")
	public String updateAuthor(@PathVariable long id, AuthorForm form, HttpServletResponse response, Model model) {
		contributors.author(id).orElseThrow(MastheadAdminPages::notFound);
		return saveAuthor(id, form, response, model);
	}

	@PostMapping("/admin/authors/{id}/picture")
	public String picture(@PathVariable long id, @RequestParam(required = false) MultipartFile picture,
			HttpServletResponse response, Model model) throws IOException {
		AuthorProfile profile = contributors.author(id).orElseThrow(MastheadAdminPages::notFound);
		try {
			contributors.setPicture(id, picture == null ? null : picture.getBytes());
			return "redirect:/admin/authors/" + id + "?saved";
		}
		catch (Refused refused) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("pictureProblem", refused.getMessage());
			return editAuthor(profile.author().id(), null, response, model);
		}
	}

	/** The author form's fields, as posted. */
	public record AuthorForm(String displayName, String slug, String title, String bio, String websiteUrl, String mastodonUrl,
			String xUrl, String blueskyUrl, String linkedinUrl, String email, String accountEmail) {

		Map<String, String> values() {
			return Forms.values("displayName", displayName, "slug", slug, "title", title, "bio", bio, "websiteUrl",
					websiteUrl, "mastodonUrl", mastodonUrl, "xUrl", xUrl, "blueskyUrl", blueskyUrl, "linkedinUrl",
					linkedinUrl, "email", email, "accountEmail", accountEmail);
		}
	}

	private String saveAuthor(Long id, AuthorForm form, HttpServletResponse response, Model model) {
		Long accountId = null;
		String accountEmail = form.accountEmail() == null ? "" : form.accountEmail().strip();
		if (!accountEmail.isEmpty()) {
			accountId = accounts.findByEmail(accountEmail).map(Account::id).orElse(null);
			if (accountId == null) {
				return refusedAuthor(id, new FormState(form.values(),
						List.of(new FieldProblem("accountEmail", "No account has this address.")),
						"Please check what is marked."), response, model);
			}
		}
		try {
			AuthorProfile saved = contributors.saveAuthor(id, new AuthorInput(form.displayName(), form.slug(), form.title(),
					form.bio(), form.websiteUrl(), form.mastodonUrl(), form.xUrl(), form.blueskyUrl(), form.linkedinUrl(),
					form.email(), accountId));
			return "redirect:/admin/authors/" + saved.author().id() + "?saved";
		}
		catch (Refused refused) {
			return refusedAuthor(id, Forms.failed(form.values(), refused), response, model);
		}
	}

	private String refusedAuthor(Long id, FormState state, HttpServletResponse response, Model model) {
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		return authorPage(response, model, id == null ? null : contributors.author(id).orElse(null), state);
	}

	private String authorPage(HttpServletResponse response, Model model, AuthorProfile profile, FormState form) {
		response.setHeader("Cache-Control", "no-store");
		model.addAttribute("profile", profile);
		model.addAttribute("form", form);
		return "newsroom/author";
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}
}
