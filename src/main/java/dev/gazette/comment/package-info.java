/**
 * The reader discussion: threads, posting, rendering of readers' text, sorting and paging; who is who in a thread,
 * readers' recommendations and the editors' picks. Other features use {@link dev.gazette.comment.Comments},
 * {@link dev.gazette.comment.internal.Recommendations} and {@link dev.gazette.comment.Picks} (moderation features comments
 * through it) or listen to {@link dev.gazette.comment.CommentSubmitted} and {@link dev.gazette.comment.CommentPublished}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Comments", allowedDependencies = { "article",
		"publication", "account", "mail", "ratelimit", "refusal" })
package dev.gazette.comment;
