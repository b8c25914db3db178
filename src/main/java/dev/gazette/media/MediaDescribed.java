package dev.gazette.media;

/**
 * An image's alt text, caption or credit changed. Published inside the change's transaction, so that what shows the
 * image (an article's lead image) can mark itself changed in the same commit: pages kept in memory on every node
 * check the article's version, and see the new caption on their next request.
 */
public record MediaDescribed(long mediaId) {
}
