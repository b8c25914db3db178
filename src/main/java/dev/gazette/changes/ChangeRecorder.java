package dev.gazette.changes;

import dev.gazette.article.ArticleChanged;
import dev.gazette.changes.ChangeLog.Change;
import dev.gazette.comment.CommentChanged;
import dev.gazette.comment.CommentPublished;
import dev.gazette.comment.CommentStatus;
import dev.gazette.comment.CommentSubmitted;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes the change log from the articles' and comments' events, which are published inside the transactions that
 * make the changes. Within a transaction the changes are gathered, one per article and one per comment (a comment's
 * most telling kind wins: published, then held, then changed), and written in one batch just before the commit. An
 * event outside any transaction (or after this transaction's batch) is written at once.
 */
@Component
class ChangeRecorder {

	private static final String INSERT = "insert into change_log (kind, subject_id, article_slug, parent_id, changed_at)"
			+ " values (?, ?, ?, ?, ?)";

	private final JdbcTemplate jdbc;

	private final ChangeLog log;

	private final Clock clock;

	ChangeRecorder(JdbcTemplate jdbc, ChangeLog log, Clock clock) {
		this.jdbc = jdbc;
		this.log = log;
		this.clock = clock;
	}

	@EventListener
	void on(ArticleChanged changed) {
		note(new Noted(Change.ARTICLE, changed.articleId(), null, null));
	}

	@EventListener
	void on(CommentChanged changed) {
		note(new Noted(Change.COMMENT, changed.commentId(), null, null));
	}

	@EventListener
	void on(CommentSubmitted submitted) {
		if (submitted.status() == CommentStatus.PENDING) {
			note(new Noted(Change.PENDING, submitted.commentId(), submitted.articleSlug(), submitted.parentId()));
		}
	}

	@EventListener
	void on(CommentPublished published) {
		note(new Noted(Change.PUBLISHED, published.commentId(), published.articleSlug(), published.parentId()));
	}

	private void note(Noted change) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			write(List.of(change));
			return;
		}
		Batch batch = (Batch) TransactionSynchronizationManager.getResource(this);
		if (batch == null) {
			batch = new Batch(this);
			TransactionSynchronizationManager.registerSynchronization(batch);
			TransactionSynchronizationManager.bindResource(this, batch);
		}
		batch.add(change);
	}

	private void write(List<Noted> changes) {
		OffsetDateTime at = clock.instant().atOffset(ZoneOffset.UTC);
		List<Object[]> rows = new ArrayList<>(changes.size());
		for (Noted change : changes) {
			rows.add(new Object[] { change.kind(), change.subjectId(), change.articleSlug(), change.parentId(), at });
		}
		if (rows.size() == 1) {
			jdbc.update(INSERT, rows.get(0));
		}
		else {
			jdbc.batchUpdate(INSERT, rows);
		}
		if (log.postgres()) {
			jdbc.queryForObject("select pg_notify('" + ChangeLog.CHANNEL + "', '')", String.class);
		}
	}

	/** A change not yet written. */
	private record Noted(String kind, long subjectId, String articleSlug, Long parentId) {

		private int rank() {
			return switch (kind) {
				case Change.PUBLISHED -> 3;
				case Change.PENDING -> 2;
				default -> 1;
			};
		}
	}

	/** One transaction's changes, written before it commits; bound to the thread while that transaction is. */
	private static final class Batch implements TransactionSynchronization {

		private final ChangeRecorder recorder;

		private final Map<String, Noted> changes = new LinkedHashMap<>();

		private boolean written;

		Batch(ChangeRecorder recorder) {
			this.recorder = recorder;
		}

		void add(Noted change) {
			if (written) {
				recorder.write(List.of(change));
				return;
			}
			String key = (Change.ARTICLE.equals(change.kind()) ? "a" : "c") + change.subjectId();
			changes.merge(key, change, (kept, next) -> next.rank() > kept.rank() ? next : kept);
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			written = true;
			if (!changes.isEmpty()) {
				recorder.write(List.copyOf(changes.values()));
			}
		}

		/** An inner transaction of its own (REQUIRES_NEW) starts: it gathers, and writes, its own batch. */
		@Override
		public void suspend() {
			TransactionSynchronizationManager.unbindResource(recorder);
		}

		@Override
		public void resume() {
			TransactionSynchronizationManager.bindResource(recorder, this);
		}

		@Override
		public void afterCompletion(int status) {
			TransactionSynchronizationManager.unbindResourceIfPossible(recorder);
		}
	}
}
