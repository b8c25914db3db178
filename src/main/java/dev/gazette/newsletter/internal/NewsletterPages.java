package dev.gazette.newsletter.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.gazette.account.AccountPrincipal;
import dev.gazette.account.Notice;
import dev.gazette.newsletter.Newsletter.Choice;
import dev.gazette.refusal.FieldProblem;
import dev.gazette.newsletter.Frequency;
import dev.gazette.newsletter.Newsletter;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /newsletter}: the form (an address for guests; for a signed-in reader their own), the confirmation link's
 * page and the one-click unsubscribe link's page. Links in mail only ever show a page with a button: mail scanners
 * open links, and opening one must not subscribe or unsubscribe anyone.
 */
@Controller
public class NewsletterPages {

	private final Newsletter newsletter;

	public NewsletterPages(Newsletter newsletter) {
		this.newsletter = newsletter;
	}

	@GetMapping("/newsletter")
	public String page(@AuthenticationPrincipal AccountPrincipal viewer, @RequestParam(required = false) String done,
			Model model) {
		Map<String, String> values = new LinkedHashMap<>();
		List<String> chosen = List.of();
		Choice choice = viewer == null ? null : newsletter.choiceOf(viewer.id());
		if (choice != null) {
			values.put("frequency", choice.frequency());
			chosen = choice.sections();
		}
		else {
			values.put("frequency", Frequency.WEEKLY.key());
		}
		return view(model, choice, values, chosen, Map.of(), null, status(done));
	}

	@PostMapping("/newsletter")
	public String subscribe(@AuthenticationPrincipal AccountPrincipal viewer, @RequestParam(required = false) String email,
			@RequestParam(required = false) String frequency,
			@RequestParam(name = "section", required = false) List<String> sections, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		try {
			if (viewer != null) {
				newsletter.subscribeAccount(viewer.id(), frequency, sections);
				return "redirect:/newsletter?done=saved";
			}
			newsletter.subscribe(new Newsletter.Request(email, frequency, sections), request.getRemoteAddr());
			return "redirect:/newsletter?done=requested";
		}
		catch (Newsletter.TooManyRequests tooMany) {
			response.setStatus(429);
			response.setHeader("Retry-After", String.valueOf(tooMany.retryAfterSeconds()));
			Map<String, String> values = new LinkedHashMap<>();
			values.put("email", email == null ? "" : email);
			values.put("frequency", frequency == null ? "" : frequency);
			return view(model, null, values, sections == null ? List.of() : sections, Map.of(),
					"Too many subscription requests came from your address; please try again in "
							+ Math.max(1, (tooMany.retryAfterSeconds() + 59) / 60) + " minutes.",
					null);
		}
		catch (NewsletterProblem problem) {
			response.setStatus(400);
			Map<String, String> values = new LinkedHashMap<>();
			values.put("email", email == null ? "" : email);
			values.put("frequency", frequency == null ? "" : frequency);
			Map<String, String> errors = new LinkedHashMap<>();
			for (FieldProblem error : problem.errors()) {
				errors.putIfAbsent(error.field(), error.message());
			}
			return view(model, viewer == null ? null : newsletter.choiceOf(viewer.id()), values, sections == null ? List.of() : sections, errors,
					problem.getMessage(), null);
		}
	}

	@PostMapping("/newsletter/stop")
	public String stop(@AuthenticationPrincipal AccountPrincipal viewer) {
		if (viewer == null) {
			return "redirect:/newsletter";
		}
		newsletter.unsubscribeAccount(viewer.id());
		return "redirect:/newsletter?done=stopped";
	}

	@GetMapping(Newsletter.CONFIRM_PATH)
	public String askToConfirm(@RequestParam(required = false) String token, HttpServletResponse response, Model model) {
		noStore(response);
		if (!newsletter.canConfirm(token)) {
			return notice(response, model, 404, "This link does not work",
					"The confirmation link has expired, was used already, or was cut short. You can ask for a new one.");
		}
		model.addAttribute("token", token);
		return "newsletter/confirm";
	}

	@PostMapping(Newsletter.CONFIRM_PATH)
	public String confirm(@RequestParam(required = false) String token, HttpServletResponse response, Model model) {
		noStore(response);
		if (!newsletter.confirm(token)) {
			return notice(response, model, 404, "This link does not work",
					"The confirmation link has expired, was used already, or was cut short. You can ask for a new one.");
		}
		return notice(response, model, 200, "You are subscribed",
				"Thank you. The newsletter comes to your address from the next issue; every issue has a link to unsubscribe.");
	}

	@GetMapping(Newsletter.UNSUBSCRIBE_PATH)
	public String askToUnsubscribe(@RequestParam(required = false) String token, HttpServletResponse response, Model model) {
		noStore(response);
		if (!newsletter.isUnsubscribeLink(token)) {
			return unknownUnsubscribeLink(response, model);
		}
		model.addAttribute("token", token);
		return "newsletter/unsubscribe";
	}

	/** Also the RFC 8058 one-click POST from a mail program: no session, no CSRF token, the token is the proof. */
	@PostMapping(Newsletter.UNSUBSCRIBE_PATH)
	public String unsubscribe(@RequestParam(required = false) String token, HttpServletResponse response, Model model) {
		noStore(response);
		if (!newsletter.unsubscribe(token)) {
			return unknownUnsubscribeLink(response, model);
		}
		return notice(response, model, 200, "You are unsubscribed",
				"We will send you no more newsletters. You can subscribe again on the newsletter page at any time.");
	}

	/** {@code account} is the signed-in reader's current choice, {@code null} for a guest. */
	private String view(Model model, Choice account, Map<String, String> values, List<String> chosen,
			Map<String, String> errors, String message, String status) {
		model.addAttribute("newsletter", new NewsletterView(newsletter.sections(), account == null ? null : account.email(),
				account != null && account.subscribed(), values, chosen, errors, message, status));
		return "newsletter/page";
	}

	private static String status(String done) {
		if (done == null) {
			return null;
		}
		return switch (done) {
			case "requested" -> "Check your inbox: we sent a link to confirm your subscription. Nothing is sent until you follow it.";
			case "saved" -> "Your newsletter choices are saved.";
			case "stopped" -> "You will get no more newsletters.";
			default -> null;
		};
	}

	private String unknownUnsubscribeLink(HttpServletResponse response, Model model) {
		return notice(response, model, 404, "This link does not work",
				"This unsubscribe link is not one of ours, or it was cut short. Signed-in readers can stop the newsletter on the newsletter page.");
	}

	private static String notice(HttpServletResponse response, Model model, int status, String title, String message) {
		response.setStatus(status);
		model.addAttribute("notice", new Notice(title, message, "The newsletter page", "/newsletter"));
		return "account/notice";
	}

	private static void noStore(HttpServletResponse response) {
		response.setHeader("Cache-Control", "no-store");
	}
}
