package dev.gazette.jobs.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Job queue settings under {@code gazette.jobs.*}. How often each kind is polled, how long its claims last and how it
 * backs off belong to the feature that owns the kind ({@code gazette.mail.*}, {@code gazette.webhooks.*}, ...).
 *
 * @param threads how many jobs one node runs at the same time (at most one look per kind at a time)
 * @param drainTimeout how long a shutdown waits for the jobs under way; a job cut off is retried when its claim lapses
 * @param keepDone how long finished jobs are kept before they are deleted (dead ones stay until retried)
 */
@ConfigurationProperties("gazette.jobs")
record JobProperties(@DefaultValue("2") int threads, @DefaultValue("20s") Duration drainTimeout,
		@DefaultValue("7d") Duration keepDone) {

	JobProperties {
		if (threads < 1) {
			throw new IllegalArgumentException("gazette.jobs.threads must be at least 1, not " + threads);
		}
		if (drainTimeout.isNegative() || keepDone.isNegative()) {
			throw new IllegalArgumentException("gazette.jobs.drain-timeout and keep-done must not be negative");
		}
	}
}
