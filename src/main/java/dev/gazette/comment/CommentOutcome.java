package dev.gazette.comment;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import dev.gazette.refusal.FieldProblem;

/**
 * What came of submitting (or editing) a comment: a value, not an exception, because a nudge or a refusal is an
 * ordinary answer to a reader and not a failure of Gazette. Posted and held comments were stored; a nudge and a
 * refusal stored nothing.
 * <p>
 * Java 17 has no pattern matching for {@code switch}, so {@link #fold} stands in for it: a caller names what to do
 * with each kind of outcome, and the compiler refuses a caller that forgets one.
 */
public sealed interface CommentOutcome {

	/** Why a comment was refused. */
	enum Reason {
		/** The article does not exist or is not published. */
		UNKNOWN_ARTICLE,
		/** The article no longer takes comments. */
		CLOSED,
		/** The publication takes comments only from signed-in readers. */
		GUESTS_NOT_ALLOWED,
		/** The draft itself is invalid: see {@link Refused#errors()}. */
		INVALID,
		/** The comment belongs to someone else. */
		NOT_YOURS,
		/** The commenter may not post now (suspended). */
		SUSPENDED,
		/** The request's idempotency key was used before for a different request. */
		KEY_REUSED
	}

	/** One function per kind of outcome; the one matching this outcome is applied. */
	<R> R fold(Function<Posted, R> posted, Function<Held, R> held, Function<Nudged, R> nudged,
			Function<Refused, R> refused);

	/** The comment this outcome stored (now, or by an earlier sending of the same request), if it stored one. */
	default Optional<Comment> stored() {
		return fold(posted -> Optional.of(posted.comment()), held -> Optional.of(held.comment()),
				nudged -> Optional.empty(), refused -> Optional.empty());
	}

	/** A stored comment's outcome: posted when the public sees it, held otherwise. */
	static CommentOutcome of(Comment comment, boolean replayed) {
		return comment.isPublished() ? new Posted(comment, replayed) : new Held(comment, replayed);
	}

	/** Stored and shown. {@code replayed}: stored by an earlier sending of the same request, nothing new now. */
	record Posted(Comment comment, boolean replayed) implements CommentOutcome {

		@Override
		public <R> R fold(Function<Posted, R> posted, Function<Held, R> held, Function<Nudged, R> nudged,
				Function<Refused, R> refused) {
			return posted.apply(this);
		}
	}

	/** Stored but not shown: waiting for a moderator, or rejected by screening. */
	record Held(Comment comment, boolean replayed) implements CommentOutcome {

		@Override
		public <R> R fold(Function<Posted, R> posted, Function<Held, R> held, Function<Nudged, R> nudged,
				Function<Refused, R> refused) {
			return held.apply(this);
		}
	}

	/**
	 * Screening asks the reader to reconsider before posting; nothing was stored. {@code concerns}: what in the comment
	 * may break which guideline.
	 */
	record Nudged(String message, List<Screening.Concern> concerns) implements CommentOutcome {

		public Nudged {
			concerns = List.copyOf(concerns);
		}

		@Override
		public <R> R fold(Function<Posted, R> posted, Function<Held, R> held, Function<Nudged, R> nudged,
				Function<Refused, R> refused) {
			return nudged.apply(this);
		}
	}

	/** Refused, nothing stored: {@code message} says why, {@code errors} what to fix, field by field. */
	record Refused(Reason reason, String message, List<FieldProblem> errors) implements CommentOutcome {

		public Refused {
			errors = List.copyOf(errors);
		}

		Refused(Reason reason, String message) {
			this(reason, message, List.of());
		}

		@Override
		public <R> R fold(Function<Posted, R> posted, Function<Held, R> held, Function<Nudged, R> nudged,
				Function<Refused, R> refused) {
			return refused.apply(this);
		}
	}
}
