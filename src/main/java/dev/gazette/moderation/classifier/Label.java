package dev.gazette.moderation.classifier;

import java.util.Locale;

/**
 * What the classifier scores: the six columns of the Jigsaw toxic-comment layout, in that order. The order is part of
 * the persisted model format ({@link ModelCodec}), so new labels go at the end.
 */
public enum Label {

	TOXIC("toxic", "toxic"),

	SEVERE_TOXIC("severe_toxic", "severely toxic"),

	OBSCENE("obscene", "obscenity"),

	THREAT("threat", "threat"),

	INSULT("insult", "personal attack"),

	IDENTITY_HATE("identity_hate", "identity attack");

	private static final Label[] ALL = values();

	private final String column;

	private final String description;

	Label(String column, String description) {
		this.column = column;
		this.description = description;
	}

	/** The column name in the Jigsaw CSV layout and in JSONL label objects, e.g. {@code identity_hate}. */
	public String column() {
		return this.column;
	}

	/** What a moderator calls it, e.g. “identity attack”. */
	public String description() {
		return this.description;
	}

	/** The label with this column name ({@code insult}, {@code identity_hate}, …; case and spaces ignored). */
	public static Label fromColumn(String column) {
		String wanted = column.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
		for (Label label : ALL) {
			if (label.column.equals(wanted)) {
				return label;
			}
		}
		throw new IllegalArgumentException("Unknown label '" + column + "'; expected one of toxic, severe_toxic, "
				+ "obscene, threat, insult, identity_hate");
	}

	static int count() {
		return ALL.length;
	}

	static Label at(int ordinal) {
		return ALL[ordinal];
	}
}
