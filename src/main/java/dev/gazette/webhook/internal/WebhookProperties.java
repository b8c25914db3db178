package dev.gazette.webhook.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook settings under {@code gazette.webhooks.*}.
 *
 * @param maxAttempts attempts before a delivery is given up as failed
 * @param firstRetry the wait after the first failure; each further failure doubles it
 * @param maxRetry the longest wait between two attempts
 * @param timeout how long to wait to connect, and for the answer
 * @param pollInterval how often each node looks for deliveries that are due
 */
@ConfigurationProperties("gazette.webhooks")
record WebhookProperties(@DefaultValue("8") int maxAttempts, @DefaultValue("30s") Duration firstRetry,
		@DefaultValue("6h") Duration maxRetry, @DefaultValue("10s") Duration timeout,
		@DefaultValue("5s") Duration pollInterval) {

	WebhookProperties {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("gazette.webhooks.max-attempts must be at least 1, not " + maxAttempts);
		}
		if (pollInterval.isNegative() || pollInterval.isZero() || timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("gazette.webhooks.poll-interval and timeout must be positive");
		}
	}

	/** The wait after {@code attemptsMade} failed attempts: first-retry, doubling, at most max-retry. */
	Duration backOff(int attemptsMade) {
		Duration wait = firstRetry;
		for (int i = 1; i < attemptsMade && wait.compareTo(maxRetry) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
	}
}
