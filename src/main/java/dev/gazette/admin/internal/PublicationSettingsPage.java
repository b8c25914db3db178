package dev.gazette.admin.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.gazette.account.AccountPrincipal;
import dev.gazette.account.FormState;
import dev.gazette.publication.PublicationSettings;
import dev.gazette.publication.PublicationSettings.Draft;
import dev.gazette.publication.PublicationSettings.Refused;
import dev.gazette.publication.PublicationSettings.Saved;
import dev.gazette.publication.Publications;
import dev.gazette.refusal.FieldProblem;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /admin/settings}: the publication's settings, for admins. A form with a problem comes back with a 400, the
 * fields marked and nothing saved; a saved change shows on every node at the next request (see {@link Publications}).
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class PublicationSettingsPage {

	private final PublicationSettings settings;

	private final Publications publications;

	private final boolean configuredGuestsAllowed;

	private final String configuredMailFrom;

	PublicationSettingsPage(PublicationSettings settings, Publications publications,
			@Value("${gazette.comments.guests-allowed:true}") boolean configuredGuestsAllowed,
			@Value("${gazette.mail.from:Gazette <no-reply@localhost>}") String configuredMailFrom) {
		this.settings = settings;
		this.publications = publications;
		this.configuredGuestsAllowed = configuredGuestsAllowed;
		this.configuredMailFrom = configuredMailFrom;
	}

	@GetMapping("/admin/settings")
	String show(@RequestParam(required = false) String saved, HttpServletResponse response, Model model) {
		Draft current = settings.draft(configuredGuestsAllowed, configuredMailFrom);
		return view(response, model, FormState.of(values(current)),
				saved == null ? null : saved.isBlank() ? "Nothing changed." : "Saved: " + saved + ". Every page shows it now.");
	}

	@PostMapping("/admin/settings")
	String save(@ModelAttribute SettingsForm form, @AuthenticationPrincipal AccountPrincipal admin,
			HttpServletResponse response, Model model) {
		Draft draft = form.draft();
		PublicationSettings.Outcome outcome = settings.change(draft, admin.id(), admin.displayName());
		if (outcome instanceof Saved saved) {
			return "redirect:/admin/settings?saved="
					+ java.net.URLEncoder.encode(String.join(", ", saved.changed()), java.nio.charset.StandardCharsets.UTF_8);
		}
		Refused refused = (Refused) outcome;
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		List<FieldProblem> errors = refused.problems().stream().map(p -> new FieldProblem(p.field(), p.message())).toList();
		String message = errors.size() == 1 ? "One setting needs fixing; nothing was saved."
				: errors.size() + " settings need fixing; nothing was saved.";
		return view(response, model, new FormState(values(draft), errors, message), null);
	}

	private String view(HttpServletResponse response, Model model, FormState form, String notice) {
		response.setHeader("Cache-Control", "no-store");
		model.addAttribute("settings", new SettingsView(form, notice, PublicationSettings.ZONES,
				settings.history(10).stream()
					.map(change -> new SettingsView.ChangeLine(
							dev.gazette.publication.Timestamps.articleTime(change.at(), publications.current().timeZone()),
							change.byName() == null ? "someone whose account is gone" : change.byName(), change.fields()))
					.toList(),
				configuredGuestsAllowed, configuredMailFrom));
		return "admin/settings";
	}

	private static Map<String, String> values(Draft draft) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("name", nonNull(draft.name()));
		values.put("tagline", nonNull(draft.tagline()));
		values.put("timeZone", nonNull(draft.timeZone()));
		values.put("secondCalendar", nonNull(draft.secondCalendar()));
		values.put("opinionDisclaimer", nonNull(draft.opinionDisclaimer()));
		values.put("contributorInvitation", nonNull(draft.contributorInvitation()));
		values.put("heldReviewTime", nonNull(draft.heldReviewTime()));
		values.put("guestsAllowed", nonNull(draft.guestsAllowed()));
		values.put("mailFrom", nonNull(draft.mailFrom()));
		return values;
	}

	private static String nonNull(String value) {
		return value == null ? "" : value;
	}

	/** The form as posted; a missing field is null, which the settings refuse where it is needed. */
	record SettingsForm(String name, String tagline, String timeZone, String secondCalendar, String opinionDisclaimer,
			String contributorInvitation, String heldReviewTime, String guestsAllowed, String mailFrom) {

		Draft draft() {
			return new Draft(name, tagline, timeZone, secondCalendar, opinionDisclaimer, contributorInvitation,
					heldReviewTime, guestsAllowed, mailFrom);
		}
	}
}
