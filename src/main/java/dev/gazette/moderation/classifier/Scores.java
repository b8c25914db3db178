package dev.gazette.moderation.classifier;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The classifier's probabilities (0–1) that a comment carries each label. Deciding what to do with them is the job of
 * {@link Thresholds}, not of the scores.
 */
public record Scores(double toxic, double severeToxic, double obscene, double threat, double insult,
		double identityHate) {

	static Scores of(double[] byOrdinal) {
		return new Scores(byOrdinal[0], byOrdinal[1], byOrdinal[2], byOrdinal[3], byOrdinal[4], byOrdinal[5]);
	}

	public double get(Label label) {
		return switch (label) {
			case TOXIC -> this.toxic;
			case SEVERE_TOXIC -> this.severeToxic;
			case OBSCENE -> this.obscene;
			case THREAT -> this.threat;
			case INSULT -> this.insult;
			case IDENTITY_HATE -> this.identityHate;
		};
	}

	/** The scores by column name ({@code toxic}, …, {@code identity_hate}), in label order, e.g. for a JSON audit. */
	public Map<String, Double> byColumn() {
		Map<String, Double> result = new LinkedHashMap<>();
		for (Label label : Label.values()) {
			result.put(label.column(), get(label));
		}
		return result;
	}
}
