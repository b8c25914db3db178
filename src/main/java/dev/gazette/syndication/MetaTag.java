package dev.gazette.syndication;

/**
 * One {@code <meta>} element of a page's head: Open Graph tags are named by {@code property}, X card tags by
 * {@code name}; the other is {@code null} (and so left out of the element).
 */
public record MetaTag(String property, String name, String content) {

	static MetaTag property(String property, Object content) {
		return new MetaTag(property, null, String.valueOf(content));
	}

	static MetaTag name(String name, Object content) {
		return new MetaTag(null, name, String.valueOf(content));
	}
}
