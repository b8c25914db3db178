package dev.gazette.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.gazette.account.FormProtection;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The answer to a form refused as a possible forgery ({@link FormProtection}). Nothing was done either way. When the
 * post came from this site's own page (a stale token: signed in or out in another tab, a page left open for days),
 * what the reader wrote comes back in a form with a fresh token, so no text is ever lost to the refusal; a post from
 * another site gets only the explanation, so a forger cannot use this page as a second step.
 */
@Component
class RefusedFormPage {

	/** Fields that are never shown back: the old token, and passwords (typed again instead). */
	private static final String TOKEN_FIELD = "_csrf";

	/** Fields a form sends for its own bookkeeping: carried back unseen. */
	private static final Set<String> BOOKKEEPING = Set.of("parentId", "nudgeAcknowledged", "back", "direction",
			"version", "remember-me");

	/** Fields whose forms give them several lines: they come back as such, however short. */
	private static final Set<String> MULTI_LINE = Set.of("body", "note", "bio", "detail", "summary", "message");

	/** Words for the fields people type most; any other field is named from its own name. */
	private static final Map<String, String> LABELS = Map.of("body", "Your text", "authorName", "Your name",
			"guestEmail", "Your e-mail", "email", "E-mail address", "displayName", "Display name", "note", "Your note",
			"to", "To", "name", "Your name");

	private final FormProtection forms;

	RefusedFormPage(FormProtection forms) {
		this.forms = forms;
	}

	/** Whether the error being answered is a form refused as a possible forgery. */
	static boolean isRefusedForm(HttpServletRequest request) {
		return request.getAttribute(FormProtection.REFUSED_FORM) != null;
	}

	/** The page for a refused form (403), from the error dispatch the refusal started. */
	String render(HttpServletRequest request, HttpServletResponse response, Model model) {
		response.setStatus(HttpStatus.FORBIDDEN.value());
		response.setHeader("Cache-Control", "no-store");
		String action = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		boolean fromHere = forms.fromThisSite(request) && action != null && action.startsWith("/");
		String contentType = request.getContentType();
		boolean upload = contentType != null && contentType.toLowerCase().startsWith("multipart/");
		CsrfToken token = forms.formToken(request);
		if (token != null) {
			token.getToken();
		}
		model.addAttribute("refused", new RefusedFormView(fromHere, upload, fromHere && !upload ? action : null,
				fromHere && !upload ? fields(request) : List.of()));
		return "web/form-refused";
	}

	private static List<RefusedFormView.Field> fields(HttpServletRequest request) {
		List<RefusedFormView.Field> fields = new ArrayList<>();
		@SuppressWarnings("unchecked")
		Map<String, String[]> sent = (request.getAttribute(FormProtection.REFUSED_FIELDS) instanceof Map<?, ?> copied)
				? (Map<String, String[]>) copied : request.getParameterMap();
		sent.forEach((name, values) -> {
			if (name.equals(TOKEN_FIELD)) {
				return;
			}
			boolean password = name.toLowerCase().contains("password");
			for (String value : values) {
				fields.add(new RefusedFormView.Field(name, label(name), password ? "" : value,
						password ? RefusedFormView.Kind.PASSWORD
								: BOOKKEEPING.contains(name) ? RefusedFormView.Kind.HIDDEN
										: MULTI_LINE.contains(name) || value.contains("\n") || value.length() > 80
												? RefusedFormView.Kind.LONG_TEXT
												: RefusedFormView.Kind.TEXT));
			}
		});
		return fields;
	}

	/** {@code guestEmail} → "Guest email", unless the field has words of its own. */
	static String label(String name) {
		String known = LABELS.get(name);
		if (known != null) {
			return known;
		}
		String words = name.replaceAll("([a-z])([A-Z])", "$1 $2").replace('-', ' ').replace('_', ' ').toLowerCase();
		return words.isEmpty() ? name : Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}
}
