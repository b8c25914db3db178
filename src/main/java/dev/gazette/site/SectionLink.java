package dev.gazette.site;

/** A section in the navigation: its address ({@code /sections/slug}) and its name. */
public record SectionLink(String slug, String name) {
}
