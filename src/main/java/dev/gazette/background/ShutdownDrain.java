package dev.gazette.background;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * At shutdown, after the web server has finished the requests in flight and before anything closes the database:
 * lets the event listeners work through their queue for up to {@code gazette.background.drain-timeout}. (The job
 * queue's worker, which runs mail, webhooks, notifications and digests, stops in this same phase and lets the jobs
 * under way finish for up to {@code gazette.jobs.drain-timeout}; a job cut off is retried when its claim lapses. The
 * periodic checks, announcements, newsletter issues and retries, are stopped by Spring's scheduler, which lets a run
 * under way finish.) What is
 * still queued then is dropped, not run against a closing database: its publications stay in the registry and are
 * retried (by this node after its restart, or by another node). Listener runs already under way are waited for.
 * <p>
 * Spring stops lifecycle beans from the highest phase down: the web server's graceful shutdown and its stop come
 * before this phase; the connection pool closes after every lifecycle bean has stopped.
 * <p>
 * Only a close drains. A context can also be stopped and started again without closing (the test framework pauses
 * the contexts it keeps while another runs): then the executor is left as it is, or the restarted context would
 * have no one to run its listeners.
 */
@Component
class ShutdownDrain implements SmartLifecycle, ApplicationListener<ContextClosedEvent> {

	/** Below the web server's phases (graceful shutdown at DEFAULT_PHASE - 1024, stop at DEFAULT_PHASE - 2048). */
	static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	/** How long listener runs under way at the end of the drain get to finish. */
	private static final Duration RUNNING_GRACE = Duration.ofSeconds(10);

	private static final Logger log = LoggerFactory.getLogger(ShutdownDrain.class);

	private final ObjectProvider<Executor> listenerExecutor;

	private final BackgroundProperties properties;

	private volatile boolean running;

	/** Set when this context starts to close (before its lifecycle beans stop), not when it is merely stopped. */
	private volatile boolean closing;

	private final ApplicationContext context;

	ShutdownDrain(@Qualifier("applicationTaskExecutor") ObjectProvider<Executor> listenerExecutor,
			BackgroundProperties properties, ApplicationContext context) {
		this.listenerExecutor = listenerExecutor;
		this.properties = properties;
		this.context = context;
	}

	@Override
	public void onApplicationEvent(ContextClosedEvent event) {
		if (event.getApplicationContext() == context) {
			closing = true;
		}
	}

	@Override
	public void start() {
		running = true;
	}

	@Override
	public void stop() {
		if (!closing) {
			running = false;
			return;
		}
		long deadline = System.nanoTime() + properties.drainTimeout().toNanos();
		if (listenerExecutor.getIfAvailable() instanceof ThreadPoolTaskExecutor listeners) {
			drain(listeners.getThreadPoolExecutor(), deadline);
		}
		running = false;
	}

	private void drain(ThreadPoolExecutor listeners, long deadline) {
		while ((!listeners.getQueue().isEmpty() || listeners.getActiveCount() > 0) && remaining(deadline).toNanos() > 0) {
			sleepQuietly(50);
		}
		List<Runnable> left = new ArrayList<>();
		listeners.getQueue().drainTo(left);
		listeners.shutdown();
		boolean finished = awaitQuietly(listeners, RUNNING_GRACE);
		if (!left.isEmpty() || !finished) {
			log.info("Shutting down with {} queued event listener runs left to the retries{}", left.size(),
					finished ? "" : " and some still running after " + RUNNING_GRACE.toSeconds() + " s");
		}
	}

	private static Duration remaining(long deadline) {
		return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
	}

	private static boolean awaitQuietly(ExecutorService pool, Duration wait) {
		try {
			return pool.awaitTermination(wait.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static void sleepQuietly(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}
}
