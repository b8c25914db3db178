package dev.gazette.comment;

/** What a reader submits: a name (guests), the text, and the comment it replies to ({@code null} for none). */
public record CommentDraft(String authorName, String body, Long parentId) {
}
