package dev.gazette.search;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gazette.search.*}.
 * @param pollInterval how often each node applies the change feed's new rows (others' changes reach it within this)
 * @param pageSize hits per page
 * @param gapWait how long a hole in the feed's ids (a transaction that took an id and has not committed yet) is
 * waited for before it is taken for a rolled-back one and passed
 * @param feedRetention how long the change feed's rows are kept; a node away for longer rebuilds its index from the
 * database when it comes back
 * @param pruneInterval how often each node deletes the feed's rows older than {@code feedRetention}
 * @param applyDelay how long after this node's own commit its changes are applied to the index, so the commits of
 * that moment are applied together (a search does not wait for it: it has them applied at once)
 */
@ConfigurationProperties("gazette.search")
public record SearchProperties(@DefaultValue("1s") Duration pollInterval, @DefaultValue("10") int pageSize,
		@DefaultValue("30s") Duration gapWait, @DefaultValue("7d") Duration feedRetention,
		@DefaultValue("1h") Duration pruneInterval, @DefaultValue("100ms") Duration applyDelay) {
}
