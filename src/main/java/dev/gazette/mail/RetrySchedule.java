package dev.gazette.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.gazette.jobs.BackOff;

/**
 * When to try a mail again after a failed attempt: after 1 minute, 5 minutes, 30 minutes, 2 hours, then every
 * 12 hours, until the maximum number of attempts is reached.
 */
final class RetrySchedule {

	static final List<Duration> BACK_OFF = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
			Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(12));

	private final int maxAttempts;

	RetrySchedule(int maxAttempts) {
		this.maxAttempts = maxAttempts;
	}

	/**
	 * @param attemptsMade attempts so far, the one that just failed included
	 * @return when to try again, or empty when that was the last attempt
	 */
	Optional<Instant> nextAttempt(int attemptsMade, Instant failedAt) {
		return backOff().next(attemptsMade, failedAt);
	}

	/** The same schedule, as the job queue takes it. */
	BackOff backOff() {
		return new BackOff(BACK_OFF, maxAttempts);
	}
}
