package dev.gazette.comment;

/** What a reader submits: the text, and the comment it replies to ({@code null} for none). */
public record CommentDraft(String body, Long parentId) {
}
