package dev.gazette.changes;

import dev.gazette.article.ArticleChanged;
import dev.gazette.changes.ChangeLog.Change;
import dev.gazette.comment.CommentChanged;
import dev.gazette.comment.CommentPublished;
import dev.gazette.comment.CommentStatus;
import dev.gazette.comment.CommentSubmitted;
import dev.gazette.transaction.PerTransaction;
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

	/** The changes of the current transaction, written in one batch just before it commits. */
	private final PerTransaction<Gathered> pending = new PerTransaction<>(Gathered::new, gathered -> {
		if (!gathered.changes.isEmpty()) {
			write(List.copyOf(gathered.changes.values()));
		}
	});

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
		pending.current().ifPresentOrElse(changes -> changes.add(change), () -> write(List.of(change)));
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

	/** One transaction's changes, one per article and per comment, the most telling kind of each kept. */
	private static final class Gathered {

		private final Map<String, Noted> changes = new LinkedHashMap<>();

		void add(Noted change) {
			String key = (Change.ARTICLE.equals(change.kind()) ? "a" : "c") + change.subjectId();
			changes.merge(key, change, (kept, next) -> next.rank() > kept.rank() ? next : kept);
		}
	}
}
