package dev.gazette.article;

import java.util.Locale;

/** News reports facts; opinion carries the disclaimer and the invitation to contribute. */
public enum ArticleKind {

	NEWS, OPINION;

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static ArticleKind fromKey(String key) {
		return valueOf(key.trim().toUpperCase(Locale.ROOT));
	}
}
