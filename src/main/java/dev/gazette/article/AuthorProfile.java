package dev.gazette.article;

import java.util.List;

/**
 * Everything the newsroom keeps about a writer: what bylines show ({@link #author()}), the addresses readers can follow
 * them at, and the account they write from, if any.
 */
public record AuthorProfile(Author author, String websiteUrl, String mastodonUrl, String xUrl, String blueskyUrl,
		String linkedinUrl, String email, Long accountId, boolean hasPicture) {

	/** A place to follow an author, in the order the author page lists them. */
	public record Link(String label, String href, String rel) {
	}

	/** The author's addresses with their labels, leaving out those not given. */
	public List<Link> links() {
		List<Link> links = new java.util.ArrayList<>();
		add(links, "Website", websiteUrl, "noopener");
		add(links, "Mastodon", mastodonUrl, "me noopener");
		add(links, "X", xUrl, "noopener");
		add(links, "Bluesky", blueskyUrl, "noopener");
		add(links, "LinkedIn", linkedinUrl, "noopener");
		if (email != null) {
			links.add(new Link("E-mail", "mailto:" + email, null));
		}
		return links;
	}

	private static void add(List<Link> links, String label, String url, String rel) {
		if (url != null) {
			links.add(new Link(label, url, rel));
		}
	}
}
