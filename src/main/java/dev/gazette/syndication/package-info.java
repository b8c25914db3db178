/**
 * Reach: how a story travels beyond its page. Share metadata for link previews and search engines (Open Graph,
 * X cards, JSON-LD), RSS and Atom feeds of the site, its sections, authors, tags and each article's comments,
 * sitemaps and robots.txt, and “email a copy to a friend”. Pages of other features use
 * {@link dev.gazette.syndication.ShareMetadata} and {@link dev.gazette.syndication.Feeds}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Syndication",
		allowedDependencies = { "article", "publication", "comment", "mail", "account", "ratelimit" })
package dev.gazette.syndication;
