package dev.gazette.media.internal;

import dev.gazette.media.MediaException;
import dev.gazette.media.MediaItem;

import java.util.Map;

/** What the upload or edit form shows: the values typed, and the problems with them by field. */
public record MediaForm(String alt, String caption, String credit, String message, Map<String, String> errors) {

	static final MediaForm EMPTY = new MediaForm("", "", "", null, null);

	public MediaForm {
		alt = alt == null ? "" : alt;
		caption = caption == null ? "" : caption;
		credit = credit == null ? "" : credit;
		errors = errors == null ? Map.of() : Map.copyOf(errors);
	}

	public static MediaForm of(MediaItem item) {
		return new MediaForm(item.alt(), item.caption(), item.credit(), null, null);
	}

	public MediaForm refused(MediaException refused) {
		return new MediaForm(alt, caption, credit, refused.getMessage(),
				refused.field() == null ? Map.of() : Map.of(refused.field(), refused.getMessage()));
	}

	public String errorFor(String field) {
		return errors.get(field);
	}
}
