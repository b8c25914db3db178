/**
 * The change log: one durable, ordered record of what changed, which every node reads to bring what it keeps in
 * memory or on its own disk up to date. It is the one feed behind live updates ({@code dev.gazette.live}: a comment
 * published on an article, one held for a moderator) and the search index ({@code dev.gazette.search}: an article or
 * a comment to index again).
 * <p>
 * Rows are written in the transaction that made the change, just before it commits, so a committed change always has
 * its row and a rolled-back one never does. A transaction writes one row per article and per comment it changed,
 * however many events it published about them (a post is stored, published and changed: one row), all in one batch;
 * a group commit of many posts is one batch for all of them. On PostgreSQL the writing transaction also sends one
 * {@code NOTIFY} ({@link ChangeLog#CHANNEL}), delivered at its commit.
 * <p>
 * Ids increase in the order rows are written; a reader keeps the last id it applied and reads past it. A hole in the
 * ids is a transaction that took an id and has not committed yet (or rolled back); each reader decides how long to
 * wait for one. Rows older than {@code gazette.changes.keep} are deleted, the newest always kept.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Change log", allowedDependencies = { "article",
		"comment", "transaction" })
package dev.gazette.changes;
