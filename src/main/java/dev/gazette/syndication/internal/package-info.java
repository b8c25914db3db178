/**
 * Syndication's inside: the feed, sitemap and e-mail-a-friend pages with their views and settings, the feed formats,
 * the site's absolute addresses and the images mailed with an article. Public only so that the feature's own package
 * can use them; no other feature may (Spring Modulith checks it): they use {@link dev.gazette.syndication.Feeds},
 * {@link dev.gazette.syndication.ShareMetadata} and {@link dev.gazette.syndication.EmailAFriend}.
 */
package dev.gazette.syndication.internal;
