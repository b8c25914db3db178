package dev.gazette.media.internal;

import dev.gazette.media.MediaItem;
import dev.gazette.media.Picture;

import java.util.List;

/** {@code /admin/media}: a page of thumbnails, the search, the pages and the upload form. */
public record MediaLibraryView(List<Tile> tiles, String query, int page, int totalPages, long total,
		String previousHref, String nextHref, MediaForm form) {

	/** One image in the grid. */
	public record Tile(MediaItem item, Picture picture, String href) {
	}
}
