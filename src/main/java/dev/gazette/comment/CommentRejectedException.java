package dev.gazette.comment;

import java.util.List;

/**
 * A comment that cannot be stored as submitted. Nothing was written. {@code reason} tells the web layer which
 * status to answer with; {@code errors} say what to fix, field by field.
 */
public class CommentRejectedException extends RuntimeException {

	/** Why the comment was refused. */
	public enum Reason {
		/** The article does not exist or is not published. */
		UNKNOWN_ARTICLE,
		/** The article no longer takes comments. */
		CLOSED,
		/** The publication takes comments only from signed-in readers. */
		GUESTS_NOT_ALLOWED,
		/** The draft itself is invalid: see {@link #errors()}. */
		INVALID,
		/** The comment belongs to someone else. */
		NOT_YOURS,
		/** Screening asks the reader to reconsider before posting; nothing was stored. */
		NUDGE,
		/** The commenter may not post now (suspended). */
		REFUSED
	}

	/** A problem with one field of the draft: {@code field} is {@code body}, {@code authorName} or {@code parentId}. */
	public record FieldProblem(String field, String message) {
	}

	private final Reason reason;

	private final transient List<FieldProblem> errors;

	private final transient List<Screening.Concern> concerns;

	public CommentRejectedException(Reason reason, String message, List<FieldProblem> errors) {
		this(reason, message, errors, List.of());
	}

	/** {@code concerns}: for a nudge, what in the comment may break which guideline. */
	public CommentRejectedException(Reason reason, String message, List<FieldProblem> errors,
			List<Screening.Concern> concerns) {
		super(message);
		this.reason = reason;
		this.errors = List.copyOf(errors);
		this.concerns = List.copyOf(concerns);
	}

	public Reason reason() {
		return reason;
	}

	public List<FieldProblem> errors() {
		return errors;
	}

	/** For a nudge, what in the comment may break which guideline; otherwise empty. */
	public List<Screening.Concern> concerns() {
		return concerns;
	}
}
