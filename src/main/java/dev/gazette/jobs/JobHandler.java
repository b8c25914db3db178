package dev.gazette.jobs;

import java.time.Duration;
import java.time.Instant;

/**
 * Runs the jobs of one kind; a feature registers one as a bean. Runs must be idempotent: a job whose node died
 * after the work and before the queue recorded it runs again.
 *
 * @param <P> the payload, a record written as JSON
 */
public interface JobHandler<P> {

	/** The kind this handler runs, such as {@code mail.send}. */
	String kind();

	Class<P> payloadType();

	/** Does the work of one job, on a worker thread, outside any transaction. */
	JobResult run(Job<P> job);

	BackOff backOff();

	/**
	 * How long a run may take: a claim older than this is taken to have died with its node. Five minutes unless the
	 * kind says otherwise.
	 */
	default Duration claimFor() {
		return Duration.ofMinutes(5);
	}

	/** How often each node looks for due jobs of this kind (retries, and jobs a restart or a dead node left). */
	Duration pollInterval();

	/** Whether a job enqueued in a transaction runs as soon as it commits, rather than at the next poll. */
	default boolean runsAfterCommit() {
		return true;
	}

	/**
	 * Told after a failed run, once the queue has recorded it, so a feature can keep its own record of attempts.
	 * @param nextAttempt when it runs again, or {@code null} when the job is now dead
	 */
	default void failed(Job<P> job, String error, Instant nextAttempt) {
	}
}
