/**
 * Live updates' inside: the feed's table ({@code LiveChanges}) and the listener that writes it
 * ({@code LiveRecorder}), the node's reader of the feed ({@code LiveHub}) with PostgreSQL's {@code LISTEN}
 * ({@code FeedNotifications}), the streams and their endpoints ({@code LiveStreams}, {@code LiveStream}) and the
 * settings. Other features see only {@link dev.gazette.live.LiveFeed}, the position a page was built at.
 */
package dev.gazette.live.internal;
