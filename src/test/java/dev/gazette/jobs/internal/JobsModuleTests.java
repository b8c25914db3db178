package dev.gazette.jobs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.gazette.jobs.JobHandler;
import dev.gazette.jobs.Jobs;
import dev.gazette.support.MutableClock;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.TestPropertySource;

/**
 * The job queue started with only what it depends on ({@code @ApplicationModuleTest} in {@code DIRECT_DEPENDENCIES}
 * mode: {@code jobs} and the {@code publication} clock it reads), on a fresh database of its own (PostgreSQL under
 * {@code GAZETTE_TEST_POSTGRES}), with a job kind of the test's own: a note that fails while its text says so. The
 * clock stands still unless a test moves it and the kind is polled only hourly, so runs happen when a test asks for
 * them. No feature that enqueues work is started: the rows, claims, back-off and dead letters are the queue's alone.
 * <p>
 * The admin page's part of the queue (a dead job listed with its error and retried from there, a lapsed claim shown
 * as stuck) stays in {@code JobQueueTests}, which needs the page frame and the sign-in; who may open the page is
 * {@link JobsPageSliceTests}'. {@code application.properties} puts the moderation classifier's health check in the
 * readiness group; a context without the moderation module must not check that group's members, hence the property.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, webEnvironment = WebEnvironment.NONE)
@TestPropertySource(properties = "management.endpoint.health.validate-group-membership=false")
class JobsModuleTests {

	static final String KIND = "test.module-note";

	@TestConfiguration(proxyBeanMethods = false)
	static class Setup {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(Instant.parse("2018-07-22T09:00:00Z"));
		}

		@Bean
		Notes testNotes() {
			return new Notes(KIND);
		}
	}

	@Autowired
	Jobs jobs;

	@Autowired
	JobTable table;

	@Autowired
	Notes notes;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObjectProvider<JobHandler<?>> handlers;

	@Autowired
	ObjectMapper json;

	@Autowired
	JobProperties properties;

	@Autowired
	JobWorker worker;

	/** The worker polls each kind once as it starts; that poll could otherwise claim a test's job while it counts. */
	@BeforeEach
	void theStartupPollIsOver() {
		await().atMost(Duration.ofSeconds(30)).until(() -> worker.settled(KIND));
	}

	@Test
	void aJobEnqueuedIsRunOnceAndRecordedDone() {
		String text = "plain " + unique();

		assertThat(jobs.enqueue(KIND, text, new Notes.Note(text))).isTrue();
		assertThat(row(text).state()).as("stored before any run").isEqualTo("pending");
		assertThat(runDue()).isEqualTo(1);

		assertThat(notes.runs).filteredOn(text::equals).hasSize(1);
		JobTable.Row done = row(text);
		assertThat(done.state()).isEqualTo("done");
		assertThat(done.attempts()).isEqualTo(1);
		assertThat(done.finishedAt()).isEqualTo(clock.instant());
		assertThat(runDue()).as("a done job is not run again").isZero();
	}

	@Test
	void aJobDueLaterWaitsForItsTime() {
		String text = "later " + unique();
		jobs.enqueue(KIND, text, new Notes.Note(text), clock.instant().plus(Duration.ofHours(2)));

		assertThat(runDue()).isZero();
		clock.advance(Duration.ofHours(2));
		assertThat(runDue()).isEqualTo(1);
		assertThat(row(text).state()).isEqualTo("done");
	}

	@Test
	void aFailingJobIsRetriedAfterItsBackOffAndIsDeadAfterItsLastAttempt() {
		String text = "fail " + unique();
		jobs.enqueue(KIND, text, new Notes.Note(text));

		assertThat(runDue()).isEqualTo(1);
		assertThat(runDue()).as("not before its first wait").isZero();
		clock.advance(Duration.ofMinutes(1));
		assertThat(runDue()).isEqualTo(1);
		clock.advance(Duration.ofMinutes(4));
		assertThat(runDue()).as("the second wait is longer").isZero();
		clock.advance(Duration.ofMinutes(1));
		assertThat(runDue()).isEqualTo(1);
		clock.advance(Duration.ofDays(1));
		assertThat(runDue()).as("three attempts were all it had").isZero();

		assertThat(notes.runs).filteredOn(text::equals).hasSize(3);
		JobTable.Row dead = row(text);
		assertThat(dead.state()).isEqualTo("dead");
		assertThat(dead.attempts()).isEqualTo(3);
		assertThat(dead.lastError()).isEqualTo("IllegalStateException: the far end is away");
	}

	@Test
	void aPermanentFailureIsDeadAtOnceAndARevivedJobRunsOnceMore() {
		String text = "refuse " + unique();
		jobs.enqueue(KIND, text, new Notes.Note(text));

		assertThat(runDue()).isEqualTo(1);
		JobTable.Row dead = row(text);
		assertThat(dead.state()).isEqualTo("dead");
		assertThat(dead.attempts()).isEqualTo(1);
		assertThat(dead.lastError()).isEqualTo("refused: " + text);
		assertThat(table.troubled(clock.instant(), 200)).extracting(JobTable.Row::id).contains(dead.id());

		assertThat(table.revive(dead.id(), clock.instant())).isTrue();
		assertThat(table.revive(dead.id(), clock.instant())).as("only a dead job is revived").isFalse();
		assertThat(runDue()).isEqualTo(1);
		assertThat(notes.runs).filteredOn(text::equals).hasSize(2);
	}

	@Test
	void aJobIsAddedOncePerKey() {
		String text = "once " + unique();
		assertThat(jobs.enqueue(KIND, text, new Notes.Note(text))).isTrue();
		assertThat(jobs.enqueue(KIND, text, new Notes.Note(text))).as("a listener run again").isFalse();

		runDue();

		assertThat(notes.runs).filteredOn(text::equals).hasSize(1);
		assertThat(row(text).state()).isEqualTo("done");
	}

	@Test
	void aJobClaimedByAnotherNodeIsLeftToItUntilTheClaimLapses() {
		String text = "claimed " + unique();
		jobs.enqueue(KIND, text, new Notes.Note(text));
		long id = row(text).id();
		assertThat(table.claim(id, "other-node", clock.instant(), clock.instant().plus(Duration.ofMinutes(10)))).isTrue();

		assertThat(runDue()).isZero();
		assertThat(table.troubled(clock.instant(), 200)).extracting(JobTable.Row::id).doesNotContain(id);

		clock.advance(Duration.ofMinutes(10).plusSeconds(1));
		assertThat(table.troubled(clock.instant(), 200)).extracting(JobTable.Row::id).contains(id);
		assertThat(runDue()).isEqualTo(1);
		assertThat(row(text).state()).isEqualTo("done");
		assertThat(row(text).attempts()).as("the dead node's run counts").isEqualTo(2);
		assertThat(table.finish(id, "other-node", 1, clock.instant())).as("the dead node cannot finish it").isFalse();
	}

	@Test
	void twoWorkersOnOneDatabaseNeverRunTheSameJob() throws Exception {
		String batch = "batch " + unique();
		int count = 40;
		for (int i = 1; i <= count; i++) {
			jobs.enqueue(KIND, batch + " #" + i, new Notes.Note(batch + " #" + i));
		}
		JobWorker one = new JobWorker(table, handlers, json, clock, properties);
		JobWorker two = new JobWorker(table, handlers, json, clock, properties);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		int runs = 0;
		try {
			List<Callable<Integer>> both = new ArrayList<>(List.of(() -> one.runDue(KIND), () -> two.runDue(KIND)));
			for (Future<Integer> run : pool.invokeAll(both)) {
				runs += run.get();
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(runs).isEqualTo(count);
		assertThat(notes.runs.stream().filter(text -> text.startsWith(batch + " #")).toList()).hasSize(count)
			.doesNotHaveDuplicates();
	}

	private int runDue() {
		return jobs.runDue(KIND);
	}

	private JobTable.Row row(String key) {
		long id = jdbc.sql("select id from job where kind = :kind and job_key = :key")
			.param("kind", KIND)
			.param("key", key)
			.query(Long.class)
			.single();
		return table.find(id).orElseThrow();
	}

	private static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}
}
