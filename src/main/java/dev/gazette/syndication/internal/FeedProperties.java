package dev.gazette.syndication.internal;

import dev.gazette.syndication.Feeds;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Feeds and the language the publication writes in, under {@code gazette.feeds.*}.
 *
 * @param fullText whether feed items carry the whole article ({@code true}) or its standfirst only
 * @param size items per feed (1 to 100)
 * @param language the publication's language as a BCP 47 tag ({@code en}, {@code he}, {@code tr}), written into
 * feeds, the Google News sitemap and the article's JSON-LD
 */
@ConfigurationProperties("gazette.feeds")
public record FeedProperties(@DefaultValue("false") boolean fullText, @DefaultValue("20") int size,
		@DefaultValue("en") String language) {

	public FeedProperties {
		if (size < 1 || size > 100) {
			throw new IllegalArgumentException("gazette.feeds.size must be between 1 and 100, not " + size);
		}
		if (!language.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
			throw new IllegalArgumentException("gazette.feeds.language must be a language tag such as en or pt-BR");
		}
	}
}
