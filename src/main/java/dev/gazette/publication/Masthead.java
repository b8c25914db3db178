package dev.gazette.publication;

/** What the top of every page shows: the publication's name, its tagline and today's dateline. */
public record Masthead(String name, String tagline, String dateline) {
}
