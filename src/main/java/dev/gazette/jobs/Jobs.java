package dev.gazette.jobs;

import java.time.Clock;
import java.time.Instant;

import dev.gazette.jobs.internal.JobTable;
import dev.gazette.jobs.internal.JobWorker;

import tools.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The job queue: the one door into this module for the features that have work done later. */
@Service
public class Jobs {

	private final JobTable table;

	private final JobWorker worker;

	private final ObjectMapper json;

	private final Clock clock;

	Jobs(JobTable table, JobWorker worker, ObjectMapper json, Clock clock) {
		this.table = table;
		this.worker = worker;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Adds a job in the caller's transaction, so it runs only if that commits; when it does, a worker of this node
	 * looks for it at once (if its handler wants that), else at the next poll.
	 * @param key what the job is about; a job of the same kind and key is added once
	 * @return whether the job is new
	 */
	@Transactional
	public boolean enqueue(String kind, String key, Object payload, Instant dueAt) {
		boolean added = table.add(kind, key, json.writeValueAsString(payload), dueAt, clock.instant());
		if (!added || !worker.runsAfterCommit(kind) || dueAt.isAfter(clock.instant())) {
			return added;
		}
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			// Called without a transaction (the overload below, from outside): the row is committed already.
			worker.wake(kind);
			return added;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				worker.wake(kind);
			}
		});
		return added;
	}

	/** Adds a job that is due now. */
	public boolean enqueue(String kind, String key, Object payload) {
		return enqueue(kind, key, payload, clock.instant());
	}

	/**
	 * Runs the due jobs of one kind on the calling thread, as the worker would: for tests and for a feature's "now".
	 * @return how many runs it made
	 */
	public int runDue(String kind) {
		return worker.runDue(kind);
	}
}
