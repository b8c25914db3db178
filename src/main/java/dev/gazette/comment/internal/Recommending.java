package dev.gazette.comment.internal;

import java.time.Duration;

/** What came of recommending a comment, or of taking a recommendation back. */
public sealed interface Recommending {

	/** Done (or already so): the comment's count now, and whether this reader's recommendation is among them. */
	record Counted(long commentId, long articleId, int recommendations, boolean yours) implements Recommending {
	}

	/** Refused; nothing was stored. {@code retryAfter} is zero unless the reader is going too fast. */
	record Refused(Refusal refusal, String message, Duration retryAfter) implements Recommending {
	}

	/** Why, with the HTTP status that says it. */
	enum Refusal {

		/** No such comment, or one the public cannot see (held or rejected). */
		NO_SUCH_COMMENT(404),
		/** A placeholder ("[deleted]", removed): there is nothing to recommend. */
		NOT_PUBLISHED(400),
		/** A reader's own comment. */
		OWN_COMMENT(403),
		/** Too many in a short time. */
		TOO_FAST(429);

		private final int status;

		Refusal(int status) {
			this.status = status;
		}

		public int status() {
			return status;
		}
	}
}
