package dev.gazette.background;

import java.net.http.HttpResponse;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.support.FreshTestDatabase;
import dev.gazette.support.Http;
import dev.gazette.support.Json;
import dev.gazette.support.Newsroom;
import dev.gazette.support.Newsroom.Published;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A site keeps storing articles and comments after the pool has replaced every connection it had at start, the one
 * the schema was created with among them (the pool does so every 30 minutes). On H2 this failed with "Check
 * constraint invalid" until the migrations got a session of their own ({@link EmbeddedMigrationSession}).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class EmbeddedSchemaTests {

	@Autowired
	HikariDataSource pool;

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	/**
	 * H2 commits its catalogue each time an identity's cache runs out; migration 29 makes that once per 1,000 posts
	 * rather than once per 8, and migration 32 does the same for the change log that replaced two of its tables.
	 * PostgreSQL keeps its sequences as they were (there a cache is per connection).
	 */
	@Test
	void theTablesEveryPostWritesTakeTheirIdsFromALargeCacheOnH2Only() {
		for (String table : List.of("comment", "moderation_audit", "change_log", "job")) {
			long cache = FreshTestDatabase.onPostgres()
					? jdbc.sql("select cache_size from pg_sequences where sequencename = :name")
						.param("name", table + "_id_seq")
						.query(Long.class)
						.single()
					: jdbc.sql("select identity_cache from information_schema.columns where table_name = :table "
							+ "and column_name = 'id'").param("table", table).query(Long.class).single();
			assertThat(cache).as(table).isEqualTo(FreshTestDatabase.onPostgres() ? 1 : EmbeddedIdentityCache.CACHE);
		}
	}

	@Test
	void articlesAndCommentsAreStoredAfterThePoolHasReplacedItsConnections() throws Exception {
		pool.getHikariPoolMXBean().softEvictConnections();
		// Evicted connections in use close when they are returned; wait until none of the first ones is left.
		for (int i = 0; i < 100 && pool.getHikariPoolMXBean().getActiveConnections() > 0; i++) {
			Thread.sleep(50);
		}

		Published article = new Newsroom(catalog).article().publish();
		HttpResponse<String> posted = new Http(port).postJson("/api/v1/articles/" + article.slug() + "/comments",
				Json.object("authorName", "Tamsin", "body", "Still here after the pool's turnover."));

		assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
	}
}
