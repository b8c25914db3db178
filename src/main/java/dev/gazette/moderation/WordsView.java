package dev.gazette.moderation;

/** The lists and a note about the last change. */
public record WordsView(java.util.List<WordLists.Entry> entries, String done) {
}
