package dev.gazette.comment.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import dev.gazette.comment.CommentProperties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * The comments made with a {@link SubmissionKey}, kept for {@code gazette.comments.submission-keys-kept} (24 h) so
 * that a retry finds the comment its first attempt made. A key is stored in the transaction that stores its
 * comment: both or neither, and of two attempts racing with one key, the second fails on the primary key and
 * stores nothing.
 */
@Repository
public class CommentSubmissions {

	private static final Logger log = LoggerFactory.getLogger(CommentSubmissions.class);

	public record Earlier(String fingerprint, long commentId) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final CommentProperties properties;

	CommentSubmissions(JdbcClient jdbc, Clock clock, CommentProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
	}

	public Optional<Earlier> find(SubmissionKey key) {
		return jdbc.sql("select fingerprint, comment_id from comment_submission where scope = :scope and submission_key = :key")
			.param("scope", key.scope())
			.param("key", key.key())
			.query((rs, row) -> new Earlier(rs.getString(1), rs.getLong(2)))
			.optional();
	}

	public void remember(SubmissionKey key, long commentId, Instant at) {
		jdbc.sql("""
				insert into comment_submission (scope, submission_key, fingerprint, comment_id, created_at)
				values (:scope, :key, :fingerprint, :comment, :at)""")
			.param("scope", key.scope())
			.param("key", key.key())
			.param("fingerprint", key.fingerprint())
			.param("comment", commentId)
			.param("at", at.atOffset(ZoneOffset.UTC))
			.update();
	}

	public void forget(SubmissionKey key) {
		jdbc.sql("delete from comment_submission where scope = :scope and submission_key = :key")
			.param("scope", key.scope())
			.param("key", key.key())
			.update();
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	void forgetOld() {
		int forgotten = jdbc.sql("delete from comment_submission where created_at < :before")
			.param("before", clock.instant().minus(properties.submissionKeysKept()).atOffset(ZoneOffset.UTC))
			.update();
		if (forgotten > 0) {
			log.debug("Forgot {} comment submission keys older than {}", forgotten, properties.submissionKeysKept());
		}
	}
}
