package dev.gazette.account.internal;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.gazette.ratelimit.ClientAddresses;
import dev.gazette.ratelimit.RateLimiter;
import dev.gazette.ratelimit.RateLimiter.Limit;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows down password guessing and mail flooding: before a sign-in, sign-up (or new verification link) or reset
 * request reaches its handler, the client (its address, an IPv6 address by its /64) must have attempts left, and for
 * sign-in also the client for the account tried.
 * Refused attempts get 429 and a page that says when to try again; nothing else happens.
 */
public class SignInThrottle extends OncePerRequestFilter {

	private final RateLimiter limiter;

	private final SignInWatch watch;

	private final Limit signInPerClient;

	private final Limit signInPerAccountAndClient;

	private final Limit signInPerAccount;

	private final Limit signUp;

	private final Limit reset;

	public SignInThrottle(RateLimiter limiter, AccountProperties properties, SignInWatch watch) {
		this.limiter = limiter;
		this.watch = watch;
		Duration period = properties.period();
		this.signInPerClient = new Limit("sign-in", properties.signInPerAddress(), period);
		this.signInPerAccountAndClient = new Limit("sign-in-account", properties.signInPerAccount(), period);
		this.signInPerAccount = new Limit("sign-in-account-total", properties.signInPerAccountTotal(), period);
		this.signUp = new Limit("sign-up", properties.signUpPerAddress(), period);
		this.reset = new Limit("reset", properties.resetPerAddress(), period);
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
		String address = ClientAddresses.client(request.getRemoteAddr());
		return switch (request.getServletPath()) {
			case "/sign-in" -> signIn(address, AccountFields.normalise(request.getParameter("email")));
			// Asking for a new verification link sends mail as joining does, so it counts as joining.
			case "/join", "/api/v1/accounts", "/verify/resend" -> limiter.tryAcquire(signUp, address);
			case "/forgot-password" -> limiter.tryAcquire(reset, address);
			default -> Duration.ZERO;
		};
	}

	/**
	 * The client's own limit and its limit for this account are both charged (the longer wait counts). The account's
	 * limit over every client is met only by clients that have failed for it: the owner, signing in from elsewhere,
	 * is never kept out by a stranger's guesses, and the stranger stays slowed.
	 */
	private Duration signIn(String client, String account) {
		Duration wait = longer(limiter.tryAcquire(signInPerClient, client),
				limiter.tryAcquire(signInPerAccountAndClient, account + "|" + client));
		if (wait.isZero() && watch.hasFailed(account, client)) {
			return limiter.tryAcquire(signInPerAccount, account);
		}
		return wait;
	}

	private static Duration longer(Duration a, Duration b) {
		return a.compareTo(b) >= 0 ? a : b;
	}
}
