package dev.gazette.media;

/**
 * A media library request that was refused, and nothing was stored or changed: not an image, too large, bad metadata
 * (naming the field), not allowed, no such item, or an item still in use.
 */
public class MediaException extends RuntimeException {

	/** Why: each becomes one HTTP status. */
	public enum Kind {
		BAD_INPUT, TOO_LARGE, FORBIDDEN, NOT_FOUND, CONFLICT
	}

	private final Kind kind;

	private final String field;

	MediaException(Kind kind, String field, String message) {
		super(message);
		this.kind = kind;
		this.field = field;
	}

	static MediaException badInput(String field, String message) {
		return new MediaException(Kind.BAD_INPUT, field, message);
	}

	static MediaException tooLarge(String message) {
		return new MediaException(Kind.TOO_LARGE, "file", message);
	}

	static MediaException forbidden(String message) {
		return new MediaException(Kind.FORBIDDEN, null, message);
	}

	static MediaException notFound(long id) {
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

	/** The HTTP status for this refusal. */
	public int status() {
		return switch (kind) {
			case BAD_INPUT -> 400;
			case TOO_LARGE -> 413;
			case FORBIDDEN -> 403;
			case NOT_FOUND -> 404;
			case CONFLICT -> 409;
		};
	}
}
