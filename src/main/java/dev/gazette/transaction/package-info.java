/**
 * Values that live as long as one database transaction ({@link dev.gazette.transaction.PerTransaction}): what a
 * transaction gathers to write in one batch just before it commits (the change log's rows, the automatic decisions'
 * audit entries, a discussion's count), or a read it makes once however many writes ask (which webhooks want
 * comments). A group commit of many posts is one transaction, so each of these costs it once instead of once a post.
 * This module depends on nothing of Gazette's.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Per-transaction values", allowedDependencies = {})
package dev.gazette.transaction;
