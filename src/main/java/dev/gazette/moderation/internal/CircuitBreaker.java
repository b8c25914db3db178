package dev.gazette.moderation.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Stops asking a failing service for a while: after {@code threshold} failures in a row the circuit opens for
 * {@code openFor}; then one trial call is let through, and a success closes it again. Thread-safe.
 */
public final class CircuitBreaker {

	private final int threshold;

	private final Duration openFor;

	private final Clock clock;

	private int failures;

	private Instant openUntil = Instant.MIN;

	public CircuitBreaker(int threshold, Duration openFor, Clock clock) {
		this.threshold = threshold;
		this.openFor = openFor;
		this.clock = clock;
	}

	public synchronized boolean allows() {
		return !clock.instant().isBefore(openUntil);
	}

	public synchronized void succeeded() {
		failures = 0;
		openUntil = Instant.MIN;
	}

	public synchronized void failed() {
		failures++;
		if (failures >= threshold) {
			openUntil = clock.instant().plus(openFor);
			failures = threshold - 1;
		}
	}
}
