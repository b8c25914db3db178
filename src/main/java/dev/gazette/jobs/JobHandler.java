package dev.gazette.jobs;

import java.time.Instant;

/**
 * Runs the jobs of one kind; a feature registers one as a bean. What the queue needs to know about the kind (its
 * name, payload, back-off, poll interval, claim) is one {@link JobKind}; the handler adds only the work. Runs must be
 * idempotent: a job whose node died after the work and before the queue recorded it runs again.
 *
 * @param <P> the payload, a record written as JSON
 */
public interface JobHandler<P> {

	/** The kind this handler runs; the same value at every call. */
	JobKind<P> kind();

	/** Does the work of one job, on a worker thread, outside any transaction. */
	JobResult run(Job<P> job);

	/**
	 * Told after a failed run, once the queue has recorded it, so a feature can keep its own record of attempts.
	 * @param nextAttempt when it runs again, or {@code null} when the job is now dead
	 */
	default void failed(Job<P> job, String error, Instant nextAttempt) {
	}
}
