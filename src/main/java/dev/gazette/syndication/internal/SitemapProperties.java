package dev.gazette.syndication.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sitemaps, under {@code gazette.sitemaps.*}.
 *
 * @param urlsPerFile addresses in one article sitemap before the next one begins: at most
 * {@link Sitemaps#MAX_URLS_PER_FILE}, the protocol's limit; lower only to test the split
 */
@ConfigurationProperties("gazette.sitemaps")
public record SitemapProperties(@DefaultValue("50000") int urlsPerFile) {

	public SitemapProperties {
		if (urlsPerFile < 1 || urlsPerFile > Sitemaps.MAX_URLS_PER_FILE) {
			throw new IllegalArgumentException(
					"gazette.sitemaps.urls-per-file must be between 1 and " + Sitemaps.MAX_URLS_PER_FILE);
		}
	}
}
