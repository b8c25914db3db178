package dev.gazette.background;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Background work settings under {@code gazette.background.*}.
 *
 * @param retryInterval how often each node looks for event listeners to run again
 * @param firstRetry how old an unfinished listener run must be before it is retried, and the wait after its first
 *        retry; each further retry doubles the wait
 * @param maxRetry the longest wait between two retries of one listener run
 * @param drainTimeout how long a shutdown waits for queued listener runs and scheduled jobs before it leaves the rest
 *        to the retries (of this node after its restart, or of another node)
 * @param compactInterval how often the embedded H2 database rewrites its sparsest chunks (not used with PostgreSQL)
 * @param compactAtShutdown whether the embedded H2 file is fully compacted when the JVM shuts down, after the drain
 */
@ConfigurationProperties("gazette.background")
record BackgroundProperties(@DefaultValue("30s") Duration retryInterval, @DefaultValue("1m") Duration firstRetry,
		@DefaultValue("1h") Duration maxRetry, @DefaultValue("20s") Duration drainTimeout,
		@DefaultValue("2s") Duration compactInterval, @DefaultValue("true") boolean compactAtShutdown) {

	BackgroundProperties {
		for (Duration positive : new Duration[] { retryInterval, firstRetry, maxRetry, compactInterval }) {
			if (positive.isNegative() || positive.isZero()) {
				throw new IllegalArgumentException(
						"gazette.background.retry-interval, first-retry, max-retry and compact-interval must be positive");
			}
		}
		if (drainTimeout.isNegative()) {
			throw new IllegalArgumentException("gazette.background.drain-timeout must not be negative");
		}
	}

	/** The wait after {@code retries} retries: first-retry, doubling, at most max-retry. */
	Duration backOff(int retries) {
		Duration wait = firstRetry;
		for (int i = 1; i < retries && wait.compareTo(maxRetry) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
	}
}
