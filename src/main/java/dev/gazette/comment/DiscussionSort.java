package dev.gazette.comment;

import java.util.Locale;

/** How top-level threads are ordered. Replies inside a thread always read in conversation order. */
public enum DiscussionSort {

	OLDEST, NEWEST, REPLIES;

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The sort named by {@code key}, or {@link #OLDEST} for anything unknown or missing. */
	public static DiscussionSort fromKey(String key) {
		if (key != null) {
			for (DiscussionSort sort : values()) {
				if (sort.key().equalsIgnoreCase(key.trim())) {
					return sort;
				}
			}
		}
		return OLDEST;
	}
}
