package dev.gazette.transfer;

/** How much an export of the whole publication holds, counted before it is written (all states, all statuses). */
public record ExportSize(long articles, long comments, long authors, long sections, long tags, long media,
		long pages) {
}
