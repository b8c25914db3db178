package dev.gazette.newsroom.internal;

import java.util.List;

/**
 * A piece's revisions and what changed between two of them, for people. Times are already written out in the
 * publication's zone. Public for the templates.
 */
public record RevisionsView(long id, String headline, boolean mayRestore, List<Line> revisions, Diff diff,
		Line restoring) {

	/** One revision; {@code by} is "the newsroom's import" for the state a piece was in before the newsroom. */
	public record Line(int number, String by, String at, String summary) {
	}

	/** The fields that differ, then the body's changed runs of lines. */
	public record Diff(Line from, Line to, List<FieldChange> fields, List<Hunk> body) {

		public boolean same() {
			return fields.isEmpty() && body.isEmpty();
		}
	}

	public record FieldChange(String label, String before, String after) {
	}

	/** A run of changed lines: where it begins in each revision, the lines removed and the lines added. */
	public record Hunk(int fromLine, int toLine, List<String> removed, List<String> added) {
	}
}
