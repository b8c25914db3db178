package dev.gazette.article;

public record Tag(String slug, String name) {
}
