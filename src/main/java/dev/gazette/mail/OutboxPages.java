package dev.gazette.mail;

import dev.gazette.mail.internal.OutboxPageView;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The outbox: every mail Gazette wrote, newest first, and each one opened. Without an SMTP server this is where
 * verification and password-reset links are read, so it shows secrets: admins only, and never cached.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class OutboxPages {

	static final int PAGE_SIZE = 50;

	private final Outbox outbox;

	private final OutboxViews views;

	private final Mailer mailer;

	OutboxPages(Outbox outbox, OutboxViews views, Mailer mailer) {
		this.outbox = outbox;
		this.views = views;
		this.mailer = mailer;
	}

	@GetMapping(OutboxPageView.PATH)
	String outbox(@RequestParam(defaultValue = "1") int page, HttpServletResponse response, Model model) {
		long total = outbox.count();
		if (page < 1 || (page > 1 && (long) (page - 1) * PAGE_SIZE >= total)) {
			throw notFound();
		}
		privatePage(response);
		model.addAttribute("outbox", views.page(outbox.newest((page - 1) * PAGE_SIZE, PAGE_SIZE), page, PAGE_SIZE,
				total, mailer.delivers()));
		return "mail/outbox";
	}

	@GetMapping(OutboxPageView.PATH + "/{id}")
	String message(@PathVariable long id, HttpServletResponse response, Model model) {
		OutboxMessage mail = outbox.find(id).orElseThrow(OutboxPages::notFound);
		privatePage(response);
		model.addAttribute("mail", views.message(mail, outbox.attempts(id)));
		return "mail/outbox-message";
	}

	private static void privatePage(HttpServletResponse response) {
		response.setHeader("Cache-Control", "no-store");
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}
}
