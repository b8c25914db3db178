package dev.gazette.web;

import dev.gazette.account.AccountPrincipal;
import dev.gazette.account.FormProtection;
import dev.gazette.account.Role;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.gazette.article.ArticleCatalog;
import dev.gazette.article.Section;
import dev.gazette.availability.DatabaseOutage;
import dev.gazette.publication.GazetteProperties;
import dev.gazette.publication.Publications;
import dev.gazette.site.SectionLink;
import dev.gazette.site.SiteView;
import dev.gazette.site.Viewer;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Puts the {@link SiteView} that the layout needs into every page's model. Only Gazette's own controllers: Spring
 * applies an unscoped advice to the actuator's endpoints too, so every health probe read the sections from the database
 * and, with the database frozen, waited the pool's 3 s for them after the health check itself had answered.
 */
@ControllerAdvice(basePackages = "dev.gazette")
@Component
class SiteModel {

	private final Publications publications;

	private final ArticleCatalog catalog;

	private final GazetteProperties properties;

	private final ResourceUrlProvider resources;

	private final FormProtection forms;

	private volatile List<SectionLink> lastSections;

	private volatile String stylesheet;

	private volatile String icon;

	private volatile Map<String, String> scripts;

	/** Every script a page may load, in {@code static/js}. */
	private static final List<String> SCRIPTS = List.of("editor.js", "embeds.js", "import-progress.js", "live.js",
			"moderation.js", "page-preview.js", "reply.js");

	SiteModel(Publications publications, ArticleCatalog catalog, GazetteProperties properties,
			ResourceUrlProvider resources, FormProtection forms) {
		this.forms = forms;
		this.publications = publications;
		this.catalog = catalog;
		this.properties = properties;
		this.resources = resources;
	}

	@ModelAttribute("site")
	SiteView site(HttpServletRequest request, @AuthenticationPrincipal AccountPrincipal viewer) {
		if (answersWithBody(request)) {
			// Spring runs an advice's model methods for every handler, the JSON API's included: a comment posted
			// there read the publication's version and the sections for a page it never renders.
			return null;
		}
		return new SiteView(publications.masthead(), sections(request), properties.baseUrl(), stylesheet(), icon(),
				scripts(), viewer(viewer), forms.formToken(request));
	}

	/**
	 * Whether this request's handler writes its return value as the body ({@code @ResponseBody} on the method or
	 * its class, as every {@code @RestController}), so no template and no layout is rendered from its model.
	 */
	static boolean answersWithBody(HttpServletRequest request) {
		return request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod handler
				&& (handler.hasMethodAnnotation(ResponseBody.class)
						|| AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class));
	}

	/** The layout's view of who is signed in, or {@code null} for a guest. */
	static Viewer viewer(AccountPrincipal principal) {
		if (principal == null) {
			return null;
		}
		boolean writes = principal.has(Role.CONTRIBUTOR) || principal.has(Role.AUTHOR) || principal.has(Role.EDITOR);
		return new Viewer(principal.id(), principal.displayName(), writes, principal.has(Role.MODERATOR));
	}

	/** The navigation's links to these sections. */
	static List<SectionLink> links(List<Section> sections) {
		return sections.stream().map(section -> new SectionLink(section.slug(), section.name())).toList();
	}

	/**
	 * The sections for the navigation. An error page uses the last ones seen: a 404 needs no database, and a 503 page
	 * must not wait for the database that it reports missing.
	 */
	private List<SectionLink> sections(HttpServletRequest request) {
		List<SectionLink> known = lastSections;
		boolean errorPage = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) != null;
		if (known != null && errorPage) {
			return known;
		}
		try {
			known = links(catalog.sections());
		}
		catch (DataAccessException | TransactionException ex) {
			if (errorPage && DatabaseOutage.explains(ex)) {
				return List.of();
			}
			throw ex;
		}
		lastSections = known;
		return known;
	}

	private String stylesheet() {
		String url = stylesheet;
		if (url == null) {
			url = fingerprinted("/css/gazette.css");
			stylesheet = url;
		}
		return url;
	}

	/** Without an icon named in the page, every browser asks for /favicon.ico and gets a 404 page. */
	private String icon() {
		String url = icon;
		if (url == null) {
			url = fingerprinted("/icons/gazette.svg");
			icon = url;
		}
		return url;
	}

	/** The pages' scripts by file name, each at its fingerprinted address (cached for a year like the stylesheet). */
	private Map<String, String> scripts() {
		Map<String, String> urls = scripts;
		if (urls == null) {
			urls = SCRIPTS.stream().collect(Collectors.toUnmodifiableMap(name -> name,
					name -> fingerprinted("/js/" + name)));
			scripts = urls;
		}
		return urls;
	}

	private String fingerprinted(String path) {
		String url = resources.getForLookupPath(path);
		return url != null ? url : path;
	}

}
