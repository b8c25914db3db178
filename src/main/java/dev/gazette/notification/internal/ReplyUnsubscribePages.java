package dev.gazette.notification.internal;

import dev.gazette.account.Notice;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The one-click unsubscribe link in every reply notification. Opening it (GET) only asks, because mail scanners
 * follow links; the POST, from the page's button or from the mail program (RFC 8058), turns notifications off. The
 * token authorises the POST, so it needs no session and no CSRF token.
 */
@Controller
class ReplyUnsubscribePages {

	private final ReplyNotifications notifications;

	ReplyUnsubscribePages(ReplyNotifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping(ReplyNotifications.UNSUBSCRIBE_PATH)
	String confirm(@RequestParam(required = false) String token, HttpServletResponse response, Model model) {
		noStore(response);
		if (!notifications.isKnown(token)) {
			return unknownLink(response, model);
		}
		model.addAttribute("token", token);
		return "notification/unsubscribe";
	}

	@PostMapping(ReplyNotifications.UNSUBSCRIBE_PATH)
	String unsubscribe(@RequestParam(required = false) String token, HttpServletResponse response, Model model) {
		noStore(response);
		if (!notifications.unsubscribe(token)) {
			return unknownLink(response, model);
		}
		model.addAttribute("notice", new Notice("No more reply notifications",
				"We will no longer e-mail you when someone replies to your comments. You can turn them on again in your settings.",
				"Settings", "/settings"));
		return "account/notice";
	}

	private static String unknownLink(HttpServletResponse response, Model model) {
		response.setStatus(404);
		model.addAttribute("notice", new Notice("This link does not work",
				"This unsubscribe link is not one of ours, or it was cut short. You can turn reply notifications off in your settings.",
				"Settings", "/settings"));
		return "account/notice";
	}

	private static void noStore(HttpServletResponse response) {
		response.setHeader("Cache-Control", "no-store");
	}
}
