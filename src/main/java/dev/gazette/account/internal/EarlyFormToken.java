package dev.gazette.account.internal;

import dev.gazette.account.FormProtection;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Resolves the token of anyone with credentials before the page is written, so its cookie is among the response's
 * headers whatever the page's length ({@link FormProtection}). It runs after every filter that signs someone in,
 * since signing in (by the remember-me cookie, for instance) replaces the token with a new, deferred one.
 */
public class EarlyFormToken extends OncePerRequestFilter {

	private final FormProtection forms;

	public EarlyFormToken(FormProtection forms) {
		this.forms = forms;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		forms.resolveEarly(request);
		chain.doFilter(request, response);
	}
}
