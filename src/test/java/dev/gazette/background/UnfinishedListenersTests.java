package dev.gazette.background;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import dev.gazette.GazetteApplication;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.comment.CommentStatus;
import dev.gazette.comment.CommentSubmitted;
import dev.gazette.support.FreshTestDatabase;
import dev.gazette.support.Http;
import dev.gazette.support.Newsroom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Event listeners that did not finish are run again while Gazette runs, not only at a restart, and running one again
 * changes nothing when it had in fact done its work: a listener that fails once takes effect exactly once without a
 * restart, and a restart after the pipeline's audit entry was written (but before the registry knew) writes no second
 * entry. Each test starts Gazettes of its own, with retries every 200 ms for publications older than a second.
 */
class UnfinishedListenersTests {

	private static final String[] QUICK_RETRIES = { "--gazette.background.first-retry=1s", "--gazette.background.max-retry=2s", "--gazette.demo-content=false",
			"--server.port=0" };

	@TempDir
	Path dataDir;

	/** A message for {@link FailsOnce}. */
	record Nudge(String id) {
	}

	/** A listener whose first run throws, as one does when the database or a service is away for a moment. */
	static class FailsOnce {

		final AtomicInteger runs = new AtomicInteger();

		final AtomicInteger effects = new AtomicInteger();

		@ApplicationModuleListener
		void on(Nudge nudge) {
			if (runs.incrementAndGet() == 1) {
				throw new IllegalStateException("the first run fails");
			}
			effects.incrementAndGet();
		}

		public int runs() {
			return runs.get();
		}

		public int effects() {
			return effects.get();
		}
	}

	@Test
	void aListenerThatFailsOnceIsRunAgainWhileGazetteRunsAndTakesEffectOnce() throws Exception {
		try (ConfigurableApplicationContext gazette = new SpringApplicationBuilder(GazetteApplication.class, FailsOnce.class)
			.run(withRetriesEvery("200ms"))) {
			FailsOnce listener = gazette.getBean(FailsOnce.class);
			ApplicationEventPublisher events = gazette;
			gazette.getBean(TransactionTemplate.class).executeWithoutResult(status -> events.publishEvent(new Nudge("n1")));

			waitUntil(Duration.ofSeconds(60), () -> listener.effects() > 0);
			Thread.sleep(3000); // several more retry intervals: nothing may run it a third time
			JdbcClient jdbc = gazette.getBean(JdbcClient.class);

			assertThat(listener.runs()).as("runs: the failed one and one retry").isEqualTo(2);
			assertThat(listener.effects()).as("effects").isEqualTo(1);
			assertThat(jdbc.sql("select count(*) from event_publication").query(Long.class).single())
				.as("publications left in the registry").isZero();
		}
	}

	@Test
	void aRestartWritesNoSecondSystemAuditEntryForAListenerThatHadDoneItsWork() throws Exception {
		assumeFalse(FreshTestDatabase.onPostgres(), "A file database shared by two Gazettes one after the other");
		String url = applicationDatabaseUrl(dataDir);
		long commentId;
		try (ConfigurableApplicationContext first = start(url, "1h")) {
			JdbcClient jdbc = first.getBean(JdbcClient.class);
			Newsroom.Published article = new Newsroom(first.getBean(ArticleCatalog.class)).article().publish();
			Http http = new Http(((WebServerApplicationContext) first).getWebServer().getPort());
			HttpResponse<String> posted = http.postJson("/api/v1/articles/" + article.slug() + "/comments",
					"{\"authorName\":\"Ruth\",\"body\":\"Once is enough.\"}");
			assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
			commentId = jdbc.sql("select max(id) from comment").query(Long.class).single();
			waitUntil(Duration.ofSeconds(60), () -> systemEntries(jdbc, commentId) == 1
					&& jdbc.sql("select count(*) from event_publication").query(Long.class).single() == 0);

			// As if a Gazette of before, whose listener wrote the entry after the commit under the event's id, had
			// stopped after the entry's commit and before the registry recorded it: the publication is back,
			// unfinished. (Entries written with the comment carry no event id: they cannot run twice.)
			String eventId = UUID.randomUUID().toString();
			assertThat(jdbc.sql("update moderation_audit set event_id = :e where comment_id = :c")
				.param("e", eventId)
				.param("c", commentId)
				.update()).isEqualTo(1);
			String status = jdbc.sql("select status from comment where id = :c").param("c", commentId)
				.query(String.class)
				.single();
			Object event = first.getBean(EventSerializer.class)
				.serialize(new CommentSubmitted(commentId, article.id(), article.slug(), null,
						CommentStatus.fromKey(status), UUID.fromString(eventId), null, null, null));
			jdbc.sql("""
					insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, status,
					    completion_attempts)
					values (:id, :listener, :type, :event, :at, 'PUBLISHED', 0)""")
				.param("id", UUID.randomUUID())
				.param("listener", "dev.gazette.moderation.SystemDecisions.on(dev.gazette.comment.CommentSubmitted)")
				.param("type", "dev.gazette.comment.CommentSubmitted")
				.param("event", event.toString())
				.param("at", Instant.now().minusSeconds(60).atOffset(ZoneOffset.UTC))
				.update();
		}

		try (ConfigurableApplicationContext restarted = start(url, "200ms")) {
			JdbcClient jdbc = restarted.getBean(JdbcClient.class);
			waitUntil(Duration.ofSeconds(60),
					() -> jdbc.sql("select count(*) from event_publication").query(Long.class).single() == 0);

			assertThat(systemEntries(jdbc, commentId)).as("the pipeline's audit entries for the comment").isEqualTo(1);
		}
	}

	/** A Gazette on the file database at {@code url}; the first one does not retry, so that the restarted one does. */
	private static ConfigurableApplicationContext start(String url, String retryInterval, String... more) {
		List<String> args = new java.util.ArrayList<>(List.of(withRetriesEvery(retryInterval)));
		args.addAll(List.of("--" + FreshTestDatabase.KEEP_DATASOURCE + "=true", "--spring.datasource.url=" + url,
				"--gazette.moderation.per-client-checks=false"));
		args.addAll(List.of(more));
		return new SpringApplicationBuilder(GazetteApplication.class).run(args.toArray(String[]::new));
	}

	private static String[] withRetriesEvery(String interval) {
		List<String> args = new java.util.ArrayList<>(List.of(QUICK_RETRIES));
		args.add("--gazette.background.retry-interval=" + interval);
		return args.toArray(String[]::new);
	}

	private static long systemEntries(JdbcClient jdbc, long commentId) {
		return jdbc.sql("select count(*) from moderation_audit where comment_id = :c and actor_id is null")
			.param("c", commentId)
			.query(Long.class)
			.single();
	}

	/** {@code spring.datasource.url} from the application's own settings, pointed at {@code dataDir}. */
	static String applicationDatabaseUrl(Path dataDir) throws IOException {
		Properties settings = new Properties();
		try (InputStream in = UnfinishedListenersTests.class.getResourceAsStream("/application.properties")) {
			settings.load(in);
		}
		return settings.getProperty("spring.datasource.url")
			.replace("${gazette.data-dir}", dataDir.toAbsolutePath().toString().replace('\\', '/'));
	}

	static void waitUntil(Duration limit, BooleanSupplier condition) throws InterruptedException {
		long end = System.nanoTime() + limit.toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime() < end).as("still waiting after " + limit.toSeconds() + " s").isTrue();
			Thread.sleep(100);
		}
	}
}
