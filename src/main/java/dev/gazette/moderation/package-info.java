/**
 * Civil discussion: the pipeline every comment passes before anyone sees it (word lists, the built-in classifier,
 * optional external services, spam, trust, per-article rules), readers' reports, the moderators' console, the audit
 * log and the classifier's models. It plugs into the comment feature as its
 * {@link dev.gazette.comment.CommentScreening}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Moderation", allowedDependencies = { "comment",
		"article", "account", "publication", "refusal", "live", "transaction" })
package dev.gazette.moderation;
