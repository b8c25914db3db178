package dev.gazette.moderation;

/**
 * One reason behind a decision: which check fired ({@code name}), what it found ({@code detail}, for moderators),
 * and what it asks for.
 */
public record Signal(String name, String detail, Action action) {

	/** What a signal asks for; the strongest wins. */
	public enum Action {
		PUBLISH, NUDGE, HOLD, REJECT;

		public String key() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}
	}
}
