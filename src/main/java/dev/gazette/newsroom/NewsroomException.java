package dev.gazette.newsroom;

import org.springframework.http.HttpStatus;

import dev.gazette.refusal.Refusal;

/**
 * A newsroom request that was refused, and nothing changed: bad input (naming the field when there is one), a
 * forbidden action, something that does not exist, or a conflict with the piece's state or another piece's slug.
 */
public class NewsroomException extends Refusal {

	/**
	 * Why: each is one HTTP status, for the API's problem JSON and the pages' error page alike. This is the one place
	 * that says which.
	 */
	public enum Kind {

		BAD_INPUT(HttpStatus.BAD_REQUEST), FORBIDDEN(HttpStatus.FORBIDDEN), NOT_FOUND(HttpStatus.NOT_FOUND),
		CONFLICT(HttpStatus.CONFLICT);

		private final HttpStatus status;

		Kind(HttpStatus status) {
			this.status = status;
		}

		public HttpStatus status() {
			return status;
		}
	}

	private final Kind kind;

	private final String field;

	NewsroomException(Kind kind, String field, String message) {
		super(kind.status, field, message);
		this.kind = kind;
		this.field = field;
	}

	public static NewsroomException badInput(String field, String message) {
		return new NewsroomException(Kind.BAD_INPUT, field, message);
	}

	public static NewsroomException forbidden(String message) {
		return new NewsroomException(Kind.FORBIDDEN, null, message);
	}

	/** Refused to this person about one field (their own byline only, say): the form shows it by the field. */
	public static NewsroomException forbidden(String field, String message) {
		return new NewsroomException(Kind.FORBIDDEN, field, message);
	}

	public static NewsroomException notFound(String message) {
		return new NewsroomException(Kind.NOT_FOUND, null, message);
	}

	public static NewsroomException conflict(String field, String message) {
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
