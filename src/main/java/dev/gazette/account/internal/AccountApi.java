package dev.gazette.account.internal;

import dev.gazette.account.Account;
import dev.gazette.account.AccountPrincipal;
import dev.gazette.account.Accounts;
import dev.gazette.account.Registration;
import dev.gazette.account.Role;
import dev.gazette.account.SignUp;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Accounts over the API: sign up, and who the token belongs to. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Accounts")
public class AccountApi {

	private final Accounts accounts;

	private final Registration registration;

	public AccountApi(Accounts accounts, Registration registration) {
		this.accounts = accounts;
		this.registration = registration;
	}

	@PostMapping(path = "/accounts", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Sign up", description = "Answers 202 whether or not the address already has an account "
			+ "(its owner is told by e-mail), so the API cannot be used to find out who is registered. 400 problem "
			+ "JSON with errors[] for an invalid address, a display name over 60 characters, or a weak password.")
	public ResponseEntity<Map<String, String>> signUp(@RequestBody SignUpRequest request) {
		registration.signUp(new SignUp(request.email(), request.displayName(), request.password()));
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("message", AccountPages.CHECK_INBOX));
	}

	@GetMapping("/me")
	@Operation(summary = "The account of the personal access token", description = "401 without a valid token.")
	public MeJson me(@AuthenticationPrincipal AccountPrincipal viewer) {
		Account account = accounts.find(viewer.id()).orElseThrow();
		return new MeJson(account.id(), account.email(), account.displayName(), account.bio(),
				account.roles().stream().map(Role::key).sorted().toList(), account.profilePath(), account.avatarPath());
	}

	public record SignUpRequest(String email, String displayName, String password) {
	}

	public record MeJson(long id, String email, String displayName, String bio, List<String> roles, String profileUrl,
			String avatarUrl) {
	}
}
