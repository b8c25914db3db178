package dev.gazette.article;

/** The photo at the top of an article, with what the page must say about it. */
public record LeadImage(String url, Integer width, Integer height, String alt, String caption, String credit) {
}
