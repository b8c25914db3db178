package dev.gazette.moderation.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dev.gazette.comment.Screening.Concern;
import dev.gazette.moderation.classifier.Label;

/**
 * The rules of the discussion guidelines ({@code /guidelines}, section “Not allowed”) that the automatic checks look
 * for, each in one plain sentence: what a nudge and the console name when a comment may break one. The sentences
 * follow the seeded guidelines page; an editor who rewrites that page should keep them in step.
 */
public enum Guideline {

	PERSONAL_ATTACKS("personal-attacks", "a personal attack",
			"Argue with ideas and claims, not with the people making them: no insults, name-calling or mockery of "
					+ "other readers or the author."),

	ATTACKS_ON_PEOPLES("attacks-on-peoples", "an attack on a people or a faith",
			"Criticise governments, armies and policies as harshly as you like, but do not attack a people, "
					+ "nationality, ethnicity or faith as such."),

	DEHUMANISING_WORDS("dehumanising-words", "dehumanising talk",
			"Do not use dehumanising words about people or peoples, such as “vermin” or “go back to your cave”."),

	THREATS("threats", "a threat", "No threats, no wishes of harm, and never telling anyone to hurt themselves."),

	OBSCENITY("obscenity", "obscenity", "Keep comments free of obscenity.");

	/** Where the rules are: the guidelines page's “Not allowed” section. */
	static final String URL = "/guidelines#not-allowed";

	private final String key;

	private final String reason;

	private final String text;

	Guideline(String key, String reason, String text) {
		this.key = key;
		this.reason = reason;
		this.text = text;
	}

	/** The rule a classifier label stands for; the umbrella “toxic” and “severely toxic” are personal attacks. */
	public static Guideline of(Label label) {
		return switch (label) {
			case IDENTITY_HATE -> ATTACKS_ON_PEOPLES;
			case THREAT -> THREATS;
			case OBSCENE -> OBSCENITY;
			case INSULT, TOXIC, SEVERE_TOXIC -> PERSONAL_ATTACKS;
		};
	}

	/** The guideline with this key, if there is one. */
	public static Optional<Guideline> fromKey(String key) {
		return Arrays.stream(values()).filter(guideline -> guideline.key.equals(key)).findFirst();
	}

	/** What the reader is told, and the moderator shown, when {@code parts} of a comment may break this rule. */
	public Concern concern(List<String> parts) {
		return new Concern(reason, parts, key, text, URL);
	}

	/** A stable name for the API and the stored record, e.g. {@code personal-attacks}. */
	public String key() {
		return key;
	}

	/** What the comment may read as, e.g. “a personal attack”. */
	public String reason() {
		return reason;
	}

	/** The rule in one sentence. */
	public String text() {
		return text;
	}
}
