package dev.gazette.comment;

/**
 * Something about a stored comment changed: it was posted, edited, moderated, deleted or removed, or its author's
 * name changed. Published synchronously, inside the transaction that made the change (unlike
 * {@link CommentPublished}), so that a listener writing to the database (the search feed) commits or rolls back with
 * it. It carries only the id: a listener that needs the comment reads it after the commit, as it then stands.
 */
public record CommentChanged(long commentId) {
}
