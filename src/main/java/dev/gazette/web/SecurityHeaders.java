package dev.gazette.web;

import java.io.IOException;
import java.util.Set;

import dev.gazette.article.Embeds;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A strict Content-Security-Policy and the hardening headers Spring Security does not write itself (it adds
 * X-Content-Type-Options, X-Frame-Options, HSTS over HTTPS and no-store for pages). Gazette loads nothing from
 * other sites, so {@code 'self'} is all any page needs; an article page with an embed lets in that embed's site, for
 * frames (or audio) only ({@link #forBody}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityHeaders extends OncePerRequestFilter {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
			+ "script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	/**
	 * The policy for a page whose article body has click-to-load embeds ({@link Embeds}): the strict policy, with
	 * {@code frame-src} naming only the sites its embeds load frames from and {@code media-src} only those its audio
	 * plays from. {@code null} for a body without embeds: such a page keeps the strict policy, which frames nothing.
	 */
	static String forBody(String bodyHtml) {
		Set<String> frames = Embeds.frameOrigins(bodyHtml);
		Set<String> media = Embeds.mediaOrigins(bodyHtml);
		if (frames.isEmpty() && media.isEmpty()) {
			return null;
		}
		StringBuilder policy = new StringBuilder(CONTENT_SECURITY_POLICY);
		if (!frames.isEmpty()) {
			policy.append("; frame-src ").append(String.join(" ", frames));
		}
		if (!media.isEmpty()) {
			policy.append("; media-src 'self' ").append(String.join(" ", media));
		}
		return policy.toString();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
		response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
		response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
		response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
		chain.doFilter(request, response);
	}
}
