package dev.gazette.newsroom.internal;

import java.util.List;

/**
 * The editors' dashboard: what waits for them (oldest first), what is scheduled, and what went out in the last week
 * with how its discussion is going. Times are written out in the publication's zone. Public for the template.
 *
 * @param everyone whether the dashboard shows everyone's pieces (editors) or only the viewer's own
 */
public record DashboardView(boolean everyone, String zone, List<Waiting> waiting, List<Scheduled> scheduled,
		List<Published> published, List<NoticeLine> notices) {

	/** Something the viewer was told (and mailed, unless they turned that notice off). */
	public record NoticeLine(long id, String headline, String what, String by, String at, boolean mailed) {
	}

	/** A submitted or in-review piece: who wrote it and since when it has waited. */
	public record Waiting(long id, String headline, String state, String by, String since) {
	}

	public record Scheduled(long id, String headline, String at) {
	}

	/** A piece published in the last week, with its published comments of the last day and week and those held. */
	public record Published(long id, String headline, String path, String at, long commentsDay, long commentsWeek,
			long held) {
	}
}
