package dev.gazette.comment;

import java.util.List;

/**
 * A comment as the discussion shows it: at most three levels deep. Replies deeper than the third level are shown
 * at the third level, in conversation order, with {@code inReplyTo} naming whom they answer ({@code null} when the
 * nesting already says it).
 */
public record DisplayComment(Comment comment, String inReplyTo, List<DisplayComment> replies) {

	/** The most levels a discussion shows; see {@link Discussion}. */
	public static final int MAX_LEVELS = 3;
}
