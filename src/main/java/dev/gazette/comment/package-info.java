/**
 * The reader discussion: threads, posting, rendering of readers' text, sorting and paging. Other features use
 * {@link dev.gazette.comment.Comments} or listen to {@link dev.gazette.comment.CommentSubmitted} and {@link dev.gazette.comment.CommentPublished}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Comments", allowedDependencies = { "article",
		"publication", "account", "mail", "ratelimit" })
package dev.gazette.comment;
