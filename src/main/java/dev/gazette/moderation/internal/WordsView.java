package dev.gazette.moderation.internal;

import dev.gazette.moderation.WordLists;

/** The lists and a note about the last change. */
public record WordsView(java.util.List<WordLists.Entry> entries, String done) {
}
