package dev.gazette.newsroom;

import java.time.Instant;
import java.util.Map;

/**
 * A writer's unsaved text of a piece, as the editor sent it: the form's fields by name, the body, and the version of
 * the piece they were editing.
 */
public record Autosave(long articleId, long version, Map<String, String> fields, String body, Instant savedAt) {
}
