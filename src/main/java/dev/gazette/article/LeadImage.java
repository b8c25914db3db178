package dev.gazette.article;

import dev.gazette.media.Picture;

/**
 * The photo at the top of an article, with what the page must say about it. An image from the media library also has
 * a {@code srcset} of its renditions and a large rendition for share cards ({@code shareUrl}, with its size); an
 * image given by URL alone (articles from before the library) has neither, and shares its one URL.
 */
public record LeadImage(String url, Integer width, Integer height, String alt, String caption, String credit,
		String srcset, String shareUrl, Integer shareWidth, Integer shareHeight) {

	/** An image by URL alone. */
	public LeadImage(String url, Integer width, Integer height, String alt, String caption, String credit) {
		this(url, width, height, alt, caption, credit, null, url, width, height);
	}

	/** A media library picture. */
	static LeadImage of(Picture picture) {
		return new LeadImage(picture.src(), picture.width(), picture.height(), picture.alt(), picture.caption(),
				picture.credit(), picture.srcset(), picture.largestSrc(), picture.largestWidth(), picture.largestHeight());
	}
}
