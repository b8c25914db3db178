package dev.gazette.media.internal;

import dev.gazette.media.MediaItem;
import dev.gazette.media.Picture;

import java.util.List;

/** {@code /admin/media/{id}}: the image, its sizes, and its metadata form. */
public record MediaItemView(MediaItem item, Picture picture, List<Size> sizes, boolean canEdit, boolean canDelete,
		MediaForm form, String notice) {

	/** One stored rendition. */
	public record Size(int width, int height, String url) {
	}
}
