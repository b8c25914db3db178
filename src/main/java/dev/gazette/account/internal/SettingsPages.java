package dev.gazette.account.internal;

import dev.gazette.account.Account;
import dev.gazette.account.AccountPrincipal;
import dev.gazette.account.AccountProblem;
import dev.gazette.account.Accounts;
import dev.gazette.account.ApiTokens;
import dev.gazette.account.FormState;
import dev.gazette.account.Passwords;
import dev.gazette.account.Profiles;
import dev.gazette.refusal.Filled;
import dev.gazette.refusal.FormChecks;
import dev.gazette.refusal.MaxLength;
import dev.gazette.refusal.MaxLength.Count;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** A signed-in reader's settings: profile, avatar, password, address, access tokens, their data, and leaving. */
@Controller
public class SettingsPages {

	private final Accounts accounts;

	private final Profiles profiles;

	private final Passwords passwords;

	private final YourData yourData;

	private final ApiTokens tokens;

	private final AccountImages images;

	private final ObjectMapper json;

	public SettingsPages(Accounts accounts, Profiles profiles, Passwords passwords, YourData yourData, ApiTokens tokens,
			AccountImages images, ObjectMapper json) {
		this.accounts = accounts;
		this.profiles = profiles;
		this.passwords = passwords;
		this.yourData = yourData;
		this.tokens = tokens;
		this.images = images;
		this.json = json;
	}

	@GetMapping("/settings")
	public String settings(@AuthenticationPrincipal AccountPrincipal viewer, @RequestParam(required = false) String saved,
			Model model) {
		return page(model, viewer, builder(viewer).saved(savedMessage(saved)));
	}

	@PostMapping("/settings/profile")
	public String profile(@AuthenticationPrincipal AccountPrincipal viewer, @RequestParam(required = false) String displayName,
			@RequestParam(required = false) String bio, @RequestParam(defaultValue = "false") boolean replyNotifications,
			@RequestParam(defaultValue = "false") boolean newsletter, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		try {
			Account saved = profiles.update(viewer.id(), displayName, bio, replyNotifications, newsletter);
			keepSessionCurrent(saved, request, response);
			return "redirect:/settings?saved=profile";
		}
		catch (AccountProblem problem) {
			response.setStatus(400);
			return page(model, viewer, builder(viewer).profile(FormState.failed(
					Map.of("displayName", nonNull(displayName), "bio", nonNull(bio)), problem)));
		}
	}

	@PostMapping("/settings/avatar")
	public String avatar(@AuthenticationPrincipal AccountPrincipal viewer,
			@RequestParam(name = "avatar", required = false) MultipartFile file, HttpServletResponse response,
			Model model) throws IOException {
		try {
			images.upload(viewer.id(), file == null ? null : file.getBytes());
			return "redirect:/settings?saved=avatar";
		}
		catch (AccountProblem problem) {
			response.setStatus(400);
			return page(model, viewer, builder(viewer).avatar(FormState.failed(Map.of(), problem)));
		}
	}

	@PostMapping("/settings/avatar/remove")
	public String removeAvatar(@AuthenticationPrincipal AccountPrincipal viewer) {
		images.remove(viewer.id());
		return "redirect:/settings?saved=avatar";
	}

	@PostMapping("/settings/password")
	public String password(@AuthenticationPrincipal AccountPrincipal viewer,
			@RequestParam(required = false) String currentPassword, @RequestParam(required = false) String newPassword,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		try {
			HttpSession session = request.getSession(false);
			passwords.change(viewer.id(), currentPassword, newPassword, session == null ? null : session.getId());
			return "redirect:/settings?saved=password";
		}
		catch (AccountProblem problem) {
			response.setStatus(400);
			return page(model, viewer, builder(viewer).password(FormState.failed(Map.of(), problem)));
		}
	}

	@PostMapping("/settings/email")
	public String email(@AuthenticationPrincipal AccountPrincipal viewer, @RequestParam(required = false) String newEmail,
			@RequestParam(required = false) String currentPassword, HttpServletResponse response, Model model) {
		try {
			profiles.requestEmailChange(viewer.id(), newEmail, currentPassword);
			return "redirect:/settings?saved=email";
		}
		catch (AccountProblem problem) {
			response.setStatus(400);
			return page(model, viewer,
					builder(viewer).email(FormState.failed(Map.of("newEmail", nonNull(newEmail)), problem)));
		}
	}

	@PostMapping("/settings/tokens")
	public String createToken(@AuthenticationPrincipal AccountPrincipal viewer, @Valid TokenForm form,
			BindingResult checks, HttpServletResponse response, Model model) {
		try {
			FormChecks.refuseIf(checks, TokenForm.class, problems -> new AccountProblem(TokenForm.PROBLEM, problems));
			ApiTokens.NewToken created = tokens.create(viewer.id(), form.name());
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			return page(model, viewer, builder(viewer).newToken(created.token()));
		}
		catch (AccountProblem problem) {
			response.setStatus(400);
			return page(model, viewer,
					builder(viewer).token(FormState.failed(Map.of("name", nonNull(form.name())), problem)));
		}
	}

	/** The token form: what will use the token, which its list shows. */
	record TokenForm(
			@Filled(message = NAME_PROBLEM)
			@MaxLength(value = ApiTokens.MAX_NAME, count = Count.UTF16_UNITS, message = NAME_PROBLEM) String name) {

		static final String PROBLEM = "Please name the token (up to " + ApiTokens.MAX_NAME
				+ " characters), e.g. the app that uses it.";

		static final String NAME_PROBLEM = "Give the token a name of 1 to " + ApiTokens.MAX_NAME + " characters.";
	}

	@PostMapping("/settings/tokens/{id}/revoke")
	public String revokeToken(@AuthenticationPrincipal AccountPrincipal viewer, @PathVariable long id) {
		tokens.revoke(viewer.id(), id);
		return "redirect:/settings?saved=token";
	}

	@GetMapping("/settings/export")
	public ResponseEntity<byte[]> export(@AuthenticationPrincipal AccountPrincipal viewer) {
		byte[] body = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(yourData.export(viewer.id()));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"gazette-my-data.json\"")
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(body);
	}

	@PostMapping("/settings/delete")
	public String delete(@AuthenticationPrincipal AccountPrincipal viewer, @RequestParam(required = false) String currentPassword,
			@RequestParam(defaultValue = "keep") String comments, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		try {
			yourData.delete(viewer.id(), currentPassword, "remove".equals(comments));
		}
		catch (AccountProblem problem) {
			response.setStatus(400);
			return page(model, viewer, builder(viewer).delete(FormState.failed(Map.of(), problem)));
		}
		new SecurityContextLogoutHandler().logout(request, response, null);
		return AccountPages.notice(model, "Your account is deleted",
				"Everything we held about you is gone, except a record that the account existed and was deleted.",
				"Front page", "/");
	}

	/** The header and the comment form show the name held in the session, which is the one from sign-in. */
	private static void keepSessionCurrent(Account account, HttpServletRequest request, HttpServletResponse response) {
		AccountPrincipal principal = new AccountPrincipal(account, null);
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
		SecurityContextHolder.setContext(context);
		new HttpSessionSecurityContextRepository().saveContext(context, request, response);
	}

	private String page(Model model, AccountPrincipal viewer, Builder builder) {
		model.addAttribute("settings", builder.build());
		return "account/settings";
	}

	private Builder builder(AccountPrincipal viewer) {
		Account account = accounts.find(viewer.id()).orElseThrow();
		return new Builder(account, tokens.list(viewer.id()));
	}

	private static String savedMessage(String saved) {
		if (saved == null) {
			return null;
		}
		return switch (saved) {
			case "profile" -> "Your profile is saved.";
			case "avatar" -> "Your picture is saved.";
			case "password" -> "Your password is changed.";
			case "email" -> "Check the inbox of your new address: the change takes effect when you follow the link there.";
			case "token" -> "The token is revoked.";
			default -> null;
		};
	}

	private static String nonNull(String value) {
		return value == null ? "" : value;
	}

	/** Collects the page's state; forms not touched in this request start empty. */
	private static final class Builder {

		private final Account account;

		private final java.util.List<ApiTokens.TokenInfo> tokens;

		private FormState profile;

		private FormState password = FormState.empty();

		private FormState email = FormState.empty();

		private FormState token = FormState.empty();

		private FormState avatar = FormState.empty();

		private FormState delete = FormState.empty();

		private String newToken;

		private String saved;

		Builder(Account account, java.util.List<ApiTokens.TokenInfo> tokens) {
			this.account = account;
			this.tokens = tokens;
			this.profile = FormState.of(Map.of("displayName", account.displayName(), "bio",
					account.bio() == null ? "" : account.bio()));
		}

		Builder profile(FormState state) { this.profile = state; return this; }

		Builder password(FormState state) { this.password = state; return this; }

		Builder email(FormState state) { this.email = state; return this; }

		Builder token(FormState state) { this.token = state; return this; }

		Builder avatar(FormState state) { this.avatar = state; return this; }

		Builder delete(FormState state) { this.delete = state; return this; }

		Builder newToken(String value) { this.newToken = value; return this; }

		Builder saved(String value) { this.saved = value; return this; }

		SettingsView build() {
			return new SettingsView(account, tokens, profile, password, email, token, avatar, delete, newToken, saved);
		}
	}
}
