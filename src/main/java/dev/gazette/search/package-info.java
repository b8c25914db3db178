/**
 * Search: readers find published articles by words, with filters, ranked and highlighted; moderators find comments in
 * every status ({@link dev.gazette.search.CommentSearch}); the newsroom finds pieces in any state
 * ({@link dev.gazette.search.NewsroomSearch}, which leaves who may see what to the newsroom). Comments reach the feed
 * through {@link dev.gazette.comment.CommentChanged}, published inside each comment write's transaction.
 * <p>
 * Each node keeps its own Apache Lucene index under {@code gazette.data-dir}/search. The index is fed from a durable
 * change feed, the change log ({@code dev.gazette.changes}): whatever changes an article publishes
 * {@link dev.gazette.article.ArticleChanged} inside its transaction, and the change log writes its row in that
 * same transaction, so a committed change always has its row and a rolled-back one never does. Every node applies
 * the feed's new rows about once a second (the node that made the change does so at once, after commit) and keeps
 * the last id it applied inside the Lucene commit itself: a restart resumes where the index really stands, and an
 * index that is missing or unreadable is rebuilt from the database on start.
 * <p>
 * The engine sits behind {@link SearchEngine}: documents in, queries out, plus the feed position it has made
 * durable. An OpenSearch (or Elasticsearch) cluster can take its place for very large archives by implementing that
 * interface; the feed, the visibility check against the database and the pages stay as they are.
 * <p>
 * The index never decides alone what readers may see: every page of hits is checked against the database
 * ({@link dev.gazette.article.ArticleCatalog#visibleAmong}), so an article unpublished on another node a moment
 * ago is not shown even before this node's index hears of it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Search", allowedDependencies = { "article", "changes", "publication",
		"comment", "account", "refusal" })
package dev.gazette.search;
