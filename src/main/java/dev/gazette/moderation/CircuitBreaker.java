package dev.gazette.moderation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Stops asking a failing service for a while: after {@code threshold} failures in a row the circuit opens for
 * {@code openFor}; then one trial call is let through, and a success closes it again. Thread-safe.
 */
final class CircuitBreaker {

	private final int threshold;

	private final Duration openFor;

	private final Clock clock;

	private int failures;

	private Instant openUntil = Instant.MIN;

	CircuitBreaker(int threshold, Duration openFor, Clock clock) {
		this.threshold = threshold;
		this.openFor = openFor;
		this.clock = clock;
	}

	synchronized boolean allows() {
		return !clock.instant().isBefore(openUntil);
	}

	synchronized void succeeded() {
		failures = 0;
		openUntil = Instant.MIN;
	}

	synchronized void failed() {
		failures++;
		if (failures >= threshold) {
			openUntil = clock.instant().plus(openFor);
			failures = threshold - 1;
		}
	}
}
