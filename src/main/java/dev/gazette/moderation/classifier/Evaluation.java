package dev.gazette.moderation.classifier;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a model and thresholds do on labelled comments they were not trained on.
 * <p>
 * A comment is <em>held</em> when any label reaches its threshold: that is what the moderation pipeline does with it.
 * A comment is <em>flagged</em> for a label when that label's own score reaches its threshold. Per category this gives
 * the share of its comments held (what a reader is spared) and the precision, recall and F1 of the label's own flag
 * (whether the moderator is shown the right reason). Civil comments are those with no label, not counting spam, which
 * has no label either but is a separate signal's business.
 */
public final class Evaluation {

	/** The counts for one label. */
	public record LabelResult(Label label, int rows, int held, int flagged, int flaggedCorrectly) {

		/** Share of the comments with this label that were held, for whatever reason. */
		public double heldShare() {
			return share(this.held, this.rows);
		}

		public double precision() {
			return share(this.flaggedCorrectly, this.flagged);
		}

		public double recall() {
			return share(this.flaggedCorrectly, this.rows);
		}

		public double f1() {
			double p = precision();
			double r = recall();
			return (p + r == 0) ? 0 : 2 * p * r / (p + r);
		}
	}

	private final Map<Label, LabelResult> labels;

	private final int toxicHeld;

	private final int toxicPublished;

	private final int civilHeld;

	private final int civilPublished;

	private final int spamHeld;

	private final int spam;

	private final int harshCivilHeld;

	private final int harshCivil;

	private Evaluation(Map<Label, LabelResult> labels, int[] counts) {
		this.labels = labels;
		this.toxicHeld = counts[0];
		this.toxicPublished = counts[1];
		this.civilHeld = counts[2];
		this.civilPublished = counts[3];
		this.spamHeld = counts[4];
		this.spam = counts[5];
		this.harshCivilHeld = counts[6];
		this.harshCivil = counts[7];
	}

	/**
	 * Evaluates precomputed scores ({@code scores.get(i)} belongs to {@code rows.get(i)}).
	 * @param harshCivilIds ids of civil rows that are harsh but civil, reported separately
	 * @param spamIds ids of spam rows, left out of the civil ones
	 */
	public static Evaluation of(List<LabelledComment> rows, List<Scores> scores, Thresholds thresholds,
			Set<String> harshCivilIds, Set<String> spamIds) {
		if (rows.size() != scores.size()) {
			throw new IllegalArgumentException(rows.size() + " rows but " + scores.size() + " scores");
		}
		int[][] perLabel = new int[Label.count()][4];
		int[] counts = new int[8];
		for (int i = 0; i < rows.size(); i++) {
			LabelledComment row = rows.get(i);
			Set<Label> flagged = thresholds.exceeded(scores.get(i));
			boolean held = !flagged.isEmpty();
			for (Label label : Label.values()) {
				int[] c = perLabel[label.ordinal()];
				boolean has = row.has(label);
				c[0] += has ? 1 : 0;
				c[1] += (has && held) ? 1 : 0;
				c[2] += flagged.contains(label) ? 1 : 0;
				c[3] += (has && flagged.contains(label)) ? 1 : 0;
			}
			if (!row.isCivil()) {
				counts[held ? 0 : 1]++;
			}
			else if (spamIds.contains(row.id())) {
				counts[5]++;
				counts[4] += held ? 1 : 0;
			}
			else {
				counts[held ? 2 : 3]++;
				if (harshCivilIds.contains(row.id())) {
					counts[7]++;
					counts[6] += held ? 1 : 0;
				}
			}
		}
		Map<Label, LabelResult> labels = new EnumMap<>(Label.class);
		for (Label label : Label.values()) {
			int[] c = perLabel[label.ordinal()];
			labels.put(label, new LabelResult(label, c[0], c[1], c[2], c[3]));
		}
		return new Evaluation(labels, counts);
	}

	public LabelResult result(Label label) {
		return this.labels.get(label);
	}

	/** Comments with at least one label that were held. */
	public int toxicHeld() {
		return this.toxicHeld;
	}

	public int toxicPublished() {
		return this.toxicPublished;
	}

	/** Civil comments (no label, not spam) that were held. */
	public int civilHeld() {
		return this.civilHeld;
	}

	public int civilPublished() {
		return this.civilPublished;
	}

	public double civilHeldShare() {
		return share(this.civilHeld, this.civilHeld + this.civilPublished);
	}

	/** Held share of the harsh-but-civil comments; NaN when there are none among the rows. */
	public double harshCivilHeldShare() {
		return (this.harshCivil == 0) ? Double.NaN : share(this.harshCivilHeld, this.harshCivil);
	}

	public int harshCivil() {
		return this.harshCivil;
	}

	public double spamHeldShare() {
		return (this.spam == 0) ? Double.NaN : share(this.spamHeld, this.spam);
	}

	public int spam() {
		return this.spam;
	}

	/** Share of the toxic comments held. */
	public double toxicHeldShare() {
		return share(this.toxicHeld, this.toxicHeld + this.toxicPublished);
	}

	/** Of the held comments (spam aside), the share that had a label. */
	public double heldPrecision() {
		return share(this.toxicHeld, this.toxicHeld + this.civilHeld);
	}

	private static double share(int part, int whole) {
		return (whole == 0) ? 0 : part / (double) whole;
	}
}
