package dev.gazette.account.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import dev.gazette.refusal.FieldProblem;
import dev.gazette.account.AccountAdministration;
import dev.gazette.account.AccountProblem;
import dev.gazette.account.FormState;

/** {@code /setup}: the page behind the single-use link that {@link FirstAdmin} logs, to create the first admin. */
@Controller
public class SetupPages {

	private final AccountTokens tokens;

	private final FirstAdmin firstAdmin;

	private final AccountAdministration administration;

	private final PasswordPolicy policy;

	private final AccountUserDetails users;

	public SetupPages(AccountTokens tokens, FirstAdmin firstAdmin, AccountAdministration administration, PasswordPolicy policy,
			AccountUserDetails users) {
		this.users = users;
		this.tokens = tokens;
		this.firstAdmin = firstAdmin;
		this.administration = administration;
		this.policy = policy;
	}

	@GetMapping("/setup")
	public String form(@RequestParam(required = false) String token, HttpServletResponse response, Model model) {
		if (administration.hasAdmin() || !tokens.isValid(token, AccountTokens.Purpose.SETUP)) {
			return gone(response, model);
		}
		model.addAttribute("form", FormState.of(Map.of("token", token)));
		return "account/setup";
	}

	@PostMapping("/setup")
	@Transactional
	public String create(@RequestParam(required = false) String token, @RequestParam(required = false) String email,
			@RequestParam(required = false) String displayName, @RequestParam(required = false) String password,
			jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response, Model model) {
		if (administration.hasAdmin() || !tokens.isValid(token, AccountTokens.Purpose.SETUP)) {
			return gone(response, model);
		}
		String address = AccountFields.normalise(email);
		String name = AccountFields.cleanName(displayName);
		List<FieldProblem> problems = new ArrayList<>();
		AccountFields.emailProblem(address).ifPresent(m -> problems.add(new FieldProblem("email", m)));
		AccountFields.nameProblem(name).ifPresent(m -> problems.add(new FieldProblem("displayName", m)));
		policy.problemWith(password, address).ifPresent(m -> problems.add(new FieldProblem("password", m)));
		if (!problems.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("form", FormState.failed(Map.of("token", token, "email", address, "displayName", name),
					new AccountProblem("Please check what is marked.", problems)));
			return "account/setup";
		}
		tokens.redeem(token, AccountTokens.Purpose.SETUP).orElseThrow();
		firstAdmin.create(address, name, password);
		signIn(address, request, response);
		return AccountPages.notice(model, "You are the admin",
				"You are signed in as " + address + ". The staff pages list everything you can do; start with the "
						+ "publication’s settings.",
				"Staff pages", "/admin");
	}

	private static String gone(HttpServletResponse response, Model model) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		return AccountPages.notice(model, "Nothing to set up",
				"This set-up link has been used or has expired, or the site already has an admin.", "Front page", "/");
	}

	/**
	 * Signs the new admin in, as the sign-in form would: a new session id (so a session planted before cannot be
	 * taken over) holding the account.
	 */
	private void signIn(String address, jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response) {
		org.springframework.security.core.userdetails.UserDetails admin = users.loadUserByUsername(address);
		if (request.getSession(false) != null) {
			request.changeSessionId();
		}
		var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
		context.setAuthentication(org.springframework.security.authentication.UsernamePasswordAuthenticationToken
			.authenticated(admin, null, admin.getAuthorities()));
		org.springframework.security.core.context.SecurityContextHolder.setContext(context);
		new org.springframework.security.web.context.HttpSessionSecurityContextRepository().saveContext(context, request,
				response);
	}
}
