package dev.gazette.newsroom.internal;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import dev.gazette.account.AccountPrincipal;
import dev.gazette.account.FormState;
import dev.gazette.article.Pages;
import dev.gazette.article.SitePage;
import dev.gazette.publication.Publications;
import dev.gazette.newsroom.Pitch;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
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
 * {@code /write-for-us}: the page's text and the pitch form (anyone); {@code /admin/pitches}: the editors' queue,
 * each pitch in full, and the decisions (invite as contributor, decline).
 */
@Controller
public class PitchPages {

	static final List<String> STATUSES = List.of("open", "invited", "declined");

	private final Pitches pitches;

	private final Pages pages;

	private final Publications publications;

	public PitchPages(Pitches pitches, Pages pages, Publications publications) {
		this.pitches = pitches;
		this.pages = pages;
		this.publications = publications;
	}

	@GetMapping("/write-for-us")
	public String page(Model model) {
		return form(model, FormState.empty());
	}

	@PostMapping("/write-for-us")
	public String send(@RequestParam(required = false) String name, @RequestParam(required = false) String email,
			@RequestParam(required = false) String summary, @RequestParam(required = false) String sample,
			@RequestParam(required = false) String sampleUrl, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		Map<String, String> values = Forms.values("name", name, "email", email, "summary", summary, "sample", sample,
				"sampleUrl", sampleUrl);
		try {
			Pitch pitch = pitches.submit(new Pitches.Submission(name, email, summary, sample, sampleUrl),
					request.getRemoteAddr());
			model.addAttribute("pitch", pitch);
			return "newsroom/pitch-received";
		}
		catch (Pitches.Invalid invalid) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return form(model, new FormState(values, invalid.errors(), invalid.getMessage()));
		}
		catch (Pitches.Throttled throttled) {
			long seconds = Math.max(1, throttled.retryAfter().toSeconds());
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
			long minutes = Math.max(1, (seconds + 59) / 60);
			return form(model, new FormState(values, List.of(), "You have sent several pitches in a short time. Please try again in "
					+ minutes + (minutes == 1 ? " minute." : " minutes.")));
		}
	}

	private String form(Model model, FormState form) {
		SitePage page = pages.find("write-for-us").orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("page", page);
		model.addAttribute("form", form);
		return "newsroom/write-for-us";
	}

	// --- the editors' queue

	@GetMapping("/admin/pitches")
	@PreAuthorize("hasAnyRole('EDITOR', 'ADMIN')")
	public String queue(@RequestParam(defaultValue = "open") String status, HttpServletResponse response, Model model) {
		String shown = STATUSES.contains(status) ? status : "open";
		response.setHeader("Cache-Control", "no-store");
		ZoneId zone = publications.current().timeZone();
		model.addAttribute("status", shown);
		model.addAttribute("counts", pitches.counts());
		model.addAttribute("pitches", pitches.list(shown, 200).stream().map(pitch -> PitchView.of(pitch, zone)).toList());
		return "newsroom/pitches";
	}

	@GetMapping("/admin/pitches/{id}")
	@PreAuthorize("hasAnyRole('EDITOR', 'ADMIN')")
	public String pitch(@PathVariable long id, @RequestParam(required = false) String decided, HttpServletResponse response,
			Model model) {
		return pitchPage(id, decided != null ? "Done." : null, null, HttpStatus.OK, response, model);
	}

	@PostMapping("/admin/pitches/{id}/invite")
	@PreAuthorize("hasAnyRole('EDITOR', 'ADMIN')")
	public String invite(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal editor, HttpServletResponse response,
			Model model) {
		try {
			pitches.invite(id, editor.id(), editor.displayName());
			return "redirect:/admin/pitches/" + id + "?decided";
		}
		catch (Pitches.Invalid invalid) {
			return pitchPage(id, null, invalid.getMessage(), HttpStatus.CONFLICT, response, model);
		}
	}

	@PostMapping("/admin/pitches/{id}/decline")
	@PreAuthorize("hasAnyRole('EDITOR', 'ADMIN')")
	public String decline(@PathVariable long id, @RequestParam(required = false) String message,
			@AuthenticationPrincipal AccountPrincipal editor, HttpServletResponse response, Model model) {
		try {
			pitches.decline(id, message, editor.id(), editor.displayName());
			return "redirect:/admin/pitches/" + id + "?decided";
		}
		catch (Pitches.Invalid invalid) {
			HttpStatus status = invalid.errors().isEmpty() ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
			String text = invalid.errors().isEmpty() ? invalid.getMessage() : invalid.errors().get(0).message();
			return pitchPage(id, null, text, status, response, model);
		}
	}

	private String pitchPage(long id, String notice, String problem, HttpStatus status, HttpServletResponse response,
			Model model) {
		Pitch pitch = pitches.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		response.setStatus(status.value());
		response.setHeader("Cache-Control", "no-store");
		model.addAttribute("pitch", PitchView.of(pitch, publications.current().timeZone()));
		model.addAttribute("notice", notice);
		model.addAttribute("problem", problem);
		return "newsroom/pitch";
	}
}
