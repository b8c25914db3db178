package dev.gazette.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Gives every application the test suite starts its own, empty database, so tests never see each other's data and
 * never touch {@code ./data}.
 * <p>
 * By default that is an in-memory H2 database in PostgreSQL mode. With {@code GAZETTE_TEST_POSTGRES} set to a
 * server address such as {@code jdbc:postgresql://127.0.0.1:5432/} (user {@code postgres}, as {@code .ci/run}
 * does), a new database {@code gazette_test_<random>} is created on that server instead.
 */
public class FreshTestDatabase implements EnvironmentPostProcessor, Ordered {

	public static final String POSTGRES_ENV = "GAZETTE_TEST_POSTGRES";

	/** Set to {@code true} by a test that brings its own datasource (for example a file database it restarts). */
	public static final String KEEP_DATASOURCE = "gazette.test.keep-datasource";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String name = "gazette_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		// Files (the search index, media uploads) go to a folder of this context's own, not the developer's ./data,
		// unless the test names one: a second node on a test's database too, or it would keep an index of that
		// database in ./data, which the next ./mvnw spring-boot:run would take for its own.
		String dataDir = environment.getProperty("gazette.data-dir");
		if (dataDir == null || dataDir.equals("./data")) {
			environment.getPropertySources()
				.addFirst(new MapPropertySource("freshTestDataDir", Map.of("gazette.data-dir", "target/test-data/" + name)));
		}
		if (environment.getProperty(KEEP_DATASOURCE, Boolean.class, false)) {
			return;
		}
		String server = System.getenv(POSTGRES_ENV);
		String url;
		if (server != null && !server.isBlank()) {
			String base = server.endsWith("/") ? server : server + "/";
			createPostgresDatabase(base, name);
			url = base + name;
		}
		else {
			url = "jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
		}
		environment.getPropertySources()
			.addFirst(new MapPropertySource("freshTestDatabase", Map.of("spring.datasource.url", url,
					"spring.datasource.username", server != null && !server.isBlank() ? "postgres" : "sa",
					"spring.datasource.password", "",
					// The suite keeps up to 32 application contexts alive at once (Spring's context cache), and on
					// PostgreSQL each holds one connection for LISTEN. Pools of at most 5 that keep no idle
					// connection past 10 s (Hikari's shortest) keep them all within PostgreSQL's default 100: with
					// 1 kept idle for Hikari's default 10 minutes, a fast CI machine reached the limit and the next
					// context could not even create its database.
					"spring.datasource.hikari.maximum-pool-size", "5", "spring.datasource.hikari.minimum-idle", "0",
					"spring.datasource.hikari.idle-timeout", "10000")));
	}

	public static boolean onPostgres() {
		String server = System.getenv(POSTGRES_ENV);
		return server != null && !server.isBlank();
	}

	/**
	 * A new, empty database on one connection, outside any application: for a test that migrates it step by step.
	 * One connection throughout, because H2 checks a table's constraints with the session that created them.
	 */
	public static SingleConnectionDataSource single() {
		String name = "gazette_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		if (!onPostgres()) {
			return new SingleConnectionDataSource("jdbc:h2:mem:" + name
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "", true);
		}
		String server = System.getenv(POSTGRES_ENV);
		String base = server.endsWith("/") ? server : server + "/";
		createPostgresDatabase(base, name);
		return new SingleConnectionDataSource(base + name, "postgres", "", true);
	}

	private static void createPostgresDatabase(String server, String name) {
		try (Connection connection = DriverManager.getConnection(server + "postgres", "postgres", "");
				Statement statement = connection.createStatement()) {
			statement.execute("create database " + name + " encoding 'UTF8' template template0");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create the test database " + name + " on " + server, ex);
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}
}
