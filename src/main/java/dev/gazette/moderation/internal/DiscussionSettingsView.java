package dev.gazette.moderation.internal;

import dev.gazette.article.Article;

/**
 * The settings form of one article's discussion: what is stored, whether the site takes guests by default, and a
 * note or an error about the last change.
 */
public record DiscussionSettingsView(Article article, boolean siteTakesGuests, String message, String error) {

	/** {@code default}, {@code yes} or {@code no}: the form's guest choice. */
	public String guests() {
		Boolean own = article.discussion().guestsAllowed();
		return own == null ? "default" : own ? "yes" : "no";
	}
}
