package dev.gazette.account.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.gazette.ratelimit.ClientAddresses;
import dev.gazette.site.ReturnTo;

import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Sends a failed sign-in back to the form with one generic message, except when the password was right but the
 * address is not yet verified: then (and only then, since the person proved the password) it says so. A wrong
 * password is remembered for the throttle and, when they pile up, told to the account's owner ({@link SignInWatch}).
 */
public class SignInFailures implements AuthenticationFailureHandler {

	private final SignInWatch watch;

	public SignInFailures(SignInWatch watch) {
		this.watch = watch;
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		String email = request.getParameter("email") == null ? "" : request.getParameter("email");
		if (!(exception instanceof DisabledException)) {
			watch.failed(AccountFields.normalise(email), ClientAddresses.client(request.getRemoteAddr()));
		}
		String reason = exception instanceof DisabledException ? "unverified" : "error";
		String next = ReturnTo.safe(request.getParameter("next"));
		response.sendRedirect("/sign-in?" + reason + "&email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
				+ (next == null ? "" : "&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)));
	}
}
