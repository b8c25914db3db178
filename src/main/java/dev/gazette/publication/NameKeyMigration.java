package dev.gazette.publication;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Fills the {@code name_key} column (migration 19) of a table of named people from its {@code display_name}: the key
 * is computed in Java ({@link NameLikeness}), so SQL cannot fill it. Each module that owns such a table declares a
 * subclass as a component, with its own version; Spring Boot hands JavaMigration beans to Flyway, which runs each once, in
 * version order, like the SQL migrations.
 */
public class NameKeyMigration implements JavaMigration {

	private final MigrationVersion version;

	private final String table;

	/** {@code table} is a constant of the declaring module, never user input. */
	protected NameKeyMigration(String version, String table) {
		this.version = MigrationVersion.fromVersion(version);
		this.table = table;
	}

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		Map<Long, String> names = new LinkedHashMap<>();
		try (Statement select = connection.createStatement();
				ResultSet rows = select.executeQuery("select id, display_name from " + table + " where name_key is null")) {
			while (rows.next()) {
				names.put(rows.getLong(1), rows.getString(2));
			}
		}
		try (PreparedStatement update = connection.prepareStatement("update " + table + " set name_key = ? where id = ?")) {
			for (Map.Entry<Long, String> row : names.entrySet()) {
				update.setString(1, NameLikeness.key(row.getValue()));
				update.setLong(2, row.getKey());
				update.addBatch();
			}
			update.executeBatch();
		}
	}

	@Override
	public MigrationVersion getVersion() {
		return version;
	}

	@Override
	public String getDescription() {
		return table + " name keys";
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
