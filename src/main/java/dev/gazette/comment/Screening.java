package dev.gazette.comment;

import java.util.List;

/**
 * What screening decided: {@code record} is stored with the comment (JSON: the action, the signals and the scores
 * that led to it); {@code message} is for the commenter, when there is something to tell them. A nudge also says
 * what in the comment may break which guideline ({@code concerns}), so the reader knows what to change.
 */
public record Screening(Verdict verdict, String record, String message, List<Concern> concerns) {

	public enum Verdict {
		/** Shown at once. */
		PUBLISH,
		/** Stored, shown only once a moderator approves it. */
		HOLD,
		/** Stored for the record, never shown. */
		REJECT,
		/** Not stored: the reader is asked to reconsider first, and may post anyway (then it is held). */
		NUDGE,
		/** Not stored: this commenter may not post now (suspended). */
		REFUSE
	}

	/**
	 * One thing that may break the guidelines: {@code parts} quotes what in the comment triggered it (sentences, or
	 * words from a list; empty when it is the comment as a whole, already trimmed to a readable length and plain
	 * text, to be escaped where shown), {@code reason} says what it may read as in plain words (“a personal
	 * attack”), {@code guideline} names the guideline (a stable key such as {@code personal-attacks}),
	 * {@code guidelineText} gives it in one sentence and {@code guidelineUrl} links to it on the guidelines page.
	 */
	public record Concern(String reason, List<String> parts, String guideline, String guidelineText,
			String guidelineUrl) {

		public Concern {
			parts = List.copyOf(parts);
		}
	}

	public Screening {
		concerns = concerns == null ? List.of() : List.copyOf(concerns);
	}

	public Screening(Verdict verdict, String record, String message) {
		this(verdict, record, message, List.of());
	}

	public static Screening publish() {
		return new Screening(Verdict.PUBLISH, null, null);
	}

	CommentStatus status() {
		return switch (verdict) {
			case PUBLISH -> CommentStatus.PUBLISHED;
			case HOLD -> CommentStatus.PENDING;
			case REJECT -> CommentStatus.REJECTED;
			case NUDGE, REFUSE -> throw new IllegalStateException(verdict + " stores nothing");
		};
	}
}
