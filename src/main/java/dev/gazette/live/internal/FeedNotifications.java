package dev.gazette.live.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, one connection per node {@code LISTEN}s on the feed's channel and wakes the hub on every
 * notification, so a comment published on another node reaches this node's readers at once. While the connection is
 * down the hub reads the feed every {@code gazette.live.poll-interval} instead, and after every (re)connection it reads
 * it at once: notifications sent while nobody listened are not needed, since the feed has the rows. The connection is
 * taken from the pool and given back every few minutes, so it never outlives the pool's maximum lifetime by much.
 * Nothing runs on the embedded database.
 */
@Component
class FeedNotifications implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(FeedNotifications.class);

	private static final long HOLD_NANOS = TimeUnit.MINUTES.toNanos(5);

	private static final int WAIT_MILLIS = 1_000;

	private final DataSource dataSource;

	private final LiveChanges changes;

	private final LiveHub hub;

	private volatile boolean running;

	private Thread listener;

	FeedNotifications(DataSource dataSource, LiveChanges changes, LiveHub hub) {
		this.dataSource = dataSource;
		this.changes = changes;
		this.hub = hub;
	}

	@Override
	public void start() {
		running = true;
		if (changes.postgres()) {
			listener = new Thread(this::listen, "live-listen");
			listener.setDaemon(true);
			listener.start();
		}
	}

	@Override
	public void stop() {
		running = false;
		hub.listening(false);
		if (listener != null) {
			try {
				listener.join(WAIT_MILLIS * 3L);
			}
			catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Stops after the hub (a lower phase stops later), so the hub never polls for want of it while streams run. */
	@Override
	public int getPhase() {
		return DEFAULT_PHASE - 1;
	}

	private void listen() {
		while (running) {
			try {
				listenOnce();
			}
			catch (SQLException | RuntimeException lost) {
				hub.listening(false);
				log.warn("Lost the live feed's notifications; reading it every poll interval until back: {}",
						lost.toString());
				pause();
			}
		}
	}

	private void listenOnce() throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(true);
			try (Statement statement = connection.createStatement()) {
				statement.execute("listen " + LiveChanges.CHANNEL);
			}
			PGConnection postgres = connection.unwrap(PGConnection.class);
			hub.listening(true);
			hub.wake();
			long since = System.nanoTime();
			while (running && System.nanoTime() - since < HOLD_NANOS) {
				PGNotification[] notifications = postgres.getNotifications(WAIT_MILLIS);
				if (notifications != null && notifications.length > 0) {
					hub.wake();
				}
			}
			try (Statement statement = connection.createStatement()) {
				statement.execute("unlisten " + LiveChanges.CHANNEL);
			}
		}
	}

	private void pause() {
		try {
			Thread.sleep(2_000);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			running = false;
		}
	}
}
