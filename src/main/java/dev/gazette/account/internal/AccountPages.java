package dev.gazette.account.internal;

import dev.gazette.site.ReturnTo;
import dev.gazette.account.AccountProblem;
import dev.gazette.account.FormState;
import dev.gazette.account.Notice;
import dev.gazette.account.Passwords;
import dev.gazette.account.Profiles;
import dev.gazette.account.Registration;
import dev.gazette.account.SignUp;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Joining, proving an address, signing in (the form; Spring Security handles the post) and recovering a password.
 * Every answer about an address is the same whether or not it is registered.
 */
@Controller
public class AccountPages {

	static final String CHECK_INBOX = "If that address can be used, we have sent a message to it. "
			+ "Please follow the link in it; the link works once.";

	private final Registration registration;

	private final Passwords passwords;

	private final Profiles profiles;

	public AccountPages(Registration registration, Passwords passwords, Profiles profiles) {
		this.registration = registration;
		this.passwords = passwords;
		this.profiles = profiles;
	}

	@GetMapping("/join")
	public String joinForm(Model model) {
		model.addAttribute("form", FormState.empty());
		return "account/join";
	}

	@PostMapping("/join")
	public String join(@RequestParam(required = false) String email, @RequestParam(required = false) String displayName,
			@RequestParam(required = false) String password, HttpServletResponse response, Model model) {
		Map<String, String> typed = new HashMap<>();
		typed.put("email", email);
		typed.put("displayName", displayName);
		try {
			registration.signUp(new SignUp(email, displayName, password));
		}
		catch (AccountProblem problem) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("form", FormState.failed(typed, problem));
			return "account/join";
		}
		return notice(model, "Check your inbox", CHECK_INBOX
				+ " If the address already has an account, the message tells you how to sign in instead.", null, null);
	}

	@GetMapping("/verify")
	public String verify(@RequestParam(required = false) String token, HttpServletResponse response, Model model) {
		return registration.verifyEmail(token)
			.map(account -> notice(model, "Your address is verified",
					"Welcome, " + account.displayName() + ". You can sign in now and join the discussion.", "Sign in",
					"/sign-in?email=" + java.net.URLEncoder.encode(account.email(), java.nio.charset.StandardCharsets.UTF_8)))
			.orElseGet(() -> {
				response.setStatus(HttpStatus.BAD_REQUEST.value());
				return notice(model, "This link does not work any more",
						"Verification links work once and for two days. Sign in to have a new one sent.", "Sign in",
						"/sign-in");
			});
	}

	@GetMapping("/sign-in")
	public String signInForm(@RequestParam(required = false) String email, @RequestParam(required = false) String error,
			@RequestParam(required = false) String unverified, @RequestParam(required = false) String next,
			Model model) {
		model.addAttribute("next", ReturnTo.safe(next));
		String message = null;
		if (error != null) {
			message = "That e-mail address and password do not match an account.";
		}
		else if (unverified != null) {
			message = "Your address is not verified yet. We can send you a new link.";
		}
		model.addAttribute("form", new FormState(Map.of("email", email == null ? "" : email), java.util.List.of(), message));
		model.addAttribute("unverified", unverified != null);
		return "account/sign-in";
	}

	@PostMapping("/verify/resend")
	public String resend(@RequestParam(required = false) String email, Model model) {
		registration.resendVerification(email);
		return notice(model, "Check your inbox", CHECK_INBOX, null, null);
	}

	@GetMapping("/forgot-password")
	public String forgotForm(Model model) {
		model.addAttribute("form", FormState.empty());
		return "account/forgot-password";
	}

	@PostMapping("/forgot-password")
	public String forgot(@RequestParam(required = false) String email, Model model) {
		passwords.requestReset(email);
		return notice(model, "Check your inbox",
				"If an account uses that address, we have sent it a link to choose a new password. The link works once, for an hour.",
				null, null);
	}

	@GetMapping("/reset-password")
	public String resetForm(@RequestParam(required = false) String token, HttpServletResponse response, Model model) {
		if (!passwords.isResetTokenValid(token)) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return notice(model, "This link does not work any more",
					"Reset links work once, for an hour. Please ask for a new one.", "Ask for a new link",
					"/forgot-password");
		}
		model.addAttribute("form", FormState.of(Map.of("token", token)));
		return "account/reset-password";
	}

	@PostMapping("/reset-password")
	public String reset(@RequestParam(required = false) String token, @RequestParam(required = false) String password,
			HttpServletResponse response, Model model) {
		try {
			passwords.reset(token, password);
		}
		catch (AccountProblem problem) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("form", FormState.failed(Map.of("token", token == null ? "" : token), problem));
			return "account/reset-password";
		}
		return notice(model, "Your password is changed", "You can sign in with your new password now.", "Sign in",
				"/sign-in");
	}

	@GetMapping("/confirm-email")
	public String confirmEmail(@RequestParam(required = false) String token, HttpServletResponse response, Model model) {
		return profiles.confirmEmailChange(token)
			.map(account -> notice(model, "Your new address is confirmed",
					"From now on, sign in with " + account.email() + ".", "Sign in", "/sign-in"))
			.orElseGet(() -> {
				response.setStatus(HttpStatus.BAD_REQUEST.value());
				return notice(model, "This link does not work any more",
						"Confirmation links work once and for two days. You can ask again in your settings.", "Settings",
						"/settings");
			});
	}

	public static String notice(Model model, String title, String message, String linkText, String linkHref) {
		model.addAttribute("notice", new Notice(title, message, linkText, linkHref));
		return "account/notice";
	}
}
