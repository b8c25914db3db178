package dev.gazette.comment;

/**
 * What screening decided: {@code record} is stored with the comment (JSON: the action, the signals and the scores
 * that led to it); {@code message} is for the commenter, when there is something to tell them.
 */
public record Screening(Verdict verdict, String record, String message) {

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
