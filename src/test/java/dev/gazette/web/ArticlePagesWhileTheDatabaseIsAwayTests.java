package dev.gazette.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Map;

import javax.sql.DataSource;

import dev.gazette.article.ArticleCatalog;
import dev.gazette.support.Http;
import dev.gazette.support.Json;
import dev.gazette.support.Newsroom;
import dev.gazette.support.Newsroom.Published;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * While the database cannot be reached, a reader who is not signed in still gets the last kept page of an article
 * (marked stale), not the 503 page; a page that was never kept still gets the 503. On the embedded database the outage
 * is the pool's own answer to one: no connection to be had ({@link SQLTransientConnectionException}, what Hikari throws
 * when its wait runs out), from a data source the test switches off. {@code DatabaseOutageTests} cuts a real network
 * link to PostgreSQL instead.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "gazette.base-url=https://gazette.example", "gazette.demo-content=false",
				"gazette.moderation.per-client-checks=false" })
@Import(ArticlePagesWhileTheDatabaseIsAwayTests.Unreachable.class)
class ArticlePagesWhileTheDatabaseIsAwayTests {

	/** The application's data source, which hands out no connection while it is switched off. */
	static final class SwitchableDataSource extends DelegatingDataSource {

		private volatile boolean away;

		SwitchableDataSource(DataSource pool) {
			super(pool);
		}

		@Override
		public Connection getConnection() throws SQLException {
			if (away) {
				throw new SQLTransientConnectionException("Connection is not available, request timed out");
			}
			return super.getConnection();
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			if (away) {
				throw new SQLTransientConnectionException("Connection is not available, request timed out");
			}
			return super.getConnection(username, password);
		}
	}

	@TestConfiguration
	static class Unreachable {

		@Bean
		static BeanPostProcessor switchableDataSource() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					return bean instanceof DataSource pool && name.equals("dataSource") ? new SwitchableDataSource(pool)
							: bean;
				}
			};
		}
	}

	@Autowired
	DataSource dataSource;

	@Autowired
	ArticleCatalog catalog;

	@LocalServerPort
	int port;

	final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	Published article;

	HttpResponse<String> kept;

	@BeforeEach
	void aReaderHasReadAnArticleWithAComment() throws Exception {
		database(true);
		article = new Newsroom(catalog).article().publish();
		HttpResponse<String> posted = new Http(port).postJson("/api/v1/articles/" + article.slug() + "/comments",
				Json.object("authorName", "Noa", "body", "Read before the database went away.", "parentId", null,
						"acknowledgeNudge", true));
		assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
		kept = get(article.path(), Map.of());
		assertThat(kept.statusCode()).isEqualTo(200);
	}

	@AfterEach
	void databaseBack() {
		database(true);
	}

	private void database(boolean reachable) {
		((SwitchableDataSource) dataSource).away = !reachable;
	}

	@Test
	void aReaderStillGetsTheLastKeptPageMarkedStale() throws Exception {
		database(false);

		HttpResponse<String> health = get("/actuator/health", Map.of("Accept", "application/json"));
		HttpResponse<String> page = get(article.path(), Map.of());

		assertThat(health.statusCode()).isEqualTo(503);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).isEqualTo(kept.body()).contains("Read before the database went away.");
		assertThat(page.headers().firstValue("Warning")).hasValue(ArticlePageCache.STALE_WARNING);
		assertThat(page.headers().firstValue("Age")).isPresent();
		assertThat(page.headers().firstValue("ETag")).isEqualTo(kept.headers().firstValue("ETag"));
		assertThat(page.headers().firstValue("Content-Security-Policy"))
			.hasValue(SecurityHeaders.CONTENT_SECURITY_POLICY);
		assertThat(page.headers().allValues("Set-Cookie")).isEmpty();
	}

	@Test
	void aRepeatVisitStillGets304() throws Exception {
		database(false);

		HttpResponse<String> repeat = get(article.path(),
				Map.of("If-None-Match", kept.headers().firstValue("ETag").orElseThrow()));

		assertThat(repeat.statusCode()).isEqualTo(304);
	}

	@Test
	void aPageNeverKeptStillSaysBackInAMoment() throws Exception {
		database(false);

		HttpResponse<String> page = get(article.path() + "?sort=newest", Map.of());

		assertThat(page.statusCode()).isEqualTo(503);
		assertThat(page.body()).contains("Back in a moment");
	}

	@Test
	void onceTheDatabaseIsBackThePageIsCheckedAgain() throws Exception {
		database(false);
		get(article.path(), Map.of());

		database(true);
		HttpResponse<String> page = get(article.path(), Map.of());

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Warning")).isEmpty();
	}

	private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", headers.getOrDefault("Accept", "text/html"))
			.timeout(Duration.ofSeconds(30));
		headers.forEach((name, value) -> {
			if (!name.equals("Accept")) {
				request.header(name, value);
			}
		});
		return client.send(request.GET().build(), BodyHandlers.ofString());
	}
}
