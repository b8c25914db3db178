package dev.gazette.comment;

import java.time.Instant;

/**
 * One of an author's latest comments, as screening weighs it: what became of it, when it was written and its text
 * (for spotting the same text posted again).
 */
public record RecentComment(long id, CommentStatus status, Instant createdAt, String body) {
}
