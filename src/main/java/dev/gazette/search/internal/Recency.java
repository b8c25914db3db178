package dev.gazette.search.internal;

/**
 * A little more weight for recent pieces: a relevance score is multiplied by 1.25 for a piece published now, falling
 * to about 1.06 after a year, 1 for the oldest. Small on purpose: a clearly better match stays first whatever its age.
 * Applied by {@link RecencyBoost}, which relies on the factor never exceeding {@link #MAX_FACTOR}.
 */
final class Recency {

	/** The factor of a piece published now (or dated in the future); every other is smaller. */
	static final double MAX_FACTOR = 1.25;

	private static final double DAY = 86_400_000d;

	private Recency() {
	}

	static double factor(long ageMillis) {
		double days = Math.max(0, ageMillis / DAY);
		return 1 + (MAX_FACTOR - 1) / (1 + days / 90);
	}
}
