package dev.gazette.comment;

/**
 * How busy an article's discussion is: published comments posted since two times (the later, "recent", and the
 * earlier, "since"), and comments held for moderators now.
 */
public record CommentActivity(long articleId, long publishedRecently, long publishedSince, long held) {
}
