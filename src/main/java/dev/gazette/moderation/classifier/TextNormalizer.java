package dev.gazette.moderation.classifier;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Folds the ways people disguise a word back to the word, so that “İdiot”, “1d10t”, “i d i o t”, “i-d-i-o-t” and
 * “idiooooot” meet “idiot” — for the classifier's features and for the banned-word matcher alike.
 * <p>
 * In order:
 * <ol>
 * <li>compatibility decomposition (NFKD) and lower case ({@link Locale#ROOT}), then combining marks, zero-width and
 * other format characters dropped: “İ”, “ş”, “é”, fullwidth “ｉｄｉｏｔ” and mathematical bold letters fold to plain
 * ASCII; the few letters NFKD leaves alone (“ı”, “ß”, “ø”, “æ”, “ł”, …) are mapped by hand; any run of white space
 * becomes one space, or one line break if it had one;</li>
 * <li>three or more single letters or digits separated by the same one character (space, dot, hyphen or underscore)
 * are joined: “i d i o t”, “f.u.c.k”, “s-t-u-p-i-d”; two (“a b”, “U.S.”) are left alone;</li>
 * <li>inside a word that has at least one letter, l33t spellings become letters: 0→o, 1→i, 3→e, 4→a, 5→s, 7→t, $→s,
 * {@code @}→a (not at the start of a word, where it addresses someone: “@Levon”), and {@code !} between two letters
 * →i (“sh!t”). An apostrophe between letters is dropped (“don't” → “dont”). Numbers stay numbers (“1993”, “5-0”,
 * “$100”, “1990s”, “10am”);</li>
 * <li>{@code *} inside a word stays, as a letter of its own, so that “st*pid” and “f*ck” still share most of their
 * character n-grams with the word they hide;</li>
 * <li>runs of three or more of the same letter or symbol become two: “stuuupid” → “stuupid”, “!!!!” → “!!”.</li>
 * </ol>
 * Tokens are the maximal runs of letters, digits and inner {@code *}, plus each pictographic symbol (emoji) on its
 * own. Whole tokens, never substrings: “Scunthorpe” is one token and contains no other.
 * <p>
 * Its length is the steps above, each a short pass over the text in the order listed; they share the character tables
 * and stay in one place so the classifier and the word lists fold text the same way.
 */
public final class TextNormalizer {

	/** Units and ordinals after a number, which keep its digits as digits: “1990s”, “3rd”, “10am”, “5km”. */
	private static final Set<String> NUMBER_SUFFIXES = Set.of("s", "st", "nd", "rd", "th", "am", "pm", "k", "m", "bn",
			"km", "kg", "g", "mm", "cm", "ml", "h", "min", "gb", "mb", "x", "yo", "c", "f", "v");

	private TextNormalizer() {
	}

	/** The folded text: lower case, plain letters, one space between words, punctuation kept. */
	public static String normalize(String text) {
		String folded = fold(text);
		String joined = joinSpacedLetters(folded);
		String plain = undoLeet(joined);
		return collapseRepeats(plain);
	}

	/** The words and symbols of the folded text, in order. */
	public static List<String> tokens(String text) {
		return tokensOfNormalized(normalize(text));
	}

	/** Tokens of text that has already been through {@link #normalize(String)}. */
	static List<String> tokensOfNormalized(String normalized) {
		return tokenize(normalized).tokens();
	}

	/**
	 * The tokens of normalised text and where its sentences end: {@code sentenceEnds[k]} is the number of tokens up
	 * to the end of sentence {@code k}. A sentence ends at a full stop, question or exclamation mark, or line break.
	 */
	record Tokenized(List<String> tokens, int[] sentenceEnds) {
	}

	static Tokenized tokenize(String normalized) {
		List<String> tokens = new ArrayList<>();
		int[] ends = new int[8];
		int sentences = 0;
		boolean breakPending = false;
		int n = normalized.length();
		int i = 0;
		while (i < n) {
			int cp = normalized.codePointAt(i);
			int width = Character.charCount(cp);
			boolean word = isWordChar(cp);
			boolean symbol = !word && Character.getType(cp) == Character.OTHER_SYMBOL;
			if ((word || symbol) && breakPending) {
				if (sentences == ends.length) {
					ends = Arrays.copyOf(ends, sentences * 2);
				}
				ends[sentences++] = tokens.size();
				breakPending = false;
			}
			if (word) {
				int end = i + width;
				while (end < n && isWordChar(normalized.codePointAt(end))) {
					end += Character.charCount(normalized.codePointAt(end));
				}
				addWord(tokens, normalized, i, end);
				i = end;
				continue;
			}
			if (symbol) {
				tokens.add(normalized.substring(i, i + width));
			}
			else if (isSentenceEnd(cp) && !tokens.isEmpty() && (sentences == 0 || ends[sentences - 1] < tokens.size())) {
				breakPending = true;
			}
			i += width;
		}
		if (sentences == ends.length) {
			ends = Arrays.copyOf(ends, sentences + 1);
		}
		if (sentences == 0 || ends[sentences - 1] < tokens.size()) {
			ends[sentences++] = tokens.size();
		}
		return new Tokenized(tokens, Arrays.copyOf(ends, sentences));
	}

	private static boolean isSentenceEnd(int cp) {
		return cp == '.' || cp == '!' || cp == '?' || cp == '\n';
	}

	/** A word without the asterisks around it (“*really*” is emphasis, not a hidden letter). */
	private static void addWord(List<String> tokens, String text, int start, int end) {
		while (start < end && text.charAt(start) == '*') {
			start++;
		}
		while (end > start && text.charAt(end - 1) == '*') {
			end--;
		}
		if (start < end) {
			tokens.add(text.substring(start, end));
		}
	}

	private static boolean isWordChar(int cp) {
		return Character.isLetterOrDigit(cp) || cp == '*';
	}

	// 1. Unicode folding, lower case, white space.

	private static String fold(String text) {
		String decomposed = isAscii(text) ? text : Normalizer.normalize(text, Normalizer.Form.NFKD);
		String lower = decomposed.toLowerCase(Locale.ROOT);
		StringBuilder out = new StringBuilder(lower.length());
		boolean pendingSpace = false;
		boolean pendingBreak = false;
		for (int i = 0; i < lower.length();) {
			int cp = lower.codePointAt(i);
			i += Character.charCount(cp);
			if (Character.isWhitespace(cp) || Character.isISOControl(cp) || Character.isSpaceChar(cp)) {
				pendingSpace = out.length() > 0;
				pendingBreak |= pendingSpace && (cp == '\n' || cp == '\r' || cp == '\u2028' || cp == '\u2029');
				continue;
			}
			int type = Character.getType(cp);
			if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
				continue;
			}
			if (pendingSpace) {
				out.append(pendingBreak ? '\n' : ' ');
				pendingSpace = false;
				pendingBreak = false;
			}
			appendFolded(out, cp);
		}
		return out.toString();
	}

	private static boolean isAscii(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) >= 0x80) {
				return false;
			}
		}
		return true;
	}

	/** Letters that NFKD does not decompose, and typographic apostrophes and dashes. */
	private static void appendFolded(StringBuilder out, int cp) {
		switch (cp) {
			case 'ı' -> out.append('i');
			case 'ß' -> out.append("ss");
			case 'ø' -> out.append('o');
			case 'æ' -> out.append("ae");
			case 'œ' -> out.append("oe");
			case 'ł' -> out.append('l');
			case 'đ', 'ð' -> out.append('d');
			case 'þ' -> out.append("th");
			case 'ħ' -> out.append('h');
			case '\u2018', '\u2019', '\u02bc', '`', '\u00b4' -> out.append('\'');
			case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212' -> out.append('-');
			default -> out.appendCodePoint(cp);
		}
	}

	// 2. "i d i o t", "f.u.c.k", "s-t-u-p-i-d".

	private static String joinSpacedLetters(String text) {
		int n = text.length();
		StringBuilder out = null;
		int copied = 0;
		for (int i = 0; i < n; i++) {
			if (!isSingle(text, i) || i + 2 >= n || !isSeparator(text.charAt(i + 1))) {
				continue;
			}
			char separator = text.charAt(i + 1);
			int count = 1;
			int last = i;
			while (last + 2 < n && text.charAt(last + 1) == separator && isSingle(text, last + 2)) {
				last += 2;
				count++;
			}
			if (count >= 3) {
				if (out == null) {
					out = new StringBuilder(n);
				}
				out.append(text, copied, i);
				for (int k = i; k <= last; k += 2) {
					out.append(text.charAt(k));
				}
				copied = last + 1;
			}
			i = last;
		}
		if (out == null) {
			return text;
		}
		return out.append(text, copied, n).toString();
	}

	/** A letter or digit standing alone between non-word characters. */
	private static boolean isSingle(String text, int i) {
		return Character.isLetterOrDigit(text.charAt(i)) && (i == 0 || !isWordChar(text.charAt(i - 1)))
				&& (i + 1 == text.length() || !isWordChar(text.charAt(i + 1)));
	}

	private static boolean isSeparator(char c) {
		return c == ' ' || c == '.' || c == '-' || c == '_';
	}

	// 3. l33t spellings inside words.

	private static String undoLeet(String text) {
		int n = text.length();
		StringBuilder out = new StringBuilder(n);
		int i = 0;
		while (i < n) {
			if (!isLeetRunChar(text.charAt(i))) {
				out.append(text.charAt(i++));
				continue;
			}
			int end = i;
			while (end < n && isLeetRunChar(text.charAt(end))) {
				end++;
			}
			appendWord(out, text, i, end);
			i = end;
		}
		return out.toString();
	}

	private static boolean isLeetRunChar(char c) {
		return Character.isLetterOrDigit(c) || c == '@' || c == '$' || c == '!' || c == '*' || c == '\'';
	}

	private static void appendWord(StringBuilder out, String text, int start, int end) {
		if (!hasLetter(text, start, end) || isNumberWithUnit(text, start, end)) {
			out.append(text, start, end);
			return;
		}
		for (int i = start; i < end; i++) {
			char c = text.charAt(i);
			switch (c) {
				case '0' -> out.append('o');
				case '1' -> out.append('i');
				case '3' -> out.append('e');
				case '4' -> out.append('a');
				case '5', '$' -> out.append('s');
				case '7' -> out.append('t');
				case '@' -> out.append(i == start ? '@' : 'a');
				case '!' -> out.append(betweenLetters(text, i, start, end) ? 'i' : '!');
				case '\'' -> {
					if (!betweenLetters(text, i, start, end)) {
						out.append('\'');
					}
				}
				default -> out.append(c);
			}
		}
	}

	private static boolean hasLetter(String text, int start, int end) {
		for (int i = start; i < end; i++) {
			if (Character.isLetter(text.charAt(i))) {
				return true;
			}
		}
		return false;
	}

	/** “1990s”, “10am”, “3rd”, “5km”, “1990's”: digits, then a short unit or ordinal suffix. */
	private static boolean isNumberWithUnit(String text, int start, int end) {
		int i = start;
		while (i < end && Character.isDigit(text.charAt(i))) {
			i++;
		}
		if (i == start) {
			return false;
		}
		if (i < end && text.charAt(i) == '\'') {
			i++;
		}
		return NUMBER_SUFFIXES.contains(text.substring(i, end));
	}

	private static boolean betweenLetters(String text, int i, int start, int end) {
		return i > start && i + 1 < end && isLetterOrLeet(text.charAt(i - 1)) && isLetterOrLeet(text.charAt(i + 1));
	}

	private static boolean isLetterOrLeet(char c) {
		return Character.isLetter(c) || "013457$@".indexOf(c) >= 0;
	}

	// 4. "stuuupid", "!!!!".

	private static String collapseRepeats(String text) {
		StringBuilder out = new StringBuilder(text.length());
		int previous = -1;
		int run = 0;
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			i += Character.charCount(cp);
			run = (cp == previous) ? run + 1 : 1;
			previous = cp;
			if (run <= 2 || Character.isDigit(cp) || cp == ' ') {
				out.appendCodePoint(cp);
			}
		}
		return out.toString();
	}
}
