package dev.gazette.moderation;

import dev.gazette.comment.Screening.Concern;

/**
 * One reason behind a decision: which check fired ({@code name}), what it found ({@code detail}, for moderators),
 * and what it asks for. Word lists and the classifier also say what in the comment triggered them and which
 * guideline it may break ({@code concern}: what the reader is told in the nudge and the moderator sees); other
 * checks, and signals recorded before there were concerns, have none ({@code null}).
 */
public record Signal(String name, String detail, Action action, Concern concern) {

	public Signal(String name, String detail, Action action) {
		this(name, detail, action, null);
	}

	/** What a signal asks for; the strongest wins. */
	public enum Action {
		PUBLISH, NUDGE, HOLD, REJECT;

		public String key() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}
	}
}
