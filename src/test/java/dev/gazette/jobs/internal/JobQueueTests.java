package dev.gazette.jobs.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.gazette.account.AccountAdministration;
import dev.gazette.account.Accounts;
import dev.gazette.account.Registration;
import dev.gazette.account.Role;
import dev.gazette.jobs.Jobs;
import dev.gazette.support.Http;
import dev.gazette.support.Mailbox;
import dev.gazette.support.MutableClock;
import dev.gazette.support.Readers;
import dev.gazette.support.RunningGazette;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The queue seen from its admin page, in a whole Gazette, with a job kind of the test's own: a note that fails while
 * its text says so. The clock stands still unless a test moves it, and the kind is polled only hourly, so runs happen
 * when a test asks for them. A dead job listed with its error and retried from the page, and a lapsed claim shown as
 * stuck, cross the page, the security chain, the table and the worker, so they stay here; the queue's own rules
 * (back-off, dead letters, one job per key, claims, two workers) are {@link JobsModuleTests}' and who may open the
 * page is {@link JobsPageSliceTests}'.
 */
@RunningGazette
class JobQueueTests {

	static final String KIND = "test.note";

	@TestConfiguration
	static class Setup {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(Instant.parse(RunningGazette.NOW));
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
	Accounts accounts;

	@Autowired
	Registration registration;

	@Autowired
	AccountAdministration administration;

	@LocalServerPort
	int port;

	@Test
	void theJobsPageListsADeadJobWithItsErrorAndItsRetryRunsIt() {
		String text = "refuse " + unique();
		jobs.enqueue(KIND, text, new Notes.Note(text));
		runDue();
		assertThat(row(text).state()).as("a permanent failure ends it at once").isEqualTo("dead");
		Http http = signedIn(Role.ADMIN);

		Document page = Jsoup.parse(http.get("/admin/jobs").body(), "http://localhost:" + port + "/admin/jobs");
		Element line = page.selectFirst("tr#job-" + row(text).id());
		assertThat(line).isNotNull();
		assertThat(line.selectFirst(".job-state").text()).isEqualTo("dead");
		assertThat(line.selectFirst(".job-error").text()).isEqualTo("refused: " + text);
		assertThat(page.selectFirst("tr.job-kind[data-kind=" + KIND + "]")).isNotNull();

		notes.healed = true;
		try {
			var answer = http.submit(page, "tr#job-" + row(text).id() + " form", Map.of());
			assertThat(answer.statusCode()).isEqualTo(302);
			await().atMost(Duration.ofSeconds(15)).until(() -> row(text).state().equals("done"));
		}
		finally {
			notes.healed = false;
		}
		assertThat(notes.runs).filteredOn(text::equals).hasSize(2);
		assertThat(Jsoup.parse(http.get("/admin/jobs").body()).selectFirst("tr#job-" + row(text).id())).isNull();
	}

	@Test
	void aJobClaimedByAnotherNodeIsLeftToItUntilTheClaimLapses() {
		String text = "claimed " + unique();
		jobs.enqueue(KIND, text, new Notes.Note(text));
		long id = row(text).id();
		assertThat(table.claim(id, "other-node", clock.instant(), clock.instant().plus(Duration.ofMinutes(10)))).isTrue();

		assertThat(runDue()).isZero();
		assertThat(signedIn(Role.ADMIN).get("/admin/jobs").body()).doesNotContain("job-" + id + "\"");

		// That node died: its claim lapses, the page shows the job as stuck, and the next look runs it.
		clock.advance(Duration.ofMinutes(10).plusSeconds(1));
		Element stuck = Jsoup.parse(signedIn(Role.ADMIN).get("/admin/jobs").body()).selectFirst("tr#job-" + id);
		assertThat(stuck.selectFirst(".job-state").text()).isEqualTo("stuck (claimed by other-node)");
		assertThat(runDue()).isEqualTo(1);
		assertThat(row(text).state()).isEqualTo("done");
		assertThat(row(text).attempts()).as("the dead node's run counts").isEqualTo(2);
		assertThat(table.finish(id, "other-node", 1, clock.instant())).as("the dead node cannot finish it").isFalse();
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

	/** A browser signed in as a new account of its own with these roles ({@link Http#signedInAs}). */
	private Http signedIn(Role role) {
		return Http.signedInAs(port,
				new Readers(registration, accounts, administration, new Mailbox(jdbc)).join("Jobs " + role, role));
	}

	private static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}
}
