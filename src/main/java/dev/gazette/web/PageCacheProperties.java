package dev.gazette.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The article page kept whole in memory for readers who are not signed in ({@link ArticlePageCache}).
 * @param enabled whether such pages are kept; off, every page is rendered per request as before
 * @param maxSize how much memory the kept pages (each its HTML and its gzip copy) may take on one node; the least
 * used go first
 * @param refresh how long a kept page is served before it is built again although no version changed: a safety net
 * for any change no version number covers (a lead image's caption edited in the library now bumps its articles')
 * @param partsMaxSize how much memory the parts of article pages kept rendered for signed-in readers may take on one
 * node (the article and each comment's entry, {@link ArticlePageParts}); {@code 0} renders those pages whole
 */
@ConfigurationProperties("gazette.page-cache")
public record PageCacheProperties(@DefaultValue("true") boolean enabled, @DefaultValue("64MB") DataSize maxSize,
		@DefaultValue("30s") Duration refresh, @DefaultValue("32MB") DataSize partsMaxSize) {
}
