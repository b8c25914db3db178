package dev.gazette.account.internal;

import dev.gazette.account.ApiTokens;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs API requests in with a personal access token. A request that presents a token that is not valid is
 * refused outright (401) rather than treated as a guest's: the client meant to be someone.
 */
public class BearerTokens extends OncePerRequestFilter {

	private final ApiTokens tokens;

	private final ApiErrors errors;

	public BearerTokens(ApiTokens tokens, ApiErrors errors) {
		this.tokens = tokens;
		this.errors = errors;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			chain.doFilter(request, response);
			return;
		}
		var principal = tokens.authenticate(header.substring(7).strip());
		if (principal.isEmpty()) {
			errors.write(response, 401, "The access token is not valid: it may have been revoked.",
					request.getRequestURI());
			return;
		}
		var authentication = UsernamePasswordAuthenticationToken.authenticated(principal.get(), null,
				principal.get().getAuthorities());
		SecurityContextHolder.getContext().setAuthentication(authentication);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}
}
