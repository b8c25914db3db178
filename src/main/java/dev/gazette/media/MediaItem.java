package dev.gazette.media;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An image in the media library. {@code width} and {@code height} are the stored master's (after the upload's EXIF
 * orientation was applied); {@code widths} are its renditions, smallest first, served at {@link #url(int)};
 * {@code contentType} is theirs ({@code image/jpeg}, or {@code image/png} for an image with transparency);
 * {@code sourceType} is what was uploaded ({@code jpeg}, {@code png}, {@code gif}, {@code webp}). Alt text, caption
 * and credit are {@code null} until someone writes them; {@code uploadedBy} is {@code null} once that account is gone.
 */
public record MediaItem(long id, String fileName, String sourceType, String contentType, int width, int height,
		long byteSize, List<Integer> widths, String alt, String caption, String credit, Long uploadedBy,
		Instant createdAt, Instant updatedAt) {

	public MediaItem {
		widths = List.copyOf(widths);
	}

	/** The address of the rendition {@code width} pixels wide (one of {@link #widths()}). */
	public String url(int width) {
		return "/media/" + id + "/" + width + "." + extension();
	}

	/** {@code jpg} or {@code png}. */
	public String extension() {
		return "image/png".equals(contentType) ? "png" : "jpg";
	}

	/** The height of the rendition {@code width} pixels wide, keeping the aspect ratio. */
	public int heightAt(int renditionWidth) {
		return Math.max(1, (int) Math.round((double) height * renditionWidth / width));
	}

	/** The largest rendition's width: what share cards use. */
	public int largestWidth() {
		return widths.get(widths.size() - 1);
	}

	/** What must still be written before an article with this image can be published: empty when complete. */
	public List<String> missingMetadata() {
		List<String> missing = new ArrayList<>();
		if (alt == null) {
			missing.add("alt text");
		}
		if (caption == null) {
			missing.add("caption");
		}
		if (credit == null) {
			missing.add("credit");
		}
		return missing;
	}
}
