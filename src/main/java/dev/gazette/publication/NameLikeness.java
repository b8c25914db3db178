package dev.gazette.publication;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * When two display names would look the same to a reader. A guest may not comment as "Leyla Məmmədova" when the
 * regional editor of that name answers readers in the thread, nor as "leyla mammadova", "Leyla Mәmmәdova" (with
 * Cyrillic schwas), "Lеyla" (Cyrillic e) or "Ley\u200Bla" (a zero-width space): each of these has the same
 * {@link #key(String) key} as the original.
 * <p>
 * The key is the Unicode TR39 skeleton (ICU's {@link SpoofChecker}, which maps confusable characters to one
 * prototype) of the name after invisible characters are removed, diacritics are stripped, the case is folded and
 * runs of spaces, dots, dashes and underscores become one space. Diacritics go before the skeleton because TR39
 * keeps "é" and "e" apart, and a reader does not. A few Latin letters that are not a letter plus a diacritic are
 * written as their usual plain transliteration ({@link #PLAIN_FROM}: "ə" as "a", as in Məmmədova, Mammadova). The key is
 * only ever compared, never shown.
 */
public final class NameLikeness {

	/** The longest key a display name (at most 120 characters) can give: skeletons may grow a few characters. */
	public static final int MAX_KEY = 480;

	/**
	 * Words only staff may use as a whole name or in one: a guest signing as "Moderator" or "Gazette Editor" is
	 * pretending to speak for the publication. The publication's own name is added by the caller.
	 */
	private static final List<String> STAFF_WORDS = List.of("admin", "administrator", "moderator", "moderators",
			"editor", "editors", "staff", "newsroom", "webmaster", "official");

	private static final SpoofChecker SPOOF = new SpoofChecker.Builder().build();

	private static final Normalizer2 NFKD = Normalizer2.getNFKDInstance();

	/**
	 * Letters with no decomposition that names are commonly written without (after case folding), and the plain
	 * letters used instead: {@code PLAIN_FROM.charAt(i)} is written {@code PLAIN_TO.charAt(i)}. "ǝ" is the TR39
	 * prototype of both the Latin and the Cyrillic schwa.
	 */
	private static final String PLAIN_FROM = "əǝøłđħ";

	private static final String PLAIN_TO = "aaoldh";

	private static final Set<String> STAFF_KEYS = STAFF_WORDS.stream().map(NameLikeness::key).collect(Collectors.toSet());

	private NameLikeness() {
	}

	/** The key under which names that look alike are equal; an empty string for a name of nothing visible. */
	public static String key(String name) {
		if (name == null) {
			return "";
		}
		StringBuilder plain = new StringBuilder(name.length());
		String decomposed = NFKD.normalize(name);
		boolean space = false;
		for (int i = 0; i < decomposed.length();) {
			int c = decomposed.codePointAt(i);
			i += Character.charCount(c);
			if (UCharacter.hasBinaryProperty(c, UProperty.DEFAULT_IGNORABLE_CODE_POINT)
					|| UCharacter.getType(c) == UCharacter.NON_SPACING_MARK
					|| UCharacter.getType(c) == UCharacter.ENCLOSING_MARK) {
				continue;
			}
			if (UCharacter.isUWhiteSpace(c) || c == '_' || c == '.' || c == '-') {
				space = plain.length() > 0;
				continue;
			}
			if (space) {
				plain.append(' ');
				space = false;
			}
			plain.appendCodePoint(c);
		}
		String folded = plainLetters(UCharacter.foldCase(plain.toString(), true));
		// The skeleton maps, among others, Cyrillic "е" to Latin "e", "m" to "rn" and both schwas to "ǝ"; fold
		// again, because a few prototypes are capitals.
		return plainLetters(UCharacter.foldCase(SPOOF.getSkeleton(folded), true));
	}

	private static String plainLetters(String text) {
		char[] chars = text.toCharArray();
		for (int i = 0; i < chars.length; i++) {
			int at = PLAIN_FROM.indexOf(chars[i]);
			if (at >= 0) {
				chars[i] = PLAIN_TO.charAt(at);
			}
		}
		return new String(chars);
	}

	/**
	 * Whether a guest's {@code name} uses a word reserved for staff, or the publication's name, as a whole word
	 * (compared by {@link #key(String) key}, so "M0derator" with a zero counts only if it looks like the word).
	 */
	public static boolean usesReservedWord(String name, String publicationName) {
		String key = key(name);
		if (key.isEmpty()) {
			return false;
		}
		String publication = key(publicationName);
		if (!publication.isEmpty() && (" " + key + " ").contains(" " + publication + " ")) {
			return true;
		}
		for (String word : key.split(" ")) {
			if (STAFF_KEYS.contains(word)) {
				return true;
			}
		}
		return false;
	}
}
