package dev.gazette.media;

import org.springframework.http.HttpStatus;

import dev.gazette.refusal.Refusal;

/**
 * A media library request that was refused, and nothing was stored or changed: not an image, too large, bad metadata
 * (naming the field), not allowed, no such item, or an item still in use.
 */
public class MediaException extends Refusal {

	/** Why: each is one HTTP status, for the API's problem JSON and the library's pages alike. */
	public enum Kind {

		BAD_INPUT(HttpStatus.BAD_REQUEST), TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE), FORBIDDEN(HttpStatus.FORBIDDEN),
		NOT_FOUND(HttpStatus.NOT_FOUND), CONFLICT(HttpStatus.CONFLICT);

		private final HttpStatus status;

		Kind(HttpStatus status) {
			this.status = status;
		}
	}

	private final Kind kind;

	private final String field;

	MediaException(Kind kind, String field, String message) {
		super(kind.status, field, message);
		this.kind = kind;
		this.field = field;
	}

	public static MediaException badInput(String field, String message) {
		return new MediaException(Kind.BAD_INPUT, field, message);
	}

	public static MediaException tooLarge(String message) {
		return new MediaException(Kind.TOO_LARGE, "file", message);
	}

	public static MediaException forbidden(String message) {
		return new MediaException(Kind.FORBIDDEN, null, message);
	}

	public static MediaException notFound(long id) {
		return new MediaException(Kind.NOT_FOUND, null, "There is no image " + id + " in the media library.");
	}

	static MediaException conflict(String message) {
		return new MediaException(Kind.CONFLICT, null, message);
	}

	public Kind kind() {
		return kind;
	}

	/** The request field at fault ({@code file}, {@code alt}, {@code caption}, {@code credit}), or {@code null}. */
	public String field() {
		return field;
	}
}
