package dev.gazette.newsroom.internal;

import java.util.List;

import dev.gazette.article.Author;
import dev.gazette.media.Picture;

/**
 * A piece as its article page will show it, before it is saved: what the editor's preview and the preview page
 * render with the article page's markup. Public for the templates.
 *
 * @param section the section's name, or {@code null}
 * @param opinion whether the piece is opinion (the page's badge)
 * @param when what the page's dateline will say ("Not published yet", or the time it went or goes live)
 * @param leadImage the media library lead image, or {@code null}
 * @param bodyHtml the body as the article page renders and sanitises it
 * @param missingAuthors bylines the form names that are not authors (shown as they were typed, never linked)
 */
public record PreviewView(String headline, String standfirst, String section, boolean opinion, List<Author> authors,
		String when, Picture leadImage, String bodyHtml, List<String> missingAuthors) {

	public boolean opinionBadge() {
		return opinion && (section == null || !section.equalsIgnoreCase("Opinion"));
	}
}
