package dev.gazette.background;

import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * On the embedded H2 database, the migrations run on a connection of their own that stays open until Gazette stops.
 * <p>
 * H2 (2.4) binds a table's {@code check} constraints to the session that created them: once that session closes,
 * every insert into the table fails with "Check constraint invalid" until the database is opened again. The
 * migrations used to run on a pooled connection, which the pool retires after 30 minutes, so on a site's first run
 * (and in any test context that lived that long) articles, comments and accounts could no longer be stored. A later
 * start is not affected (the constraints are read from the file by H2's own session), and PostgreSQL never is.
 */
@Component
class EmbeddedMigrationSession implements FlywayConfigurationCustomizer, DisposableBean {

	private SingleConnectionDataSource session;

	@Override
	public void customize(FluentConfiguration configuration) {
		DataSource dataSource = configuration.getDataSource();
		try {
			if (dataSource == null || !dataSource.isWrapperFor(HikariDataSource.class)) {
				return;
			}
			HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
			if (pool.getJdbcUrl() == null || !pool.getJdbcUrl().startsWith("jdbc:h2:")) {
				return;
			}
			this.session = new SingleConnectionDataSource(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword(), true);
			configuration.dataSource(this.session);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not prepare the embedded database's migrations", ex);
		}
	}

	@Override
	public void destroy() {
		if (this.session != null) {
			this.session.destroy();
		}
	}
}
