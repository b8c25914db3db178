package dev.gazette.background;

import java.io.File;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded database's file gives back, while Gazette runs, what a burst of writes made it grow by. Each commit is
 * a new chunk in H2's file; before {@link EmbeddedDatabaseUpkeep} freed dead chunks itself and moved the live ones
 * into the free space, the file stayed as large as its busiest moment until the next stop (and under a steady
 * stream of commits H2's own compaction never got its lock at all).
 * <p>
 * Runs on its own file database with the address {@code application.properties} configures (so with its
 * {@code WRITE_DELAY} and {@code RETENTION_TIME}) in a temporary data directory, whatever database the other tests use.
 */
class EmbeddedDatabaseUpkeepTests {

	private static final int ROWS = 200;

	@TempDir
	Path dataDir;

	HikariDataSource pool;

	JdbcTemplate jdbc;

	EmbeddedDatabaseUpkeep upkeep;

	@BeforeEach
	void openDatabase() throws Exception {
		Properties settings = new Properties();
		try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
			settings.load(in);
		}
		String url = settings.getProperty("spring.datasource.url");
		assertThat(url).startsWith("jdbc:h2:file:${gazette.data-dir}/");
		pool = new HikariDataSource();
		pool.setJdbcUrl(url.replace("${gazette.data-dir}", dataDir.toAbsolutePath().toString().replace('\\', '/')));
		pool.setUsername("sa");
		pool.setMaximumPoolSize(9);
		jdbc = new JdbcTemplate(pool);
		upkeep = new EmbeddedDatabaseUpkeep(pool, new BackgroundProperties(Duration.ofSeconds(30), Duration.ofMinutes(1),
				Duration.ofHours(1), Duration.ofSeconds(20), Duration.ofSeconds(2), false));
	}

	@AfterEach
	void closeDatabase() {
		jdbc.execute("shutdown");
		pool.close();
	}

	@Test
	void theFileShrinksBackWhileRunningAfterABurstOfCommits() throws Exception {
		File file = dataDir.resolve("gazette.mv.db").toFile();
		jdbc.execute("create table upkeep_churn (id int primary key, body varchar(4000) not null)");
		for (int id = 0; id < ROWS; id++) {
			jdbc.update("insert into upkeep_churn (id, body) values (?, ?)", id, text(1000));
		}
		long before = file.length();

		// Eight writers, each commit its own chunk: a site's comments, audit rows and job claims.
		List<Thread> writers = new ArrayList<>();
		for (int t = 0; t < 8; t++) {
			Thread writer = new Thread(() -> {
				for (int i = 0; i < 400; i++) {
					jdbc.update("update upkeep_churn set body = ? where id = ?", text(1000),
							ThreadLocalRandom.current().nextInt(ROWS));
				}
			});
			writer.start();
			writers.add(writer);
		}
		for (Thread writer : writers) {
			writer.join();
		}
		long peak = file.length();
		assertThat(peak - before).as("the burst grew the file (else this test shows nothing)")
			.isGreaterThan(8L * 1024 * 1024);

		// Dead chunks may be reused only once H2's RETENTION_TIME (5 s) has passed. Gazette runs the upkeep every
		// gazette.background.compact-interval; here the test runs it while it waits.
		long deadline = System.nanoTime() + 60_000_000_000L;
		while (file.length() > before + (peak - before) / 4 && System.nanoTime() < deadline) {
			upkeep.compact();
			Thread.sleep(500);
		}
		assertThat(file.length()).as("file after the upkeep, grown from %d to %d bytes by the burst", before, peak)
			.isLessThanOrEqualTo(before + (peak - before) / 4);
		assertThat(jdbc.queryForObject("select count(*) from upkeep_churn", Integer.class)).isEqualTo(ROWS);
	}

	private static String text(int length) {
		StringBuilder text = new StringBuilder(length);
		ThreadLocalRandom random = ThreadLocalRandom.current();
		while (text.length() < length) {
			text.append((char) ('a' + random.nextInt(26)));
		}
		return text.toString();
	}
}
