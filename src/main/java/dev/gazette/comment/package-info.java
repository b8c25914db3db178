/**
 * The reader discussion: threads, posting, rendering of readers' text, sorting and paging; who is who in a thread,
 * readers' recommendations and the editors' picks. Other features use {@link dev.gazette.comment.Comments}
 * (moderators' decisions, the queues and an author's history, imports, the reads of profiles, feeds and search),
 * {@link dev.gazette.comment.Commenting} (a reader's post, edit and deletion), {@link dev.gazette.comment.Discussions}
 * (the public snapshot and its page views, which the article page composes) and {@link dev.gazette.comment.Picks}
 * (moderation features comments through it); moderation plugs in as the {@link dev.gazette.comment.CommentScreening};
 * they listen to {@link dev.gazette.comment.CommentSubmitted}, {@link dev.gazette.comment.CommentPublished} and
 * {@link dev.gazette.comment.CommentChanged}. Everything else is in {@code comment.internal}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Comments", allowedDependencies = { "article",
		"publication", "account", "mail", "ratelimit", "refusal", "transaction" })
package dev.gazette.comment;
