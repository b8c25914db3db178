package dev.gazette.background;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Runs event listeners again, while the node runs, when they have not finished: one that threw (the database or a
 * service was away), one cut off by a shutdown, or one a dead node had taken. Every
 * {@code gazette.background.retry-interval} it resubmits the publications still in the registry that are older than
 * {@code first-retry}, each at most once per back-off period (first-retry, doubling, at most {@code max-retry}), and
 * at most {@link #BATCH} per look.
 * <p>
 * A node whose listener queue is not empty skips its turn: the old publications it would find are most likely still
 * queued here, behind a burst. Another node may still retry one of them; listeners are idempotent for that reason.
 * The back-off is kept in memory: a restarted node starts its count again, which costs at most one early retry.
 */
@Component
class EventRetries implements SchedulingConfigurer {

	static final int BATCH = 200;

	private static final Logger log = LoggerFactory.getLogger(EventRetries.class);

	private final IncompleteEventPublications incomplete;

	private final ObjectProvider<Executor> listenerExecutor;

	private final BackgroundProperties properties;

	private final Clock clock;

	private final Map<UUID, Retry> retries = new ConcurrentHashMap<>();

	EventRetries(IncompleteEventPublications incomplete,
			@Qualifier("applicationTaskExecutor") ObjectProvider<Executor> listenerExecutor,
			BackgroundProperties properties, Clock clock) {
		this.incomplete = incomplete;
		this.listenerExecutor = listenerExecutor;
		this.properties = properties;
		this.clock = clock;
	}

	/** How often one publication has been retried here, and when it may be next. */
	private record Retry(int count, Instant next) {
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::retryQuietly, properties.retryInterval());
	}

	private void retryQuietly() {
		try {
			retryDue();
		}
		catch (RuntimeException ex) {
			// The database is unreachable, say: the publications stay where they are and the next look finds them.
			log.warn("Retrying event listeners stopped early; it resumes within {}", properties.retryInterval(), ex);
		}
	}

	/**
	 * Resubmits the unfinished listener runs that are due, unless this node's listeners are still busy.
	 * @return how many were resubmitted
	 */
	int retryDue() {
		if (listenersBusy()) {
			return 0;
		}
		Instant now = clock.instant();
		Instant oldEnough = now.minus(properties.firstRetry());
		Set<UUID> seen = new HashSet<>();
		int[] taken = { 0 };
		incomplete.resubmitIncompletePublications(publication -> {
			seen.add(publication.getIdentifier());
			if (taken[0] >= BATCH || !due(publication, oldEnough, now)) {
				return false;
			}
			Retry before = retries.get(publication.getIdentifier());
			int count = before == null ? 1 : before.count() + 1;
			retries.put(publication.getIdentifier(), new Retry(count, now.plus(properties.backOff(count))));
			taken[0]++;
			return true;
		});
		// What is no longer in the registry has finished.
		retries.keySet().retainAll(seen);
		if (taken[0] > 0) {
			log.info("Retried {} unfinished event listener runs ({} unfinished in all)", taken[0], seen.size());
		}
		return taken[0];
	}

	private boolean due(EventPublication publication, Instant oldEnough, Instant now) {
		if (!publication.getPublicationDate().isBefore(oldEnough)) {
			return false;
		}
		Retry retry = retries.get(publication.getIdentifier());
		return retry == null || !retry.next().isAfter(now);
	}

	private boolean listenersBusy() {
		return listenerExecutor.getIfAvailable() instanceof ThreadPoolTaskExecutor pool && pool.getQueueSize() > 0;
	}
}
