/**
 * Live updates' inside: the feed as read from the change log ({@code LiveChanges}), the listener that wakes the hub
 * after this node's commits ({@code LiveWakeUps}), the node's reader of the feed ({@code LiveHub}) with
 * PostgreSQL's {@code LISTEN} ({@code FeedNotifications}), the streams and their endpoints ({@code LiveStreams},
 * {@code LiveStream}) and the settings. Other features see only {@link dev.gazette.live.LiveFeed}, the position a
 * page was built at.
 */
package dev.gazette.live.internal;
