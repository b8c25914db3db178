package dev.gazette.live.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gazette.live.*}.
 * @param maxConnections the most event streams one node holds; past it a new stream is answered 503 and the
 * browser polls {@code /changes} instead (keep {@code server.tomcat.max-connections} above it)
 * @param heartbeat how often an idle stream gets a comment line, so proxies keep it open and dead ones are found
 * @param streamTimeout how long one stream lasts before the server ends it; the browser reconnects at once with
 * {@code Last-Event-ID}, so nothing is lost (this bounds how long a stream outlives a changed deployment)
 * @param pollInterval how often each node reads the feed for others' changes without {@code LISTEN/NOTIFY}: on the
 * embedded database, and on PostgreSQL while the listening connection is down
 * @param listenPollInterval how often the feed is read anyway while the node listens on PostgreSQL
 * @param clientPollInterval how often a browser polls {@code /changes} when it was refused a stream
 * @param reconnect the delay the browser waits before reconnecting a dropped stream (the SSE {@code retry} field)
 * @param gapWait how long a hole in the feed's ids (a transaction that took an id and has not committed yet) is
 * waited for before it is taken for a rolled-back one
 */
@ConfigurationProperties("gazette.live")
public record LiveProperties(@DefaultValue("10000") int maxConnections, @DefaultValue("20s") Duration heartbeat,
		@DefaultValue("15m") Duration streamTimeout, @DefaultValue("500ms") Duration pollInterval,
		@DefaultValue("5s") Duration listenPollInterval, @DefaultValue("10s") Duration clientPollInterval,
		@DefaultValue("2s") Duration reconnect, @DefaultValue("10s") Duration gapWait) {
}
