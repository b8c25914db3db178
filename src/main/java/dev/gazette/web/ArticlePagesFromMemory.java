package dev.gazette.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.util.UriUtils;

/**
 * Answers an article page from {@link ArticlePageCache} when the reader gets the page everyone gets and a kept copy
 * is still right: no model, no template, no database read beyond the version check. Anything else (a first request,
 * a changed discussion, a signed-in reader, a page number that is not a number) goes on to
 * {@link ReadingPages#article}, which builds the page and keeps it.
 * <p>
 * It is a servlet filter that runs ahead of Spring Security and Spring MVC. A reader who sends no cookie that could
 * sign them in is nobody in particular to either, so there is nothing for them to decide; skipping them saves most of
 * what serving a kept page costs (the security filter chain, and Spring MVC's search for the handler, which tries
 * each of the site's ~230 mappings in turn for an address with a variable in it). What they would have added to the
 * answer is added here: the headers Spring Security writes on every page, by its own writers
 * ({@link #SECURITY_HEADERS}; its cache-control writer leaves a page alone that sets its own), and the
 * address pattern the request metrics are tagged with. Only addresses that Spring Security's firewall lets through
 * unchanged are taken: one path segment of letters, digits and hyphens, as {@code Slugs} makes them (percent-encoded
 * when not ASCII).
 */
@Component
@Order(ArticlePagesFromMemory.ORDER)
class ArticlePagesFromMemory extends OncePerRequestFilter {

	/** After the session filter and the address redirects, before Spring Security (at -100) and Spring MVC. */
	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 60;

	/** Spring Security's header writers as {@code SecurityConfiguration} has them, but for cache control. */
	private static final List<HeaderWriter> SECURITY_HEADERS = List.of(new XContentTypeOptionsHeaderWriter(),
			new XXssProtectionHeaderWriter(), new HstsHeaderWriter(),
			new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY));

	private static final String PREFIX = "/articles/";

	private static final Pattern ENCODED_SLUG = Pattern.compile("(?:[A-Za-z0-9-]|%[0-9A-Fa-f]{2})+");

	private static final Pattern SLUG = Pattern.compile("[\\p{L}\\p{N}-]+");

	private final ArticlePageCache cache;

	ArticlePagesFromMemory(ArticlePageCache cache) {
		this.cache = cache;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith(PREFIX, request.getContextPath().length());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<ArticlePageCache.Served> served = Optional.empty();
		if (request.getHeader(HttpHeaders.AUTHORIZATION) == null && cache.servesEveryone(request)) {
			// Ahead of Spring MVC, which would otherwise expose the request to what it calls: the publication's
			// settings are checked against the database once a request, remembered on the request (else once per
			// call, and on PostgreSQL each is a round trip).
			RequestAttributes outside = RequestContextHolder.getRequestAttributes();
			ServletRequestAttributes attributes = new ServletRequestAttributes(request, response);
			RequestContextHolder.setRequestAttributes(attributes);
			try {
				served = key(request).flatMap(cache::lookup);
			}
			finally {
				RequestContextHolder.setRequestAttributes(outside);
				attributes.requestCompleted();
			}
		}
		if (served.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		ServerHttpObservationFilter.findObservationContext(request)
			.ifPresent(observation -> observation.setPathPattern(PREFIX + "{slug}"));
		for (HeaderWriter writer : SECURITY_HEADERS) {
			writer.writeHeaders(request, response);
		}
		cache.write(served.get(), request, response);
	}

	/**
	 * The page asked for, read as the controller binds it; empty when the controller should decide (an address of
	 * another shape, a repeated or malformed parameter: it answers 400 or reads it its own way).
	 */
	private static Optional<ArticlePageCache.Key> key(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!path.startsWith(PREFIX) || !ENCODED_SLUG.matcher(path).region(PREFIX.length(), path.length()).matches()) {
			return Optional.empty();
		}
		String slug = UriUtils.decode(path.substring(PREFIX.length()), StandardCharsets.UTF_8);
		String[] sorts = request.getParameterValues("sort");
		String[] pages = request.getParameterValues("cpage");
		if (!SLUG.matcher(slug).matches() || sorts != null && sorts.length > 1 || pages != null && pages.length > 1) {
			return Optional.empty();
		}
		int page = 1;
		if (pages != null) {
			try {
				page = Integer.parseInt(pages[0].trim());
			}
			catch (NumberFormatException notANumber) {
				return Optional.empty();
			}
		}
		return Optional.of(ArticlePageCache.Key.of(slug, sorts == null ? null : sorts[0], page));
	}
}
