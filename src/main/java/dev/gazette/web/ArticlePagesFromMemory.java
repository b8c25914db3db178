package dev.gazette.web;

import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Answers an article page from {@link ArticlePageCache} before the controller runs, when the reader gets the page
 * everyone gets and a kept copy is still right: no model, no template, no database read beyond the version check.
 * Anything else (a first request, a changed discussion, a signed-in reader, a page number that is not a number) goes
 * on to {@link ReadingPages#article}, which builds the page and keeps it.
 */
@Configuration
class ArticlePagesFromMemory implements HandlerInterceptor, WebMvcConfigurer {

	private final ArticlePageCache cache;

	ArticlePagesFromMemory(ArticlePageCache cache) {
		this.cache = cache;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns("/articles/*");
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws Exception {
		if (!(handler instanceof HandlerMethod method && method.getBeanType() == ReadingPages.class)
				|| !cache.servesEveryone(request)) {
			return true;
		}
		Optional<ArticlePageCache.Key> key = key(request);
		Optional<ArticlePageCache.Served> served = key.flatMap(cache::lookup);
		if (served.isEmpty()) {
			return true;
		}
		cache.write(served.get(), request, response);
		return false;
	}

	/**
	 * The page asked for, read as the controller binds it; empty when the controller should decide (a repeated or
	 * malformed parameter: it answers 400 or reads it its own way).
	 */
	private static Optional<ArticlePageCache.Key> key(HttpServletRequest request) {
		@SuppressWarnings("unchecked")
		Map<String, String> variables = (Map<String, String>) request
			.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		String slug = variables == null ? null : variables.get("slug");
		String[] sorts = request.getParameterValues("sort");
		String[] pages = request.getParameterValues("cpage");
		if (slug == null || sorts != null && sorts.length > 1 || pages != null && pages.length > 1) {
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
