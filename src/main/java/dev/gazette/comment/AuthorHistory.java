package dev.gazette.comment;

/**
 * How a commenter's comments stand: counts by status over a recent period, all comments ever, and how many of them
 * were ever published. A guest is known only by the e-mail address they gave.
 */
public record AuthorHistory(int published, int pending, int rejected, long total, long publishedEver) {

	public static final AuthorHistory NONE = new AuthorHistory(0, 0, 0, 0, 0);

	/** Comments in the period, whatever became of them. */
	public int recent() {
		return published + pending + rejected;
	}

	/** The share of the period's decided comments that were rejected. */
	public double rejectedShare() {
		int decided = published + rejected;
		return decided == 0 ? 0 : (double) rejected / decided;
	}
}
