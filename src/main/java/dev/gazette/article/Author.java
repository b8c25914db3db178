package dev.gazette.article;

/** A writer as readers see them on bylines and their author page. */
public record Author(long id, String slug, String displayName, String title, String bio, String avatarUrl) {
}
