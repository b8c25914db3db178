package dev.gazette.transfer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an import did, by kind (authors, sections, articles, comments, images): how many were created, how many were
 * there already (skipped), how many failed and why, and what else the person running it should know (files not
 * found, threads matched to no article). A dry run counts what it would create.
 */
public final class ImportReport {

	private static final int REASONS_KEPT = 50;

	private final Map<String, Counts> kinds = new LinkedHashMap<>();

	private final List<String> notes = new ArrayList<>();

	private final boolean dryRun;

	private final boolean screened;

	private final List<String> held = new ArrayList<>();

	private int heldCount;

	ImportReport(boolean dryRun) {
		this(dryRun, false);
	}

	/** @param screened whether comments published at the source are screened by this site's classifier */
	ImportReport(boolean dryRun, boolean screened) {
		this.dryRun = dryRun;
		this.screened = screened;
	}

	public boolean screened() {
		return screened;
	}

	/** Counts for one kind; reasons for failures are kept up to a limit, the count is always exact. */
	public static final class Counts {

		private int created;

		private int skipped;

		private int failed;

		private final List<String> reasons = new ArrayList<>();

		public int created() {
			return created;
		}

		public int skipped() {
			return skipped;
		}

		public int failed() {
			return failed;
		}

		public List<String> reasons() {
			return List.copyOf(reasons);
		}
	}

	void created(String kind) {
		counts(kind).created++;
	}

	void skipped(String kind) {
		counts(kind).skipped++;
	}

	void failed(String kind, String reason) {
		Counts counts = counts(kind);
		counts.failed++;
		if (counts.reasons.size() < REASONS_KEPT) {
			counts.reasons.add(reason);
		}
	}

	void note(String note) {
		if (notes.size() < REASONS_KEPT * 4) {
			notes.add(note);
		}
	}

	/** A comment published at the source that the classifier would hold: imported held (or, in a dry run, it would be). */
	void heldByScreening(String comment, String reasons) {
		heldCount++;
		if (held.size() < REASONS_KEPT) {
			held.add(comment + " (" + reasons + ")");
		}
	}

	/** How many comments published at the source the classifier held ({@code --screen}); the first few named. */
	public int heldByScreening() {
		return heldCount;
	}

	/** “1 published comment would be held for moderators by the classifier”, or what was done, in words. */
	public String heldSummary() {
		if (heldCount == 0) {
			return "The classifier would hold none of the published comments";
		}
		String comments = heldCount == 1 ? " published comment" : " published comments";
		return heldCount + comments + (dryRun ? " would be held for moderators by the classifier"
				: (heldCount == 1 ? " was" : " were") + " imported held for moderators, as the classifier would hold "
						+ (heldCount == 1 ? "it" : "them"));
	}

	public List<String> heldExamples() {
		return List.copyOf(held);
	}

	public Counts counts(String kind) {
		return kinds.computeIfAbsent(kind, k -> new Counts());
	}

	/** Every kind counted, in the order first met. */
	public Map<String, Counts> kinds() {
		return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(kinds));
	}

	public List<String> notes() {
		return List.copyOf(notes);
	}

	public boolean dryRun() {
		return dryRun;
	}

	/** Whether this run changed nothing (everything was there already, or it was a dry run). */
	public boolean changedNothing() {
		return dryRun || kinds.values().stream().allMatch(c -> c.created == 0);
	}

	/** The report as the command line prints it. */
	public String text() {
		StringBuilder out = new StringBuilder(dryRun ? "Dry run: nothing was written. It would have:\n" : "");
		out.append(String.format("%-10s %8s %8s %8s%n", "", dryRun ? "create" : "created", "skipped", "failed"));
		kinds.forEach((kind, c) -> out.append(String.format("%-10s %8d %8d %8d%n", kind, c.created, c.skipped, c.failed)));
		kinds.forEach((kind, c) -> c.reasons.forEach(reason -> out.append("failed ").append(kind).append(": ")
			.append(reason).append('\n')));
		if (screened) {
			out.append(heldSummary()).append(heldCount == 0 ? ".\n" : ":\n");
			held.forEach(comment -> out.append("held ").append(comment).append('\n'));
		}
		notes.forEach(note -> out.append("note: ").append(note).append('\n'));
		if (!dryRun && changedNothing()) {
			out.append("Everything in this file was imported before: nothing changed.\n");
		}
		return out.toString();
	}
}
