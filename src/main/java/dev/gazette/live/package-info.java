/**
 * Live updates: a reader on an article learns within a second or two that new comments were published, and the
 * moderation console that new comments wait for a decision, over Server-Sent Events.
 * <p>
 * The events come from a durable feed, the change log ({@code dev.gazette.changes}): it writes a row in the very
 * transaction that publishes a comment or holds one for a moderator, so a committed change always has its row. The
 * row's id is the event id, which is why a browser that reconnects with {@code Last-Event-ID} (after a network blip,
 * to a node that restarted, or to another node behind the load balancer) gets exactly what it missed.
 * <p>
 * Every node reads the feed ({@code internal.LiveHub}) and passes new rows to the streams it holds. On PostgreSQL the writing
 * transaction also sends {@code NOTIFY}, and each node {@code LISTEN}s ({@code internal.FeedNotifications}), so another node's
 * comment reaches this node's readers at once; the feed is still read every {@code gazette.live.poll-interval}
 * (every {@code gazette.live.listen-poll-interval} while the listening connection is up), which is all there is on the
 * embedded database and the fallback when the listening connection is lost. This node's own commits wake the reader
 * at once.
 * <p>
 * An idle stream holds no request thread (servlet async) and no database connection. A node holds at most
 * {@code gazette.live.max-connections} streams; past that it answers 503 and the page's script polls the JSON
 * endpoint instead. Without JavaScript nothing here is used: the pages are as they were.
 * <p>
 * Other features use {@link dev.gazette.live.LiveFeed} (where the feed stands, for a page's script); the rest is in
 * {@code live.internal}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Live updates", allowedDependencies = { "changes", "comment" })
package dev.gazette.live;
