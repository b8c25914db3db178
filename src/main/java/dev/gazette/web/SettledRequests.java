package dev.gazette.web;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands Spring MVC a request that reads its method and each header once. To find the handler of an address with a
 * variable in it ({@code /api/v1/articles/{slug}/comments}), Spring MVC asks each of Gazette's 230-odd mappings in
 * turn, and each asks the request's method and, for a POST, two headers (is there a body?). The request it asks is
 * wrapped some ten times over (the servlet container, Spring Session, Spring Security), and Spring Security's
 * firewall checks a header's name against a pattern on every read. On a comment post, finding the handler was 13 %
 * of Gazette's CPU on PostgreSQL and 6 % on H2 (JFR over {@code bench/run.sh}'s post run), two fifths of it those
 * reads. The last filter of all, so that nothing after it changes what it has read.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class SettledRequests extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(new Settled(request), response);
	}

	/** The method and the headers asked for, read from the request beneath once each. */
	static final class Settled extends HttpServletRequestWrapper {

		private String method;

		/** Each header asked for, {@code null} for one the request does not have. */
		private final Map<String, String> headers = new HashMap<>(8);

		Settled(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getMethod() {
			if (method == null) {
				method = super.getMethod();
			}
			return method;
		}

		@Override
		public String getHeader(String name) {
			if (headers.containsKey(name)) {
				return headers.get(name);
			}
			String value = super.getHeader(name);
			headers.put(name, value);
			return value;
		}
	}
}
