package dev.gazette.background;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.h2.engine.Session;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Keeps the embedded H2 file from growing with every write. With {@code WRITE_DELAY=0} (every commit on disk before
 * it is acknowledged) H2 writes each commit as a new chunk and runs no background thread, so nothing ever rewrites the
 * live pages out of old, mostly dead chunks: the file grew by about 85 KB per comment, 8 % of it in use. Every
 * {@code gazette.background.compact-interval} this rewrites the sparsest chunks (up to {@link #WRITE_LIMIT} bytes),
 * as H2's own background housekeeping would, so their space is reused. With PostgreSQL, or an in-memory database,
 * it does nothing.
 */
@Component
class EmbeddedDatabaseUpkeep implements SchedulingConfigurer {

	/** Chunks are rewritten while less than this share of the file's chunks is live (H2's own default). */
	static final int TARGET_FILL_RATE = 90;

	static final int WRITE_LIMIT = 8 * 1024 * 1024;

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

	/**
	 * Rewrites the sparsest chunks of the embedded database file, if there is one.
	 * @return whether anything was rewritten
	 */
	boolean compact() throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			if (!connection.isWrapperFor(JdbcConnection.class)) {
				return false;
			}
			Session session = connection.unwrap(JdbcConnection.class).getSession();
			if (!(session instanceof SessionLocal local) || !local.getDatabase().isPersistent()) {
				return false;
			}
			MVStore store = local.getDatabase().getStore().getMvStore();
			return store.compact(TARGET_FILL_RATE, WRITE_LIMIT);
		}
	}
}
