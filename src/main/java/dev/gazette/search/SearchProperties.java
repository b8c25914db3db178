package dev.gazette.search;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gazette.search.*}.
 * @param pollInterval how often each node applies the change feed's new rows, its own and others', and makes them
 * durable in the index (a search has this node's own changes applied first)
 * @param pageSize hits per page
 * @param gapWait how long a hole in the feed's ids (a transaction that took an id and has not committed yet) is
 * waited for before it is taken for a rolled-back one and passed
 */
@ConfigurationProperties("gazette.search")
public record SearchProperties(@DefaultValue("1s") Duration pollInterval, @DefaultValue("10") int pageSize,
		@DefaultValue("30s") Duration gapWait) {
}
