package dev.gazette.web;

import java.net.URI;
import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * {@code /favicon.ico}: feed readers, bookmark tools and old browsers ask for it whatever the page names; they are
 * sent on to the site's (fingerprinted) SVG icon instead of a 404 page.
 */
@Controller
class FaviconRedirect {

	private final ResourceUrlProvider resources;

	FaviconRedirect(ResourceUrlProvider resources) {
		this.resources = resources;
	}

	@GetMapping("/favicon.ico")
	ResponseEntity<Void> favicon() {
		String icon = resources.getForLookupPath("/icons/gazette.svg");
		return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
			.location(URI.create(icon != null ? icon : "/icons/gazette.svg"))
			.cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
			.build();
	}
}
