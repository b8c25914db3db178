package dev.gazette.account;

import java.util.Locale;

/**
 * What an account may do beyond reading and commenting (every account is a reader). Spring Security sees each as
 * an authority {@code ROLE_NAME}, so {@code hasRole('MODERATOR')} reads as written.
 */
public enum Role {

	/** Every account: reads, comments, reports. Never stored; implied. */
	READER,
	/** An outside blogger: drafts and submits their own pieces. */
	CONTRIBUTOR,
	/** Staff writer: publishes their own pieces. */
	AUTHOR,
	/** Reviews, schedules and publishes anyone's pieces; manages sections and media. */
	EDITOR,
	/** Decides on held and reported comments; suspends commenters. */
	MODERATOR,
	/** Everything, including people and settings. */
	ADMIN;

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	public String authority() {
		return "ROLE_" + name();
	}

	public static Role fromKey(String key) {
		return valueOf(key.trim().toUpperCase(Locale.ROOT));
	}
}
