package dev.gazette.changes;

import java.util.List;

import dev.gazette.support.FreshTestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database from before the change log keeps what its two feeds said: the search feed's rows are carried over with
 * their ids (so a node's index resumes where it stands instead of being rebuilt), and new rows are numbered past both
 * old feeds (so a browser reconnecting with an old event id is not sent old rows, nor misses new ones).
 */
class UpgradingToTheChangeLogTests {

	@Test
	void theSearchFeedsRowsStayAndNewIdsFollowBothOldFeeds() {
		SingleConnectionDataSource database = FreshTestDatabase.single();
		try {
			flyway(database, "31").migrate();
			JdbcClient jdbc = JdbcClient.create(database);
			jdbc.sql("""
					insert into search_change (id, kind, subject_id, changed_at)
					values (41, 'article', 7, timestamp with time zone '2026-12-01 10:00:00+00'),
					       (42, 'comment', 900, timestamp with time zone '2026-12-01 10:00:01+00')""")
				.update();
			jdbc.sql("""
					insert into live_change (id, kind, article_slug, comment_id, parent_id, changed_at)
					values (57, 'published', 'tram-line', 900, null, timestamp with time zone '2026-12-01 10:00:01+00')""")
				.update();

			flyway(database, "latest").migrate();

			assertThat(jdbc.sql("select id || ' ' || kind || ' ' || subject_id from change_log order by id")
				.query(String.class)
				.list()).containsExactly("41 article 7", "42 comment 900");
			jdbc.sql("""
					insert into change_log (kind, subject_id, article_slug, changed_at)
					values ('published', 901, 'tram-line', timestamp with time zone '2026-12-01 10:05:00+00')""")
				.update();
			assertThat(jdbc.sql("select id from change_log where subject_id = 901").query(Long.class).single())
				.as("past the live feed's 57").isEqualTo(58L);
			List<String> tables = jdbc.sql("""
					select lower(table_name) from information_schema.tables
					where lower(table_name) in ('search_change', 'live_change')""").query(String.class).list();
			assertThat(tables).as("the old feeds").isEmpty();
		}
		finally {
			database.destroy();
		}
	}

	private static Flyway flyway(SingleConnectionDataSource database, String target) {
		return Flyway.configure()
			.dataSource(database)
			.locations("classpath:db/migration")
			.javaMigrations(new ChangeLogMigration())
			.target(target)
			.load();
	}
}
