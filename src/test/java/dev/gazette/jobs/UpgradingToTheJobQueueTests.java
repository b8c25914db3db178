package dev.gazette.jobs;

import java.util.List;

import dev.gazette.support.FreshTestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Work that the four hand-made queues had accepted before the upgrade is not lost: a database at the last version
 * before the job queue, with mail, a webhook call, a reply notification and a digest still to send, gets one job
 * for each, with the attempts already made; what was finished gets none.
 */
class UpgradingToTheJobQueueTests {

	@Test
	void workQueuedBeforeTheUpgradeBecomesDueJobs() {
		SingleConnectionDataSource database = FreshTestDatabase.single();
		try {
			upgradeWithQueuedWork(database);
		}
		finally {
			database.destroy();
		}
	}

	private static void upgradeWithQueuedWork(SingleConnectionDataSource database) {
		flyway(database, "14").migrate();
		JdbcClient jdbc = JdbcClient.create(database);
		jdbc.sql("""
				insert into mail_message (id, recipient, subject, text_body, category, status, created_at, attempts,
				    next_attempt_at, claimed_until)
				values (1, 'a@example.com', 'Queued', 'x', 'test', 'queued', timestamp with time zone '2026-01-01 10:00:00+00', 2,
				        timestamp with time zone '2026-01-01 10:30:00+00', null),
				       (2, 'b@example.com', 'Being sent', 'x', 'test', 'sending', timestamp with time zone '2026-01-01 10:00:00+00', 0,
				        timestamp with time zone '2026-01-01 10:00:00+00', timestamp with time zone '2026-01-01 10:10:00+00'),
				       (3, 'c@example.com', 'Sent', 'x', 'test', 'sent', timestamp with time zone '2026-01-01 10:00:00+00', 1, null, null),
				       (4, 'd@example.com', 'Stored', 'x', 'test', 'stored', timestamp with time zone '2026-01-01 10:00:00+00', 0, null, null)""")
			.update();
		jdbc.sql("""
				insert into webhook (id, url, events, secret, created_at)
				values (1, 'http://127.0.0.1:9/hooks', 'article.published', 'whsec_x', timestamp with time zone '2026-01-01 10:00:00+00')""")
			.update();
		jdbc.sql("""
				insert into webhook_delivery (id, webhook_id, delivery_id, event_id, event_type, payload, status, created_at,
				    attempts, next_attempt_at)
				values (7, 1, 'd-7', 'evt_1', 'article.published', '{}', 'queued', timestamp with time zone '2026-01-01 10:00:00+00', 1,
				        timestamp with time zone '2026-01-01 10:05:00+00'),
				       (8, 1, 'd-8', 'evt_2', 'article.published', '{}', 'delivered', timestamp with time zone '2026-01-01 10:00:00+00', 1, null)""")
			.update();
		jdbc.sql("""
				insert into reply_notification (recipient_id, reply_id, created_at, due_at, status)
				values (42, 100, timestamp with time zone '2026-01-01 10:00:00+00', timestamp with time zone '2026-01-01 10:15:00+00', 'pending'),
				       (42, 101, timestamp with time zone '2026-01-01 10:05:00+00', timestamp with time zone '2026-01-01 10:15:00+00', 'pending'),
				       (43, 102, timestamp with time zone '2026-01-01 09:00:00+00', timestamp with time zone '2026-01-01 09:15:00+00', 'sent')""")
			.update();
		jdbc.sql("""
				insert into newsletter_issue (id, frequency, period_key, period_start, period_end, created_at, article_count, status)
				values (5, 'daily', '2026-01-01', timestamp with time zone '2025-12-31 07:00:00+00',
				        timestamp with time zone '2026-01-01 07:00:00+00', timestamp with time zone '2026-01-01 07:00:00+00', 3, 'sending')""")
			.update();
		jdbc.sql("""
				insert into newsletter_delivery (id, issue_id, email, status)
				values (11, 5, 'e@example.com', 'pending'), (12, 5, 'f@example.com', 'sent')""")
			.update();

		flyway(database, "latest").migrate();

		List<String> jobs = jdbc.sql("""
				select kind || ' ' || job_key || ' ' || payload || ' ' || state || ' ' || attempts from job order by kind, job_key""")
			.query(String.class)
			.list();
		assertThat(jobs).containsExactly("mail.send 1 {\"mailId\":1} pending 2", "mail.send 2 {\"mailId\":2} pending 0",
				"newsletter.digest 11 {\"deliveryId\":11} pending 0",
				"reply-notification.batch 42@upgrade {\"recipientId\":42} pending 0",
				"webhook.deliver 7 {\"deliveryId\":7} pending 1");
		assertThat(jdbc.sql("select cast(due_at as varchar(40)) from job where kind = 'mail.send' order by job_key")
			.query(String.class)
			.list()).as("when its retry was due; when the old claim lapses").hasSize(2).satisfies(due -> {
				assertThat(due.get(0)).contains("10:30:00");
				assertThat(due.get(1)).contains("10:10:00");
			});
		assertThat(jdbc.sql("select cast(due_at as varchar(40)) from job where kind = 'reply-notification.batch'")
			.query(String.class)
			.single()).as("when the batch's window closes").contains("10:15:00");
	}

	private static Flyway flyway(SingleConnectionDataSource database, String target) {
		return Flyway.configure().dataSource(database).locations("classpath:db/migration").target(target).load();
	}
}
