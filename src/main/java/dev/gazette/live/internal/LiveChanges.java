package dev.gazette.live.internal;

import dev.gazette.changes.ChangeLog;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The live feed as this module reads it: the change log's rows, with a comment published on an article or held for a
 * moderator as {@link LiveChange}s. The change log writes the rows (and, on PostgreSQL, sends {@code NOTIFY
 * gazette_live} at their commit); rows of other kinds come through as changes no stream wants, so that the position
 * still moves past them.
 */
@Component
public class LiveChanges {

	static final String CHANNEL = ChangeLog.CHANNEL;

	private final ChangeLog log;

	LiveChanges(ChangeLog log) {
		this.log = log;
	}

	boolean postgres() {
		return log.postgres();
	}

	/** Rows after {@code id}, in id order. */
	List<LiveChange> after(long id, int limit) {
		return live(log.after(id, limit));
	}

	/** One article's published comments after {@code id}, in id order. */
	List<LiveChange> publishedAfter(String articleSlug, long id, int limit) {
		return live(log.publishedAfter(articleSlug, id, limit));
	}

	/** Comments that started waiting for a moderator after {@code id}, in id order. */
	List<LiveChange> pendingAfter(long id, int limit) {
		return live(log.pendingAfter(id, limit));
	}

	/** The highest id written so far, 0 when none. */
	public long last() {
		return log.last();
	}

	private static List<LiveChange> live(List<ChangeLog.Change> rows) {
		return rows.stream()
			.map(row -> new LiveChange(row.id(), row.kind(), row.articleSlug(), row.subjectId(), row.parentId()))
			.toList();
	}
}
