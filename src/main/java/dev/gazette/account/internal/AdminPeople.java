package dev.gazette.account.internal;

import dev.gazette.account.Account;
import dev.gazette.account.AccountAdministration;
import dev.gazette.account.AccountPrincipal;
import dev.gazette.account.AccountProblem;
import dev.gazette.account.Accounts;
import dev.gazette.account.Role;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /admin/people}: an admin finds accounts and grants or revokes their roles. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
public class AdminPeople {

	static final int PAGE_SIZE = 50;

	private final AccountAdministration administration;

	private final Accounts accounts;

	public AdminPeople(AccountAdministration administration, Accounts accounts) {
		this.administration = administration;
		this.accounts = accounts;
	}

	@GetMapping("/admin/people")
	public String people(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "1") int page,
			@RequestParam(required = false) String changed, @RequestParam(required = false) String problem,
			Model model) {
		int current = Math.max(1, page);
		model.addAttribute("people", new PeopleView(administration.search(q, PAGE_SIZE, (long) (current - 1) * PAGE_SIZE),
				q, current, administration.count(q), PAGE_SIZE, List.of(Role.values()).subList(1, Role.values().length),
				changed, problemMessage(problem)));
		return "account/admin-people";
	}

	/**
	 * Changes a role once the admin has confirmed it: the list's buttons send the change without {@code confirmed},
	 * which answers the page that says what the change will do and asks; granting admin also asks for a tick.
	 */
	@PostMapping("/admin/people/{id}/roles")
	public String change(@PathVariable long id, @RequestParam Role role, @RequestParam boolean grant,
			@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "false") boolean confirmed,
			@RequestParam(defaultValue = "false") boolean understood, @AuthenticationPrincipal AccountPrincipal admin,
			jakarta.servlet.http.HttpServletResponse response, Model model) {
		Account person = accounts.find(id).orElse(null);
		if (person == null) {
			return "redirect:/admin/people?problem=no-account";
		}
		if (!confirmed || (grant && role == Role.ADMIN && !understood)) {
			String problem = confirmed ? "Tick the box to confirm that you mean to make them an admin." : null;
			if (problem != null) {
				response.setStatus(400);
			}
			response.setHeader("Cache-Control", "no-store");
			model.addAttribute("change", new RoleChangeView(person, role, grant, q, person.id() == admin.id(), problem));
			return "account/role-confirm";
		}
		try {
			if (grant) {
				administration.grant(id, role, admin.id());
			}
			else {
				administration.revoke(id, role, admin.id());
			}
		}
		catch (AccountProblem ex) {
			// The account may have been deleted while the page was open.
			return "redirect:/admin/people?problem=" + (accounts.find(id).isPresent() ? "last-admin" : "no-account");
		}
		return "redirect:/admin/people?changed=" + id + (q.isBlank() ? "" : "&q=" + java.net.URLEncoder.encode(q,
				java.nio.charset.StandardCharsets.UTF_8));
	}

	private static String problemMessage(String problem) {
		if (problem == null) {
			return null;
		}
		return switch (problem) {
			case "last-admin" -> "That is the last admin: make someone else an admin first.";
			case "no-account" -> "That account does not exist any more.";
			default -> null;
		};
	}
}
