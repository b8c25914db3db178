package dev.gazette.availability;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import dev.gazette.article.ArticleCatalog;
import dev.gazette.support.DatabaseLink;
import dev.gazette.support.FreshTestDatabase;
import dev.gazette.support.Newsroom;
import dev.gazette.support.Newsroom.Published;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database goes away under a running Gazette, through a {@link DatabaseLink} between the two: health says DOWN
 * at once, readers and API clients get a quick 503 with {@code Retry-After} instead of a hung request, pages that need
 * no database still answer, and everything works again when the database is back.
 * <p>
 * PostgreSQL only ({@code GAZETTE_TEST_POSTGRES}): the link is cut (the server stopped or was killed) or frozen (a
 * partition or a paused server: connections stay open and nothing comes back). The embedded H2 default has no
 * network to lose, and H2's TCP client has no read timeout to bound a frozen link with.
 */
@EnabledIfEnvironmentVariable(named = FreshTestDatabase.POSTGRES_ENV, matches = ".+")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { FreshTestDatabase.KEEP_DATASOURCE + "=true", "gazette.base-url=https://gazette.example",
				"gazette.demo-content=false", "spring.datasource.hikari.maximum-pool-size=4",
				"spring.datasource.hikari.minimum-idle=1" })
class DatabaseOutageTests {

	/** Generous: the promise is about 2 s for health and 3 s for a request; a busy test machine is slower. */
	private static final Duration QUICKLY = Duration.ofSeconds(8);

	private static final DatabaseLink link;

	private static final String url;

	static {
		try {
			String name = "gazette_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
			URI server = URI.create(System.getenv(FreshTestDatabase.POSTGRES_ENV).substring("jdbc:".length()));
			try (Connection connection = DriverManager.getConnection(
					"jdbc:postgresql://" + server.getHost() + ":" + server.getPort() + "/postgres", "postgres", "");
					Statement statement = connection.createStatement()) {
				statement.execute("create database " + name + " encoding 'UTF8' template template0");
			}
			link = new DatabaseLink(server.getHost(), server.getPort());
			url = "jdbc:postgresql://127.0.0.1:" + link.port() + "/" + name;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> url);
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "");
	}

	@Autowired
	ArticleCatalog catalog;

	@LocalServerPort
	int port;

	final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	Published article;

	@BeforeEach
	void aReaderHasSeenAnArticle() throws Exception {
		link.mend();
		awaitHealth("UP");
		article = new Newsroom(catalog).article().publish();
		assertThat(get(article.path(), "text/html").statusCode()).isEqualTo(200);
	}

	@AfterEach
	void mend() throws Exception {
		link.mend();
		awaitHealth("UP");
	}

	@AfterAll
	static void closeTheLink() throws Exception {
		link.close();
	}

	@Test
	void healthSaysDownQuicklyWhenTheDatabaseIsGone() throws Exception {
		link.cut();

		Timed<HttpResponse<String>> health = timed(() -> get("/actuator/health", "application/json"));

		assertThat(health.value().statusCode()).isEqualTo(503);
		assertThat(health.value().body()).contains("\"DOWN\"");
		assertThat(health.took()).isLessThan(QUICKLY);
	}

	@Test
	void anApiRequestGetsA503ProblemWithRetryAfterQuickly() throws Exception {
		link.cut();

		Timed<HttpResponse<String>> answer = timed(
				() -> get("/api/v1/articles/" + article.slug() + "/comments", "application/json"));

		assertThat(answer.value().statusCode()).isEqualTo(503);
		assertThat(answer.value().headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(answer.value().headers().firstValue("Retry-After")).isPresent();
		assertThat(answer.value().body()).contains("\"status\":503").doesNotContain("Exception");
		assertThat(answer.took()).isLessThan(QUICKLY);
	}

	@Test
	void aReaderGetsAPageSayingTryAgainSoonWithRetryAfter() throws Exception {
		link.cut();

		// An order of the discussion nobody has read yet: the page read before the cut is kept, and served (below).
		HttpResponse<String> page = get(article.path() + "?sort=newest", "text/html");

		assertThat(page.statusCode()).isEqualTo(503);
		assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("text/html"));
		assertThat(page.headers().firstValue("Retry-After")).isPresent();
		assertThat(page.body()).contains("Back in a moment").doesNotContain("Exception");
	}

	@Test
	void aReaderStillGetsTheLastKeptArticlePageMarkedStale() throws Exception {
		HttpResponse<String> kept = get(article.path(), "text/html");
		link.cut();

		Timed<HttpResponse<String>> page = timed(() -> get(article.path(), "text/html"));

		assertThat(page.value().statusCode()).isEqualTo(200);
		assertThat(page.value().body()).isEqualTo(kept.body());
		assertThat(page.value().headers().firstValue("Warning")).hasValueSatisfying(
				warning -> assertThat(warning).startsWith("110"));
		assertThat(page.took()).isLessThan(QUICKLY);
	}

	@Test
	void aPageThatNeedsNoDatabaseStillAnswers() throws Exception {
		link.cut();

		Timed<HttpResponse<String>> missing = timed(() -> get("/no-such-page-" + UUID.randomUUID(), "text/html"));
		HttpResponse<String> stylesheet = get("/css/gazette.css", "text/css");

		assertThat(missing.value().statusCode()).isEqualTo(404);
		assertThat(missing.value().body()).contains("Page not found");
		assertThat(missing.took()).isLessThan(QUICKLY);
		assertThat(stylesheet.statusCode()).isEqualTo(200);
	}

	@Test
	void everythingWorksAgainWhenTheDatabaseIsBack() throws Exception {
		link.cut();
		get("/api/v1/articles/" + article.slug() + "/comments", "application/json");

		link.mend();
		awaitHealth("UP");

		assertThat(get(article.path(), "text/html").statusCode()).isEqualTo(200);
	}

	@Test
	void aDatabaseThatStopsAnsweringIsDownAndRequestsFailQuickly() throws Exception {
		link.freeze();

		Timed<HttpResponse<String>> health = timed(() -> get("/actuator/health", "application/json"));
		Timed<HttpResponse<String>> answer = timed(
				() -> get("/api/v1/articles/" + article.slug() + "/comments", "application/json"));

		assertThat(health.value().statusCode()).isEqualTo(503);
		assertThat(health.took()).isLessThan(QUICKLY);
		assertThat(answer.value().statusCode()).isEqualTo(503);
		assertThat(answer.took()).isLessThan(QUICKLY);
	}

	private HttpResponse<String> get(String path, String accept) throws Exception {
		return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", accept)
			.timeout(Duration.ofSeconds(30))
			.GET()
			.build(), BodyHandlers.ofString());
	}

	private void awaitHealth(String status) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			if (get("/actuator/health", "application/json").body().contains("\"" + status + "\"")) {
				return;
			}
			Thread.sleep(200);
		}
		throw new AssertionError("health never said " + status);
	}

	private record Timed<T>(T value, Duration took) {
	}

	private interface Call<T> {
		T call() throws Exception;
	}

	private static <T> Timed<T> timed(Call<T> call) throws Exception {
		long start = System.nanoTime();
		T value = call.call();
		return new Timed<>(value, Duration.ofNanos(System.nanoTime() - start));
	}
}
