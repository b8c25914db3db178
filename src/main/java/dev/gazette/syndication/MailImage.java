package dev.gazette.syndication;

import dev.gazette.article.LeadImage;

/** An article's lead image as a message shows it: absolute address, and a size that fits a 560-pixel column. */
public record MailImage(String url, String alt, Integer width, Integer height, String credit) {

	static final int COLUMN = 560;

	static MailImage of(String absoluteUrl, LeadImage image) {
		Integer width = null;
		Integer height = null;
		if (image.width() != null && image.height() != null && image.width() > 0) {
			width = Math.min(COLUMN, image.width());
			height = (int) Math.round((double) image.height() * width / image.width());
		}
		return new MailImage(absoluteUrl, image.alt() == null ? "" : image.alt(), width, height, image.credit());
	}
}
