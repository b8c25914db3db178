package dev.gazette.search;

import java.time.LocalDate;

/**
 * What a reader asked for. {@code text} follows the usual search-box syntax: words (all must match), {@code "quoted
 * phrases"}, {@code -exclusions} and {@code OR}; it may be empty when a filter alone is given.
 * @param section a section's slug, or {@code null}
 * @param author an author's slug, or {@code null}
 * @param tag a tag's slug, or {@code null}
 * @param kind {@code news} or {@code opinion}, or {@code null}
 * @param from first day (inclusive, UTC), or {@code null}
 * @param to last day (inclusive, UTC), or {@code null}
 * @param page from 1
 */
public record ArticleQuery(String text, String section, String author, String tag, String kind, LocalDate from,
		LocalDate to, Order order, int page, int size) {

	/** How hits are ordered. */
	public enum Order {
		RELEVANCE, DATE
	}

	public boolean hasText() {
		return text != null && !text.isBlank();
	}

	public boolean hasFilter() {
		return section != null || author != null || tag != null || kind != null || from != null || to != null;
	}
}
