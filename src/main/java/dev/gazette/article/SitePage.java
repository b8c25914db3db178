package dev.gazette.article;

import java.time.Instant;

/** One of the site's editable pages (About, Contact, ...): its Markdown and the sanitised HTML made from it. */
public record SitePage(String slug, String title, String bodyMarkdown, String bodyHtml, Instant updatedAt,
		String updatedByName) {

	public String path() {
		return "/" + slug;
	}
}
