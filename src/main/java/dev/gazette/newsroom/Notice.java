package dev.gazette.newsroom;

import java.util.Locale;

/**
 * What the newsroom tells people: editors that a piece was submitted; the writer (the account that started the piece)
 * that an editor left a note, sent it back, scheduled or published it. Each can be turned off, by each person, for
 * mail ({@code /settings/newsroom}); the dashboard lists them all the same.
 */
public enum Notice {

	SUBMITTED("A piece is submitted for review", "submitted", true),
	NOTE("An editor leaves a note on my piece", "has a note from", false),
	RETURNED("An editor sends my piece back to draft", "was sent back to draft by", false),
	SCHEDULED("An editor schedules my piece", "was scheduled by", false),
	PUBLISHED("An editor publishes my piece", "was published by", false);

	private final String setting;

	private final String verb;

	private final boolean forEditors;

	Notice(String setting, String verb, boolean forEditors) {
		this.setting = setting;
		this.verb = verb;
		this.forEditors = forEditors;
	}

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The line on the settings page. */
	public String setting() {
		return setting;
	}

	/** How the notice reads after the headline: "“Headline” was published by Eda Editor". */
	public String verb() {
		return verb;
	}

	/** Whether editors get it (else the writer). */
	public boolean forEditors() {
		return forEditors;
	}

	/** Whether this notice reads "submitted by X": the writer acted. */
	public boolean byWriter() {
		return this == SUBMITTED;
	}

	public static Notice fromKey(String key) {
		return valueOf(key.trim().toUpperCase(Locale.ROOT));
	}
}
