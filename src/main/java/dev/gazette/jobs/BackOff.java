package dev.gazette.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When to run a failed job again: the waits after the first, second, ... failure (the last one repeats), until
 * {@code maxAttempts} runs have been made.
 */
public record BackOff(List<Duration> waits, int maxAttempts) {

	public BackOff {
		waits = List.copyOf(waits);
		if (waits.isEmpty() || maxAttempts < 1) {
			throw new IllegalArgumentException("A back-off needs at least one wait and one attempt");
		}
	}

	/** Waits that start at {@code first} and double, up to {@code max}. */
	public static BackOff exponential(Duration first, Duration max, int maxAttempts) {
		List<Duration> waits = new java.util.ArrayList<>();
		Duration wait = first;
		while (wait.compareTo(max) < 0 && waits.size() < maxAttempts) {
			waits.add(wait);
			wait = wait.multipliedBy(2);
		}
		waits.add(max);
		return new BackOff(waits, maxAttempts);
	}

	/**
	 * @param attemptsMade runs so far, the one that just failed included
	 * @return when to run again, or empty when that was the last attempt
	 */
	public Optional<Instant> next(int attemptsMade, Instant failedAt) {
		if (attemptsMade >= maxAttempts) {
			return Optional.empty();
		}
		return Optional.of(failedAt.plus(waits.get(Math.min(attemptsMade, waits.size()) - 1)));
	}
}
