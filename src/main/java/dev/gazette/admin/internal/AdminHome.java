package dev.gazette.admin.internal;

import dev.gazette.account.AccountPrincipal;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

/** {@code /admin}: the staff pages this person may use, grouped. A reader without a staff role gets a 403. */
@Controller
class AdminHome {

	@GetMapping({ "/admin", "/admin/" })
	String home(@AuthenticationPrincipal AccountPrincipal viewer, HttpServletResponse response, Model model) {
		var groups = StaffPages.forViewer(viewer);
		if (groups.isEmpty()) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		response.setHeader("Cache-Control", "no-store");
		model.addAttribute("groups", groups);
		return "admin/home";
	}
}
