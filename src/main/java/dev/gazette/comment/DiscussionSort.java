package dev.gazette.comment;

import java.util.Locale;

/** How top-level threads are ordered. Replies inside a thread always read in conversation order. */
public enum DiscussionSort {

	OLDEST, NEWEST, REPLIES,
	/** Threads whose first comment readers recommended most; equally recommended ones oldest first. */
	RECOMMENDED;

	/** How the sort menu names it. */
	public String label() {
		return switch (this) {
			case OLDEST -> "Oldest";
			case NEWEST -> "Newest";
			case REPLIES -> "Most replies";
			case RECOMMENDED -> "Most recommended";
		};
	}

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
