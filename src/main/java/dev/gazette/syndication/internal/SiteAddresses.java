package dev.gazette.syndication.internal;

import dev.gazette.publication.GazetteProperties;

import org.springframework.stereotype.Component;

/** Absolute addresses from the site's public base URL ({@code gazette.base-url}), as feeds and metadata need them. */
@Component
public class SiteAddresses {

	private final String base;

	public SiteAddresses(GazetteProperties properties) {
		this.base = properties.baseUrl();
	}

	public String base() {
		return base;
	}

	/** {@code /articles/x} becomes {@code https://site/articles/x}; an address with a scheme stays as it is. */
	public String absolute(String pathOrUrl) {
		if (pathOrUrl == null) {
			return null;
		}
		if (pathOrUrl.startsWith("http://") || pathOrUrl.startsWith("https://")) {
			return pathOrUrl;
		}
		if (pathOrUrl.startsWith("//")) {
			return "https:" + pathOrUrl;
		}
		return base + (pathOrUrl.startsWith("/") ? "" : "/") + pathOrUrl;
	}

	public String article(String slug) {
		return base + "/articles/" + slug;
	}

	public String section(String slug) {
		return base + "/sections/" + slug;
	}

	public String author(String slug) {
		return base + "/authors/" + slug;
	}

	/** The publisher's logo: the site's icon. */
	public String logo() {
		return base + "/icons/gazette.svg";
	}

	/** The host of the public address, for tag: URIs. */
	public String host() {
		return java.net.URI.create(base).getHost();
	}
}
