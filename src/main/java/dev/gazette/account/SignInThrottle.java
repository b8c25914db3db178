package dev.gazette.account;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.gazette.account.Throttle.Action;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows down password guessing and mail flooding: before a sign-in, sign-up (or new verification link) or reset
 * request reaches its handler, the client's address (and for sign-in, the account tried) must have attempts left.
 * Refused attempts get 429 and a page that says when to try again; nothing else happens.
 */
class SignInThrottle extends OncePerRequestFilter {

	private final Throttle throttle;

	SignInThrottle(Throttle throttle) {
		this.throttle = throttle;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Duration wait = "POST".equals(request.getMethod()) ? waitFor(request) : Duration.ZERO;
		if (!wait.isZero()) {
			// Whole seconds, rounded up: the earliest moment a new attempt can succeed.
			response.setHeader("Retry-After", String.valueOf(Math.max(1, (wait.toMillis() + 999) / 1000)));
			response.sendError(429);
			return;
		}
		chain.doFilter(request, response);
	}

	/** Zero when the request may go on, else how long until it could. */
	private Duration waitFor(HttpServletRequest request) {
		String address = request.getRemoteAddr();
		return switch (request.getServletPath()) {
			// Both buckets are charged, whichever is empty: the longer wait is the one that counts.
			case "/sign-in" -> longer(throttle.tryAcquire(Action.SIGN_IN_ADDRESS, address),
					throttle.tryAcquire(Action.SIGN_IN_ACCOUNT, Accounts.normalise(request.getParameter("email"))));
			// Asking for a new verification link sends mail as joining does, so it counts as joining.
			case "/join", "/api/v1/accounts", "/verify/resend" -> throttle.tryAcquire(Action.SIGN_UP, address);
			case "/forgot-password" -> throttle.tryAcquire(Action.RESET, address);
			default -> Duration.ZERO;
		};
	}

	private static Duration longer(Duration a, Duration b) {
		return a.compareTo(b) >= 0 ? a : b;
	}
}
