package dev.gazette.jobs.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.gazette.jobs.Job;
import dev.gazette.jobs.JobHandler;
import dev.gazette.jobs.JobResult;
import dev.gazette.jobs.JobResult.Failed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.stereotype.Component;

/**
 * Runs due jobs on this node: a small pool of its own threads, woken after a commit that enqueued a job and, per
 * kind, every poll interval of its handler. A kind is looked at by at most one thread of this node at a time.
 * <p>
 * Stops before the database closes, in the phase of {@code background.ShutdownDrain}: no new look starts, the jobs
 * under way get {@code gazette.jobs.drain-timeout}. Stopping without closing (the test framework pauses contexts)
 * and starting again gives the worker a new pool.
 */
@Component
public class JobWorker implements SmartLifecycle, SchedulingConfigurer {

	static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private static final int BATCH = 50;

	private static final Logger log = LoggerFactory.getLogger(JobWorker.class);

	private final JobTable table;

	private final ObjectProvider<JobHandler<?>> handlerBeans;

	private final ObjectMapper json;

	private final Clock clock;

	private final JobProperties properties;

	/** This node, as claims name it: a restarted node is a new one, so it cannot finish its old self's runs. */
	private final String node = hostName() + "/" + UUID.randomUUID().toString().substring(0, 8);

	private final Map<String, AtomicBoolean> requested = new ConcurrentHashMap<>();

	/** Kinds this node's threads have looked at since it started (the first poll of each runs at start). */
	private final Set<String> looked = ConcurrentHashMap.newKeySet();

	private volatile Map<String, JobHandler<?>> handlers;

	private volatile ThreadPoolExecutor pool;

	JobWorker(JobTable table, ObjectProvider<JobHandler<?>> handlerBeans, ObjectMapper json, Clock clock,
			JobProperties properties) {
		this.table = table;
		this.handlerBeans = handlerBeans;
		this.json = json;
		this.clock = clock;
		this.properties = properties;
	}

	/** Handlers are looked up late: features that enqueue jobs are often handlers too. */
	Map<String, JobHandler<?>> handlers() {
		if (handlers == null) {
			Map<String, JobHandler<?>> byKind = new LinkedHashMap<>();
			handlerBeans.orderedStream().forEach(handler -> {
				String kind = handler.kind().name();
				if (byKind.putIfAbsent(kind, handler) != null) {
					throw new IllegalStateException("Two handlers for jobs of kind " + kind);
				}
			});
			handlers = Map.copyOf(byKind);
		}
		return handlers;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		handlers().values()
			.stream()
			.map(JobHandler::kind)
			.forEach(kind -> registrar.addFixedDelayTask(() -> wake(kind.name()), kind.pollInterval()));
		registrar.addFixedDelayTask(this::purgeQuietly, Duration.ofHours(1));
	}

	/** Asks a worker thread to run the due jobs of a kind; requests made while one waits to run are one. */
	public void wake(String kind) {
		ThreadPoolExecutor current = pool;
		AtomicBoolean flag = requested.computeIfAbsent(kind, k -> new AtomicBoolean());
		if (current == null || !handlers().containsKey(kind) || !flag.compareAndSet(false, true)) {
			return;
		}
		try {
			current.execute(() -> {
				flag.set(false);
				runDueQuietly(kind);
			});
		}
		catch (RejectedExecutionException ex) {
			// Shutting down: the job stays due, and the next start (or another node) runs it.
			flag.set(false);
		}
	}

	public boolean runsAfterCommit(String kind) {
		JobHandler<?> handler = handlers().get(kind);
		return handler != null && handler.kind().runsAfterCommit();
	}

	private void runDueQuietly(String kind) {
		try {
			runDue(kind);
		}
		catch (RuntimeException ex) {
			// The database is unreachable, say. Nothing is lost: the rows stay due and the poller comes back.
			log.warn("Running {} jobs stopped early; they resume at the next poll", kind, ex);
		}
		finally {
			looked.add(kind);
		}
	}

	/**
	 * Whether this node's threads have looked at the kind at least once and none is busy now: a test that runs jobs
	 * itself waits for this, so the poll made at start does not claim its job while it counts runs.
	 */
	boolean settled(String kind) {
		ThreadPoolExecutor current = pool;
		return looked.contains(kind) && (current == null || current.getActiveCount() == 0 && current.getQueue().isEmpty());
	}

	/**
	 * Runs every due job of the kind that this node can claim, on the calling thread.
	 * @return how many runs it made
	 */
	public int runDue(String kind) {
		JobHandler<?> handler = handlers().get(kind);
		if (handler == null) {
			return 0;
		}
		int runs = 0;
		List<Long> due;
		do {
			Instant now = clock.instant();
			due = table.due(List.of(kind), now, BATCH);
			for (long id : due) {
				if (stopping()) {
					return runs;
				}
				if (table.claim(id, node, now, now.plus(handler.kind().claimFor()))) {
					run(id, handler);
					runs++;
				}
			}
		}
		while (due.size() == BATCH && !stopping());
		return runs;
	}

	/** A shutdown has begun: the run under way ends after its current job (a direct call has no pool to stop). */
	private boolean stopping() {
		ThreadPoolExecutor current = pool;
		return current != null && current.isShutdown();
	}

	private <P> void run(long id, JobHandler<P> handler) {
		JobTable.Row row = table.find(id).orElseThrow();
		P payload;
		try {
			payload = json.readValue(row.payload(), handler.kind().payloadType());
		}
		catch (JacksonException ex) {
			record(handler, new Job<>(id, row.kind(), row.key(), null, row.attempts()),
					JobResult.giveUp("Unreadable payload: " + ex.getOriginalMessage()));
			return;
		}
		Job<P> job = new Job<>(id, row.kind(), row.key(), payload, row.attempts());
		JobResult result;
		try {
			result = handler.run(job);
		}
		catch (RuntimeException ex) {
			// Recorded on the job, not swallowed: it is retried after the back-off and shown if it dies.
			log.warn("Job {} ({} {}) threw on attempt {}", id, row.kind(), row.key(), job.attempt(), ex);
			result = JobResult.retry(ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage()));
		}
		record(handler, job, result);
	}

	private <P> void record(JobHandler<P> handler, Job<P> job, JobResult result) {
		Instant now = clock.instant();
		if (result instanceof Failed failed) {
			Instant next = failed.permanent() ? null : handler.kind().backOff().next(job.attempt(), now).orElse(null);
			if (table.fail(job.id(), node, job.attempt(), failed.error(), next, now)) {
				handler.failed(job, failed.error(), next);
			}
			log.info("Job {} ({} {}) failed, attempt {}: {}; {}", job.id(), job.kind(), job.key(), job.attempt(),
					failed.error(), next == null ? "it is dead" : "next attempt at " + next);
		}
		else {
			table.finish(job.id(), node, job.attempt(), now);
		}
	}

	private void purgeQuietly() {
		try {
			table.purgeDone(clock.instant().minus(properties.keepDone()));
		}
		catch (RuntimeException ex) {
			log.warn("Deleting finished jobs failed; it is tried again within the hour", ex);
		}
	}

	@Override
	public void start() {
		AtomicInteger count = new AtomicInteger();
		ThreadPoolExecutor threads = new ThreadPoolExecutor(properties.threads(), properties.threads(), 0,
				TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), task -> {
					Thread thread = new Thread(task, "gazette-jobs-" + count.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
		requested.clear();
		pool = threads;
	}

	@Override
	public void stop() {
		ThreadPoolExecutor threads = pool;
		if (threads == null) {
			return;
		}
		// Looks not yet begun are dropped: what they would have run stays due.
		threads.getQueue().clear();
		threads.shutdown();
		try {
			if (!threads.awaitTermination(properties.drainTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
				log.info("Shutting down with jobs still running after {}; their claims lapse and they are retried",
						properties.drainTimeout());
				threads.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		pool = null;
	}

	@Override
	public boolean isRunning() {
		return pool != null;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	String node() {
		return node;
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "unknown-host";
		}
	}
}
