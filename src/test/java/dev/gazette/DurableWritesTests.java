package dev.gazette;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.gazette.support.FreshTestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The embedded database keeps what it acknowledged: a process that commits and then dies on the spot (no shutdown
 * hook, no clean close, as in a power cut of the JVM) leaves the row on disk. Uses the database address exactly as
 * {@code application.properties} configures it, with a temporary data directory.
 */
class DurableWritesTests {

	@TempDir
	Path dataDir;

	@Test
	void aCommittedWriteSurvivesTheProcessBeingKilledRightAfterwards() throws Exception {
		assumeFalse(FreshTestDatabase.onPostgres(), "The embedded H2 file database is what is under test here");
		String url = applicationDatabaseUrl(dataDir);
		String token = UUID.randomUUID().toString();

		Process writer = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), CommitThenDie.class.getName(), url, token)
			.redirectErrorStream(true)
			.start();
		String output = new String(writer.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(writer.waitFor(60, TimeUnit.SECONDS)).as("the writer finished").isTrue();

		assertThat(output).as("what the writer printed").contains("committed " + token);
		assertThat(writer.exitValue()).isEqualTo(CommitThenDie.HALTED);
		try (Connection connection = DriverManager.getConnection(url, "sa", "");
				PreparedStatement query = connection.prepareStatement("select count(*) from durable_write where token = ?")) {
			query.setString(1, token);
			try (ResultSet rows = query.executeQuery()) {
				rows.next();
				assertThat(rows.getInt(1)).as("rows found after the crash").isEqualTo(1);
			}
		}
	}

	/** {@code spring.datasource.url} from the application's own settings, pointed at {@code dataDir}. */
	private static String applicationDatabaseUrl(Path dataDir) throws IOException {
		Properties settings = new Properties();
		try (InputStream in = DurableWritesTests.class.getResourceAsStream("/application.properties")) {
			settings.load(in);
		}
		String url = settings.getProperty("spring.datasource.url");
		assertThat(url).startsWith("jdbc:h2:file:${gazette.data-dir}/");
		return url.replace("${gazette.data-dir}", dataDir.toAbsolutePath().toString().replace('\\', '/'));
	}

	/** Runs in its own JVM: commits one row, says so, and halts without closing anything. */
	public static final class CommitThenDie {

		static final int HALTED = 42;

		public static void main(String[] args) throws SQLException {
			String url = args[0];
			String token = args[1];
			Connection connection = DriverManager.getConnection(url, "sa", "");
			try (Statement statement = connection.createStatement()) {
				statement.execute("create table durable_write (token varchar(64) not null)");
			}
			connection.setAutoCommit(false);
			try (PreparedStatement insert = connection.prepareStatement("insert into durable_write (token) values (?)")) {
				insert.setString(1, token);
				insert.executeUpdate();
			}
			connection.commit();
			System.out.println("committed " + token);
			System.out.flush();
			Runtime.getRuntime().halt(HALTED);
		}
	}
}
