package dev.gazette.article;

/** The partner outlet where a syndicated piece first ran. */
public record Source(String name, String url) {
}
