package dev.gazette.media;

/**
 * Everything a page needs to show a library image: {@code src} (a middle-sized rendition) and {@code srcset} (every
 * rendition, as {@code URL 640w, …}), the master's {@code width} and {@code height} (so the browser reserves the right
 * space before the image arrives), the alt text, caption and credit ({@code null} when not written), and the largest
 * rendition with its size, for share cards.
 */
public record Picture(long mediaId, String src, String srcset, int width, int height, String alt, String caption,
		String credit, String largestSrc, int largestWidth, int largestHeight, String contentType) {

	/** The rendition width a page's {@code src} uses when the image has it (else the widest below it). */
	static final int MIDDLE_WIDTH = 1024;

	public static Picture of(MediaItem item) {
		int middle = item.widths().get(0);
		StringBuilder srcset = new StringBuilder();
		for (int width : item.widths()) {
			if (width <= MIDDLE_WIDTH) {
				middle = width;
			}
			if (!srcset.isEmpty()) {
				srcset.append(", ");
			}
			srcset.append(item.url(width)).append(' ').append(width).append('w');
		}
		int largest = item.largestWidth();
		return new Picture(item.id(), item.url(middle), srcset.toString(), item.width(), item.height(), item.alt(),
				item.caption(), item.credit(), item.url(largest), largest, item.heightAt(largest), item.contentType());
	}
}
