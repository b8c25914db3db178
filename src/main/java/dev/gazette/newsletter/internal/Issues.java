package dev.gazette.newsletter.internal;

import dev.gazette.newsletter.Frequency;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import static dev.gazette.newsletter.internal.Subscribers.utc;

/** The {@code newsletter_issue} and {@code newsletter_delivery} tables. */
@Repository
public class Issues {

	private final JdbcClient jdbc;

	public Issues(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Claims the period's issue: the unique key on (frequency, period) lets exactly one insert through, however
	 * many nodes try and however often.
	 * @return the new issue's id, or empty when it exists already
	 */
	public Optional<Long> claim(Period period, int articles, Instant now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		try {
			int inserted = jdbc.sql("""
					insert into newsletter_issue (frequency, period_key, period_start, period_end, created_at,
					    article_count, status)
					values (:frequency, :key, :start, :end, :now, :articles, :status)
					on conflict do nothing""")
				.param("frequency", period.frequency().key())
				.param("key", period.key())
				.param("start", utc(period.start()))
				.param("end", utc(period.end()))
				.param("now", utc(now))
				.param("articles", articles)
				.param("status", articles == 0 ? "empty" : "sending")
				.update(keys, "id");
			return inserted == 1 ? Optional.of(keys.getKey().longValue()) : Optional.empty();
		}
		catch (DuplicateKeyException ex) {
			// H2 may report the race as a duplicate rather than skipping the row: the other node has it.
			return Optional.empty();
		}
	}

	public boolean exists(Period period) {
		return jdbc.sql("select count(*) from newsletter_issue where frequency = :f and period_key = :k")
			.param("f", period.frequency().key())
			.param("k", period.key())
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Adds a recipient to an issue; an address already on it (an account and a guest alike) is not added twice.
	 * @return the new delivery's id, or empty when the address is on the issue already
	 */
	public Optional<Long> addDelivery(long issueId, String email, Long accountId, Long subscriberId, List<String> sections) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		try {
			int added = jdbc.sql("""
					insert into newsletter_delivery (issue_id, email, account_id, subscriber_id, sections, status)
					values (:issue, :email, :account, :subscriber, :sections, 'pending')
					on conflict do nothing""")
				.param("issue", issueId)
				.param("email", email)
				.param("account", accountId)
				.param("subscriber", subscriberId)
				.param("sections", Subscribers.join(sections))
				.update(keys, "id");
			return added == 1 ? Optional.of(keys.getKey().longValue()) : Optional.empty();
		}
		catch (DuplicateKeyException ex) {
			// As in claim: H2 may report the address already on the issue rather than skip the row.
			return Optional.empty();
		}
	}

	public void setRecipients(long issueId, int recipients) {
		jdbc.sql("update newsletter_issue set recipients = :n where id = :id").param("id", issueId).param("n", recipients).update();
	}

	public record Delivery(long id, long issueId, String email, Long accountId, Long subscriberId, List<String> sections) {
	}

	public record Span(Instant start, Instant end, Frequency frequency, String key) {
	}

	/**
	 * Takes a delivery out of 'pending' in the caller's transaction. Of several nodes that try at once, one changes
	 * the row and the others (once it commits) change nothing.
	 */
	public boolean take(long deliveryId, String status, Instant now) {
		return jdbc.sql("update newsletter_delivery set status = :status, settled_at = :now where id = :id and status = 'pending'")
			.param("id", deliveryId)
			.param("status", status)
			.param("now", utc(now))
			.update() == 1;
	}

	public void markSkipped(long deliveryId) {
		jdbc.sql("update newsletter_delivery set status = 'skipped' where id = :id").param("id", deliveryId).update();
	}

	public void recordMail(long deliveryId, String unsubscribeHash, long mailId) {
		jdbc.sql("update newsletter_delivery set unsubscribe_hash = :hash, mail_id = :mail where id = :id")
			.param("id", deliveryId)
			.param("hash", unsubscribeHash)
			.param("mail", mailId)
			.update();
	}

	public Optional<Delivery> delivery(long id) {
		return jdbc.sql("select * from newsletter_delivery where id = :id").param("id", id).query((rs, n) -> {
			long account = rs.getLong("account_id");
			Long accountId = rs.wasNull() ? null : account;
			long subscriber = rs.getLong("subscriber_id");
			Long subscriberId = rs.wasNull() ? null : subscriber;
			return new Delivery(rs.getLong("id"), rs.getLong("issue_id"), rs.getString("email"), accountId, subscriberId,
					Subscribers.sections(rs.getString("sections")));
		}).optional();
	}

	public Span span(long issueId) {
		return jdbc.sql("select period_start, period_end, frequency, period_key from newsletter_issue where id = :id")
			.param("id", issueId)
			.query((rs, n) -> new Span(rs.getObject("period_start", OffsetDateTime.class).toInstant(),
					rs.getObject("period_end", OffsetDateTime.class).toInstant(),
					Frequency.valueOf(rs.getString("frequency").toUpperCase(java.util.Locale.ROOT)),
					rs.getString("period_key")))
			.single();
	}

	/** The delivery a one-click unsubscribe token came with. */
	public Optional<Delivery> byUnsubscribeHash(String hash) {
		return jdbc.sql("select id from newsletter_delivery where unsubscribe_hash = :hash")
			.param("hash", hash)
			.query(Long.class)
			.optional()
			.flatMap(this::delivery);
	}

	/** Issues whose every delivery is settled are done. */
	public void finishIssues(Instant now) {
		jdbc.sql("""
				update newsletter_issue set status = 'sent', finished_at = :now
				where status = 'sending'
				  and not exists (select 1 from newsletter_delivery d where d.issue_id = newsletter_issue.id and d.status = 'pending')""")
			.param("now", utc(now))
			.update();
	}

	/** An issue as the admin page lists it. */
	public record IssueRow(long id, Frequency frequency, String periodKey, Instant createdAt, int articles, String status,
			int recipients, long sent, long skipped, long pending, Instant finishedAt) {
	}

	public List<IssueRow> latest(int limit) {
		return jdbc.sql("""
				select i.*,
				    (select count(*) from newsletter_delivery d where d.issue_id = i.id and d.status = 'sent') as sent,
				    (select count(*) from newsletter_delivery d where d.issue_id = i.id and d.status = 'skipped') as skipped,
				    (select count(*) from newsletter_delivery d where d.issue_id = i.id and d.status = 'pending') as pending
				from newsletter_issue i order by i.created_at desc, i.id desc limit :limit""")
			.param("limit", limit)
			.query((rs, n) -> {
				OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
				return new IssueRow(rs.getLong("id"), Frequency.valueOf(rs.getString("frequency").toUpperCase(java.util.Locale.ROOT)),
						rs.getString("period_key"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
						rs.getInt("article_count"), rs.getString("status"), rs.getInt("recipients"), rs.getLong("sent"),
						rs.getLong("skipped"), rs.getLong("pending"), finished == null ? null : finished.toInstant());
			})
			.list();
	}
}
