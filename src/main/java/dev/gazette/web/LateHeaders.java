package dev.gazette.web;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Watches for a header or cookie set after the response was committed. The servlet container drops such a header
 * without a word; on a long page the response commits once its buffer fills, so anything a page adds while it is
 * being written (a deferred CSRF token's cookie, a session cookie, caching headers) works on short pages and
 * silently fails on long ones. That is how a guest's first comment was once refused. Each such header is logged
 * with the page's address and counted in {@code gazette.http.late.headers} (tagged by header), which the tests
 * check stays at zero across the longest pages. A cookie sent again, identical, after the commit is not lost (Spring
 * Session expires the session cookie twice on signing out, the second time late), so it is not counted.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class LateHeaders extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(LateHeaders.class);

	private final MeterRegistry meters;

	LateHeaders(MeterRegistry meters) {
		this.meters = meters;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(request, new Watched(request, response));
	}

	private void late(HttpServletRequest request, String header) {
		log.warn("{} set after the response to {} {} was committed: the client never gets it", header,
				request.getMethod(), request.getRequestURI());
		Counter.builder("gazette.http.late.headers")
			.description("Headers and cookies set after the response was committed, so never sent")
			.tag("header", header)
			.register(meters)
			.increment();
	}

	private final class Watched extends HttpServletResponseWrapper {

		private final HttpServletRequest request;

		/**
		 * The cookies sent before the commit, as their {@code Set-Cookie} line or name, value and age; made only when
		 * a response sets one (most, pages for guests and static files, set none).
		 */
		private Set<String> cookiesSent;

		Watched(HttpServletRequest request, HttpServletResponse response) {
			super(response);
			this.request = request;
		}

		private void check(String header) {
			if (isCommitted()) {
				late(request, header);
			}
		}

		private void checkCookie(String name, String sent) {
			if (!isCommitted()) {
				if (cookiesSent == null) {
					cookiesSent = new HashSet<>();
				}
				cookiesSent.add(sent);
			}
			else if (cookiesSent == null || !cookiesSent.contains(sent)) {
				late(request, "Set-Cookie " + name);
			}
		}

		@Override
		public void addCookie(Cookie cookie) {
			checkCookie(cookie.getName(), cookie.getName() + "=" + cookie.getValue() + "; Max-Age=" + cookie.getMaxAge());
			super.addCookie(cookie);
		}

		@Override
		public void setHeader(String name, String value) {
			check(name);
			super.setHeader(name, value);
		}

		@Override
		public void addHeader(String name, String value) {
			if (name.equalsIgnoreCase("Set-Cookie") && value != null) {
				checkCookie(value.split("=", 2)[0], value);
			}
			else {
				check(name);
			}
			super.addHeader(name, value);
		}

		@Override
		public void setDateHeader(String name, long date) {
			check(name);
			super.setDateHeader(name, date);
		}

		@Override
		public void addDateHeader(String name, long date) {
			check(name);
			super.addDateHeader(name, date);
		}

		@Override
		public void setIntHeader(String name, int value) {
			check(name);
			super.setIntHeader(name, value);
		}

		@Override
		public void addIntHeader(String name, int value) {
			check(name);
			super.addIntHeader(name, value);
		}
	}
}
