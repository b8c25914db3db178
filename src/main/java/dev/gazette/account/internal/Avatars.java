package dev.gazette.account.internal;

import java.util.List;
import java.util.Locale;

import dev.gazette.portrait.Portraits;
import dev.gazette.refusal.FieldProblem;
import dev.gazette.account.AccountProblem;

import org.springframework.stereotype.Component;

/**
 * Avatars: an uploaded picture becomes a square PNG {@link Portraits portrait} (which also drops any EXIF data such
 * as location).
 * Without an upload, the avatar is the initials of the display name on a colour of its own.
 */
@Component
public class Avatars {

	private static final List<String> COLOURS = List.of("#8a1c1c", "#0b4f8a", "#5b2a86", "#1d6b3a", "#8a4b0b",
			"#2f4f4f", "#7a1f5c", "#3b5b0b");

	/** @throws AccountProblem when the bytes are not a picture Gazette can read, or too large */
	public byte[] normalise(byte[] upload) {
		try {
			return Portraits.square(upload);
		}
		catch (Portraits.Unusable ex) {
			throw problem(ex.getMessage());
		}
	}

	/** One or two letters: the first letters of the first two words of the name. */
	public static String initials(String displayName) {
		String[] words = displayName.strip().split("\\s+");
		StringBuilder initials = new StringBuilder();
		for (int i = 0; i < Math.min(2, words.length); i++) {
			if (!words[i].isEmpty()) {
				initials.appendCodePoint(words[i].codePointAt(0));
			}
		}
		return initials.toString().toUpperCase(Locale.ROOT);
	}

	public static String colour(long accountId) {
		return COLOURS.get((int) Math.floorMod(accountId * 2654435761L, COLOURS.size()));
	}

	private static AccountProblem problem(String message) {
		return new AccountProblem(message, List.of(new FieldProblem("avatar", message)));
	}
}
