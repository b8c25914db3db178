package dev.gazette.moderation.classifier;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One training or evaluation example: a comment's text and its six labels, as in the Jigsaw layout. A comment with no
 * label set is civil. The id is whatever the source calls the row ({@code t0001}, a comment id, a JSONL line number).
 */
public record LabelledComment(String id, String text, boolean toxic, boolean severeToxic, boolean obscene,
		boolean threat, boolean insult, boolean identityHate) {

	public LabelledComment {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(text, "text");
	}

	/** A comment a moderator approved, or any text known to be fine: every label 0. */
	public static LabelledComment civil(String id, String text) {
		return new LabelledComment(id, text, false, false, false, false, false, false);
	}

	/**
	 * A comment with these labels; {@code toxic} is implied by any other label, as in the shipped data. An empty set
	 * gives a civil comment.
	 */
	public static LabelledComment withLabels(String id, String text, Set<Label> labels) {
		boolean any = !labels.isEmpty();
		return new LabelledComment(id, text, any, labels.contains(Label.SEVERE_TOXIC), labels.contains(Label.OBSCENE),
				labels.contains(Label.THREAT), labels.contains(Label.INSULT), labels.contains(Label.IDENTITY_HATE));
	}

	/**
	 * A comment a moderator rejected: the labels they gave, or {@code toxic} and {@code insult} when they gave none,
	 * the commonest reason for a rejection.
	 */
	public static LabelledComment rejected(String id, String text, Set<Label> givenLabels) {
		return withLabels(id, text, givenLabels.isEmpty() ? EnumSet.of(Label.TOXIC, Label.INSULT) : givenLabels);
	}

	public boolean has(Label label) {
		return switch (label) {
			case TOXIC -> this.toxic;
			case SEVERE_TOXIC -> this.severeToxic;
			case OBSCENE -> this.obscene;
			case THREAT -> this.threat;
			case INSULT -> this.insult;
			case IDENTITY_HATE -> this.identityHate;
		};
	}

	public Set<Label> labels() {
		Set<Label> labels = EnumSet.noneOf(Label.class);
		for (Label label : Label.values()) {
			if (has(label)) {
				labels.add(label);
			}
		}
		return labels;
	}

	/** No label at all: the comment should be published. */
	public boolean isCivil() {
		return !(this.toxic || this.severeToxic || this.obscene || this.threat || this.insult || this.identityHate);
	}
}
