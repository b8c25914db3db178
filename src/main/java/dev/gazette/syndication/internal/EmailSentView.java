package dev.gazette.syndication.internal;

import java.util.List;

/** What the sender sees once the article is on its way: to whom it went. */
public record EmailSentView(String slug, String headline, List<String> recipients) {

	public String articlePath() {
		return "/articles/" + slug;
	}
}
