package dev.gazette.background;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

import org.springframework.stereotype.Component;

/**
 * Migration 29, on the embedded H2 database only: the identity columns of the tables a comment post writes keep 1,000
 * values in memory instead of H2's 32.
 * <p>
 * Each time a sequence's cache runs out, H2 stores the sequence in its catalogue and commits that on a session of
 * its own, a write of the database file beside the post's own commit. A post takes four identities (the comment, its
 * audit entry, its search and live feed rows), so with 32 one post in eight paid for such a commit (4 % of a post's
 * CPU in a profile). A stop keeps the current value; a killed process skips at most the unused rest of a cache, a gap
 * in the ids, which ids already have after a rolled-back insert.
 * <p>
 * PostgreSQL is left as it is: there a sequence's cache belongs to each connection, so ids taken on different
 * connections would no longer follow the order of the inserts, which the feeds read by.
 */
@Component
class EmbeddedIdentityCache implements JavaMigration {

	static final int CACHE = 1000;

	/**
	 * The tables every comment post (and reply notification) inserted into at migration 29. Constants, never input.
	 * Migration 32 ({@code changes.ChangeLogMigration}) replaced the two feeds with {@code change_log} and gives it
	 * the same cache.
	 */
	static final List<String> TABLES = List.of("comment", "moderation_audit", "search_change", "live_change", "job");

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
			return;
		}
		try (Statement statement = connection.createStatement()) {
			for (String table : TABLES) {
				statement.execute("alter table " + table + " alter column id set cache " + CACHE);
			}
		}
	}

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("29");
	}

	@Override
	public String getDescription() {
		return "embedded identity cache";
	}

	@Override
	public Integer getChecksum() {
		return null;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}
}
