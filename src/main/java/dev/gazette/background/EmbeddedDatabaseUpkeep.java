package dev.gazette.background;

import java.io.File;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.h2.Driver;
import org.h2.engine.Session;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Keeps the embedded H2 file from growing with every write. With {@code WRITE_DELAY=0} (every commit on disk before
 * it is acknowledged) H2 writes each commit as a new chunk and runs no background thread, so nothing ever rewrites the
 * live pages out of old, mostly dead chunks: the file grew by about 85 KB per comment, 8 % of it in use. Every
 * {@code gazette.background.compact-interval} this does what H2's own background housekeeping would:
 * <ul>
 * <li>rewrites the live pages of the sparsest chunks into new ones, so the old chunks die and their space is reused:
 * {@link #WRITE_LIMIT} bytes at a time, again and again while less than {@link #TARGET_FILL_RATE}% of the chunks' bytes
 * are live, for up to half the interval, letting commits through between rounds. Each round holds the store's lock:
 * H2's own {@link MVStore#compact} only tries the lock for 10 ms, and under a steady stream of commits (each takes it)
 * it nearly never got it, so the file grew by ~57 KB per comment while running. One round per interval was not
 * enough either: posting 100 comments a second writes more than 8 MB every 2 s, and the file reached 5.2 GB (52 KB
 * per comment) at 100,000 comments;</li>
 * <li>frees the chunks that died more than {@code RETENTION_TIME} ago, which H2 otherwise does only on its next
 * commit (an idle site kept them);</li>
 * <li>and, once less than {@link #SHRINK_FILL_RATE}% of the file is in use, moves chunks from its end into the free
 * space and cuts the file ({@link #MOVE_LIMIT} bytes a time, again while the file gets shorter, within the same
 * half interval), so a burst's high-water mark does not stay.</li>
 * </ul>
 * <p>
 * What stays spread out while running is given back at the end: when the JVM shuts down (SIGTERM), after the
 * application context has closed (requests finished, the
 * {@link ShutdownDrain} done, the connection pool closed), the file is opened once more and closed with
 * {@code SHUTDOWN COMPACT}, which writes the live pages into a fresh file and replaces the old one. Only a real JVM
 * shutdown does this (Spring Boot's shutdown handlers), never a context that is merely closed; with
 * {@code gazette.background.compact-at-shutdown=false} it is left out. With PostgreSQL, or an in-memory database,
 * none of this happens.
 */
@Component
class EmbeddedDatabaseUpkeep implements SchedulingConfigurer {

	/** Chunks are rewritten while less than this share of the file's chunks is live (H2's own default). */
	static final int TARGET_FILL_RATE = 90;

	/**
	 * Bytes rewritten a round. Small, because every commit waits for the round under way (the store's lock is fair):
	 * with 8 MB a round took ~360 ms and stalled the comment writer for that long, many times a second under load.
	 */
	static final int WRITE_LIMIT = 1024 * 1024;

	/** The file is shrunk (chunks moved into its free space, the end cut) while less than this share is in use. */
	static final int SHRINK_FILL_RATE = 70;

	/** Bytes moved a round when shrinking; small for the same reason. */
	static final int MOVE_LIMIT = 2 * 1024 * 1024;

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseUpkeep.class);

	private final DataSource dataSource;

	private final BackgroundProperties properties;

	EmbeddedDatabaseUpkeep(DataSource dataSource, BackgroundProperties properties) {
		this.dataSource = dataSource;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::compactQuietly, properties.compactInterval());
	}

	private void compactQuietly() {
		try {
			compact();
		}
		catch (SQLException | RuntimeException ex) {
			log.warn("Compacting the embedded database failed; it is tried again within {}", properties.compactInterval(),
					ex);
		}
	}

	/** Once started on a file database, asks for a full compaction after the context has closed at JVM shutdown. */
	@EventListener(ApplicationStartedEvent.class)
	void compactFullyAtShutdown() throws SQLException {
		if (!properties.compactAtShutdown() || !dataSource.isWrapperFor(HikariDataSource.class)) {
			return;
		}
		File file = embeddedFile();
		if (file == null) {
			return;
		}
		HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
		String url = pool.getJdbcUrl().contains("IFEXISTS=") ? pool.getJdbcUrl() : pool.getJdbcUrl() + ";IFEXISTS=TRUE";
		Properties credentials = new Properties();
		credentials.setProperty("user", pool.getUsername() == null ? "" : pool.getUsername());
		credentials.setProperty("password", pool.getPassword() == null ? "" : pool.getPassword());
		SpringApplication.getShutdownHandlers().add(() -> compactFully(url, credentials, file));
	}

	/**
	 * Runs after every context has closed: the pool's connections are gone and H2 has closed the file, so this opens
	 * it alone ({@code IFEXISTS}: never a new, empty one) and closes it fully compacted.
	 */
	private static void compactFully(String url, Properties credentials, File file) {
		long before = file.length();
		long start = System.nanoTime();
		try (Connection connection = Driver.load().connect(url, credentials);
				Statement statement = connection.createStatement()) {
			statement.execute("SHUTDOWN COMPACT");
		}
		catch (SQLException | RuntimeException ex) {
			log.warn("Compacting the embedded database at shutdown failed; the file is as it was", ex);
			return;
		}
		log.info("Compacted the embedded database at shutdown from {} KB to {} KB in {} ms", before / 1024,
				file.length() / 1024, (System.nanoTime() - start) / 1_000_000);
	}

	/** The embedded H2 database's file, or {@code null} when the database is elsewhere or in memory. */
	private File embeddedFile() throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			MVStore store = store(connection);
			return store == null ? null : new File(store.getFileStore().getFileName());
		}
	}

	/** The MVStore of an embedded H2 file database behind this connection, or {@code null}. */
	private static MVStore store(Connection connection) throws SQLException {
		if (!connection.isWrapperFor(JdbcConnection.class)) {
			return null;
		}
		Session session = connection.unwrap(JdbcConnection.class).getSession();
		if (!(session instanceof SessionLocal local) || !local.getDatabase().isPersistent()) {
			return null;
		}
		return local.getDatabase().getStore().getMvStore();
	}

	/**
	 * Rewrites the sparsest chunks of the embedded database file, if there is one, frees the dead ones and shrinks the
	 * file when most of it is free.
	 * @return whether anything was rewritten
	 */
	boolean compact() throws SQLException {
		MVStore store;
		try (Connection connection = dataSource.getConnection()) {
			store = store(connection);
		}
		if (store == null || store.isClosed()) {
			return false;
		}
		FileStore<?> file = store.getFileStore();
		long deadline = System.nanoTime() + properties.compactInterval().toNanos() / 2;
		boolean anything = false;
		boolean[] rewritten = new boolean[1];
		do {
			// Under the store's lock (re-entrant): H2's compact finds it held by this thread instead of giving up after
			// 10 ms. Released between rounds, so that no commit waits for more than one round.
			store.executeFilestoreOperation(() -> {
				rewritten[0] = store.compact(TARGET_FILL_RATE, WRITE_LIMIT);
				file.dropUnusedChunks();
			});
			anything |= rewritten[0];
		}
		while (rewritten[0] && !store.isClosed() && file.getChunksFillRate() < TARGET_FILL_RATE
				&& System.nanoTime() < deadline);
		if (file instanceof RandomAccessStore randomAccess) {
			long size = -1;
			// Each move cuts the file by up to MOVE_LIMIT; again while it helps and time is left.
			while (!store.isClosed() && store.getFillRate() < SHRINK_FILL_RATE && file.size() != size
					&& System.nanoTime() < deadline) {
				size = file.size();
				randomAccess.compactMoveChunks(SHRINK_FILL_RATE, MOVE_LIMIT, store);
			}
		}
		return anything;
	}
}
