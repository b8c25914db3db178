package dev.gazette.newsroom;

/**
 * A newsroom request that was refused, and nothing changed: bad input (naming the field when there is one), a
 * forbidden action, something that does not exist, or a conflict with the piece's state or another piece's slug.
 */
public class NewsroomException extends RuntimeException {

	/** Why: each becomes one HTTP status in the API. */
	public enum Kind {
		BAD_INPUT, FORBIDDEN, NOT_FOUND, CONFLICT
	}

	private final Kind kind;

	private final String field;

	NewsroomException(Kind kind, String field, String message) {
		super(message);
		this.kind = kind;
		this.field = field;
	}

	static NewsroomException badInput(String field, String message) {
		return new NewsroomException(Kind.BAD_INPUT, field, message);
	}

	static NewsroomException forbidden(String message) {
		return new NewsroomException(Kind.FORBIDDEN, null, message);
	}

	static NewsroomException notFound(String message) {
		return new NewsroomException(Kind.NOT_FOUND, null, message);
	}

	static NewsroomException conflict(String field, String message) {
		return new NewsroomException(Kind.CONFLICT, field, message);
	}

	public Kind kind() {
		return kind;
	}

	/** The request field at fault, or {@code null}. */
	public String field() {
		return field;
	}
}
