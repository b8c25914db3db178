package dev.gazette.comment;

import java.util.Locale;

/** Where a comment stands. Only published comments are shown to the public. */
public enum CommentStatus {

	PUBLISHED, PENDING, REJECTED, DELETED;

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static CommentStatus fromKey(String key) {
		return valueOf(key.toUpperCase(Locale.ROOT));
	}
}
