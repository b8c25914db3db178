package dev.gazette.comment;

/**
 * One top-level comment with the replies shown under it. {@code hiddenReplies} are on the thread's own page.
 */
public record ThreadView(DisplayComment root, int replyCount, int hiddenReplies) {
}
