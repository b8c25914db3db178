package dev.gazette.live.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.ObjectMapper;

/**
 * This node's event streams and its reader of the live feed. One thread reads the feed's new rows when woken (by this
 * node's commits, or by PostgreSQL's {@code NOTIFY}) and at the poll interval, and passes each row to the streams
 * that want it; another sends the heartbeats.
 * <p>
 * Feed ids are handed out at insert but become visible at commit, so a smaller id can appear after a larger one. The
 * reader's position only moves over ids without a hole before them; rows past a hole are passed on at once and
 * remembered so they are not passed twice, and a hole older than {@code gazette.live.gap-wait} is taken for a
 * rolled-back transaction and passed.
 */
@Component
class LiveHub implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(LiveHub.class);

	private static final int BATCH = 1_000;

	private final LiveChanges changes;

	private final LiveProperties properties;

	private final ObjectMapper json;

	private final Set<LiveStream> streams = ConcurrentHashMap.newKeySet();

	private final AtomicInteger open = new AtomicInteger();

	private final Object signal = new Object();

	private boolean woken;

	private volatile boolean listening;

	private volatile boolean running;

	private Thread reader;

	private ScheduledExecutorService heartbeats;

	/** Every id up to here has been passed on (or given up as a hole). Only the reader thread uses these. */
	private long position;

	private final Set<Long> passedBeyond = new HashSet<>();

	private long holeSince;

	LiveHub(LiveChanges changes, LiveProperties properties, ObjectMapper json) {
		this.changes = changes;
		this.properties = properties;
		this.json = json;
	}

	/**
	 * A new stream, counted against {@code gazette.live.max-connections}; empty when the node holds as many as it
	 * may (or is stopping).
	 * @param articleSlug the article followed, or {@code null} for the moderation console
	 */
	Optional<LiveStream> open(String articleSlug) {
		if (!running || open.incrementAndGet() > properties.maxConnections()) {
			if (running) {
				open.decrementAndGet();
			}
			return Optional.empty();
		}
		SseEmitter emitter = new SseEmitter(properties.streamTimeout().toMillis());
		LiveStream stream = new LiveStream(emitter, articleSlug, this::closed);
		streams.add(stream);
		stream.send(SseEmitter.event().reconnectTime(properties.reconnect().toMillis()).comment("connected"));
		return Optional.of(stream);
	}

	/** Sends what a reconnecting browser missed; the stream is registered first, so nothing falls in between. */
	void replay(LiveStream stream, List<LiveChange> missed) {
		for (LiveChange change : missed) {
			stream.send(change, payload(change));
		}
	}

	int openStreams() {
		return open.get();
	}

	private void closed(LiveStream stream) {
		if (streams.remove(stream)) {
			open.decrementAndGet();
		}
	}

	/** Reads the feed now (after a commit here, or a notification from another node). */
	void wake() {
		synchronized (signal) {
			woken = true;
			signal.notifyAll();
		}
	}

	/** Whether PostgreSQL notifications arrive; while not, the feed is read every poll interval. */
	void listening(boolean listening) {
		this.listening = listening;
	}

	@Override
	public void start() {
		position = changes.last();
		running = true;
		reader = new Thread(this::readFeed, "live-feed");
		reader.setDaemon(true);
		reader.start();
		heartbeats = Executors.newSingleThreadScheduledExecutor(task -> {
			Thread thread = new Thread(task, "live-heartbeat");
			thread.setDaemon(true);
			return thread;
		});
		long every = properties.heartbeat().toMillis();
		heartbeats.scheduleAtFixedRate(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
	}

	/** Ends every stream first, before the web server's graceful shutdown waits for open requests. */
	@Override
	public void stop() {
		running = false;
		wake();
		heartbeats.shutdownNow();
		for (LiveStream stream : List.copyOf(streams)) {
			stream.end();
		}
		try {
			reader.join(5_000);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private void readFeed() {
		while (running) {
			awaitWake();
			if (!running) {
				return;
			}
			try {
				while (passNewRows() == BATCH) {
					// a burst: read on at once
				}
			}
			catch (RuntimeException failed) {
				log.warn("Could not read the live feed; trying again shortly: {}", failed.toString());
			}
		}
	}

	private void awaitWake() {
		long waitMillis = (listening ? properties.listenPollInterval() : properties.pollInterval()).toMillis();
		synchronized (signal) {
			if (!woken) {
				try {
					signal.wait(waitMillis);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					running = false;
				}
			}
			woken = false;
		}
	}

	/** Passes on the rows past the position; answers how many were read. */
	int passNewRows() {
		List<LiveChange> rows = changes.after(position, BATCH);
		long next = position + 1;
		Long firstPastHole = null;
		for (LiveChange row : rows) {
			if (passedBeyond.add(row.id()) && (row.isPublished() || row.isPending())) {
				pass(row);
			}
			if (firstPastHole == null && row.id() == next) {
				position = row.id();
				next++;
			}
			else if (firstPastHole == null) {
				firstPastHole = row.id();
			}
		}
		if (firstPastHole == null) {
			holeSince = 0;
		}
		else if (holeSince == 0) {
			holeSince = System.nanoTime();
		}
		else if (System.nanoTime() - holeSince > properties.gapWait().toNanos()) {
			position = firstPastHole - 1;
			holeSince = 0;
		}
		passedBeyond.removeIf(id -> id <= position);
		return rows.size();
	}

	private void pass(LiveChange change) {
		String payload = payload(change);
		for (LiveStream stream : streams) {
			if (stream.wants(change)) {
				stream.send(change, payload);
			}
		}
	}

	private String payload(LiveChange change) {
		return json.writeValueAsString(new LiveEvent(change.commentId(), change.parentId(), change.articleSlug()));
	}

	private void heartbeat() {
		for (LiveStream stream : streams) {
			// A builder is spent by one send: each stream gets its own.
			stream.send(SseEmitter.event().comment(""));
		}
	}

	/**
	 * An event's data: the comment, the one it replies to ({@code null} for a new thread) and the article's slug.
	 */
	record LiveEvent(long comment, Long parent, String article) {
	}
}
