package dev.gazette.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.gazette.article.ArticleCatalog;
import dev.gazette.availability.DatabaseOutage;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.util.UriUtils;

/**
 * Every error the container sees ends here: people get a page in the site's layout, API clients get RFC 9457
 * problem JSON. Neither ever carries a stack trace or an exception message. A form refused as a possible forgery gets
 * {@link RefusedFormPage}, which gives the reader's text back. One 404 is not an error: an address
 * under an article's old slug (a comment permalink in a notification, its comment feed, the e-mail form) leads to the
 * same address under the article's slug now, as the article page itself does. A request that failed because the
 * database could not be reached gets 503 with {@code Retry-After}; the error pages themselves need no database
 * (the layout's sections are the last ones seen, see {@link SiteModel}).
 */
@Controller
class ErrorPages implements ErrorController {

	/** Addresses below an article: the prefix, the slug, the rest. The article's own address redirects itself. */
	private static final Pattern UNDER_AN_ARTICLE = Pattern.compile("^(/articles/|/feeds/articles/|/api/v1/articles/)([^/]+)(/.+)$");

	private final ArticleCatalog catalog;

	private final RefusedFormPage refusedForms;

	private final DatabaseOutage databaseOutage;

	ErrorPages(ArticleCatalog catalog, RefusedFormPage refusedForms, DatabaseOutage databaseOutage) {
		this.catalog = catalog;
		this.databaseOutage = databaseOutage;
		this.refusedForms = refusedForms;
	}

	@RequestMapping("/error")
	Object error(HttpServletRequest request, HttpServletResponse response, Model model) {
		HttpStatus status = status(request);
		boolean outage = DatabaseOutage.explains((Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
		if (outage) {
			status = HttpStatus.SERVICE_UNAVAILABLE;
			response.setHeader(HttpHeaders.RETRY_AFTER, databaseOutage.retryAfter());
		}
		String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (status == HttpStatus.NOT_FOUND && path != null && UNDER_AN_ARTICLE.matcher(path).matches()
				&& ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))) {
			Optional<URI> moved = movedArticle(path, (String) request.getAttribute(RequestDispatcher.ERROR_QUERY_STRING));
			if (moved.isPresent()) {
				return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).location(moved.get()).build();
			}
		}
		if (path != null && path.startsWith("/api/")) {
			ProblemDetail problem = ProblemDetail.forStatus(status);
			if (outage) {
				problem.setDetail("Gazette cannot reach its database just now. Nothing was changed; please try again "
						+ "shortly.");
			}
			if (status.value() == 413) {
				problem.setDetail("The request is larger than this server accepts; for an image, the limit is "
						+ "gazette.media.max-upload-size (20 MB by default).");
			}
			problem.setInstance(URI.create(path));
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		if (status == HttpStatus.FORBIDDEN && RefusedFormPage.isRefusedForm(request)) {
			return refusedForms.render(request, response, model);
		}
		response.setStatus(status.value());
		model.addAttribute("error", ErrorView.of(status));
		return "web/error";
	}

	/** The same address under the slug the article has now, when {@code path} is below an old slug of a visible one. */
	private Optional<URI> movedArticle(String path, String query) {
		Matcher under = UNDER_AN_ARTICLE.matcher(path);
		if (!under.matches()) {
			return Optional.empty();
		}
		String slug = UriUtils.decode(under.group(2), StandardCharsets.UTF_8);
		if (catalog.find(slug).isPresent()) {
			return Optional.empty();
		}
		return catalog.movedTo(slug).map(now -> URI.create(under.group(1)
				+ UriUtils.encodePathSegment(now, StandardCharsets.UTF_8) + under.group(3) + (query == null ? "" : "?" + query)));
	}

	private static HttpStatus status(HttpServletRequest request) {
		if (request.getDispatcherType() != DispatcherType.ERROR
				&& request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null) {
			return HttpStatus.NOT_FOUND; // someone asked for /error itself: there is no such page, and nothing failed
		}
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (code instanceof Integer value) {
			HttpStatus status = HttpStatus.resolve(value);
			if (status != null && status.isError()) {
				return status;
			}
		}
		return HttpStatus.INTERNAL_SERVER_ERROR;
	}
}
