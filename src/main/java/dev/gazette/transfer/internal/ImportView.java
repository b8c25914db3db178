package dev.gazette.transfer.internal;

import java.util.List;

/**
 * The admin import page's model: the form's message (an upload refused) and the runs this node knows. A run shows its
 * progress while it goes, and its report when done: counts per kind, reasons for failures, notes.
 */
public record ImportView(String error, String uploadLimit, List<RunView> runs) {

	public record RunView(String id, String source, String fileName, boolean dryRun, String state, int done,
			int total, String refusal, List<Line> lines, List<String> notes, boolean changedNothing) {

		public boolean finished() {
			return state.equals("done") || state.equals("refused") || state.equals("failed");
		}

		/** What the run is doing, in words. */
		public String progressText() {
			return switch (state) {
				case "waiting" -> "Waiting for the import before it to finish.";
				case "reading" -> "Reading the file through (nothing is written until it is known to be whole).";
				case "importing" -> "Imported " + done + " of " + total + " posts and their comments.";
				case "done" -> dryRun ? "Dry run finished: nothing was written." : "Finished.";
				case "refused" -> "Refused: nothing was imported.";
				default -> "Stopped.";
			};
		}
	}

	/** One kind's counts in a report. */
	public record Line(String kind, int created, int skipped, int failed, List<String> reasons) {
	}
}
