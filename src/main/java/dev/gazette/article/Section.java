package dev.gazette.article;

public record Section(long id, String slug, String name, String description) {
}
