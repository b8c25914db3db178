package dev.gazette.comment;

/**
 * What a reader submits: the text, the comment it replies to ({@code null} for none), and whether they were
 * warned that it may be held and chose to post anyway.
 */
public record CommentDraft(String body, Long parentId, boolean nudgeAcknowledged) {

	public CommentDraft(String body, Long parentId) {
		this(body, parentId, false);
	}
}
