package dev.gazette.jobs;

import java.time.Duration;
import java.util.Objects;

/**
 * What the queue needs to know about one kind of job, stated once by the feature that owns it: a handler returns its
 * kind, built with {@link #of} and, where the kind differs from the usual, {@link #claimedFor} or
 * {@link #atNextPoll}.
 *
 * @param name the kind's name in the {@code job} table, such as {@code mail.send}; what {@link Jobs#enqueue} takes
 * @param payloadType the payload, a record written as JSON
 * @param backOff when a failed run is tried again, and how many runs it gets
 * @param pollInterval how often each node looks for due jobs of this kind (retries, and jobs a restart or a dead
 * node left)
 * @param claimFor how long a run may take: a claim older than this is taken to have died with its node
 * @param runsAfterCommit whether a job enqueued in a transaction runs as soon as it commits, rather than at the next
 * poll
 */
public record JobKind<P>(String name, Class<P> payloadType, BackOff backOff, Duration pollInterval, Duration claimFor,
		boolean runsAfterCommit) {

	/** How long a claim lasts unless the kind says otherwise. */
	public static final Duration CLAIM = Duration.ofMinutes(5);

	public JobKind {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(payloadType, "payloadType");
		Objects.requireNonNull(backOff, "backOff");
		Objects.requireNonNull(pollInterval, "pollInterval");
		Objects.requireNonNull(claimFor, "claimFor");
	}

	/** A kind whose claims last {@link #CLAIM} and whose jobs run as soon as the transaction that added them commits. */
	public static <P> JobKind<P> of(String name, Class<P> payloadType, BackOff backOff, Duration pollInterval) {
		return new JobKind<>(name, payloadType, backOff, pollInterval, CLAIM, true);
	}

	/** The same kind with claims that last {@code claim}: longer than one run can take, so a live node keeps it. */
	public JobKind<P> claimedFor(Duration claim) {
		return new JobKind<>(name, payloadType, backOff, pollInterval, claim, runsAfterCommit);
	}

	/** The same kind, with its jobs left for the next poll after the commit that added them. */
	public JobKind<P> atNextPoll() {
		return new JobKind<>(name, payloadType, backOff, pollInterval, claimFor, false);
	}
}
