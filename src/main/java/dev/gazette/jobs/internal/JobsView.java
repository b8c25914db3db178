package dev.gazette.jobs.internal;

import java.util.List;

/**
 * The jobs page: how many jobs of each kind are in each state, and the ones that need an admin's eye. Public for the
 * template only.
 */
public record JobsView(List<Kind> kinds, List<Line> troubled, String retried) {

	/** One kind's jobs by state. */
	public record Kind(String kind, long pending, long running, long done, long dead) {
	}

	/**
	 * A dead job, or one whose claim has lapsed ({@code stuck}: its node died or hangs; the next poll takes it up).
	 */
	public record Line(long id, String kind, String key, String state, boolean stuck, int attempts, String created,
			String due, String claimedBy, String lastError) {

		public boolean dead() {
			return "dead".equals(state);
		}
	}
}
