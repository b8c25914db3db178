package dev.gazette.syndication;

import java.util.List;

/**
 * What an article page tells link previews and search engines: Open Graph and X card tags, and a JSON-LD
 * description whose text is already safe to put between {@code <script type="application/ld+json">} tags as it is
 * (every {@code <}, {@code >} and {@code &} written as a JSON escape).
 */
public record ArticleMetadata(List<MetaTag> tags, String jsonLd) {
}
