/**
 * The newsroom: the workflow an article goes through from draft to publication (who may move it, and where), its
 * revisions with diffs and restore, the editor and the editors' dashboard (with each recent piece's comment
 * activity from the comment feature), editors' notes to the writer, scheduling, and the writing API. Articles
 * themselves stay in the article feature; the newsroom changes them only through
 * {@link dev.gazette.article.Manuscripts}. Other features use {@link dev.gazette.newsroom.Workflow}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Newsroom", allowedDependencies = { "article", "account", "mail",
		"publication", "comment", "media", "ratelimit", "refusal", "search" })
package dev.gazette.newsroom;
