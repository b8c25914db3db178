package dev.gazette.moderation.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;

/**
 * A comment cut into its sentences, and short quotes of them to show back to the reader. Sentences follow Unicode's
 * rules (ICU), which know the full stops of every script, do not end a sentence at the dot of “3.5” or “e.g. this”,
 * and end one at a line break. A quote is cut between characters as a reader sees them (an emoji with its modifiers,
 * a letter with its accents), never inside one.
 */
public final class CommentParts {

	/** How long a quote may be, in characters as a reader counts them, before it is cut with an ellipsis. */
	public static final int QUOTE_LENGTH = 160;

	private static final Pattern SPACES = Pattern.compile("(?U)\\s+");

	private CommentParts() {
	}

	/** The sentences of {@code text}, in order, without surrounding space; blank ones left out. */
	public static List<String> sentences(String text) {
		BreakIterator boundaries = BreakIterator.getSentenceInstance(ULocale.ROOT);
		boundaries.setText(text);
		List<String> sentences = new ArrayList<>();
		int start = boundaries.first();
		for (int end = boundaries.next(); end != BreakIterator.DONE; start = end, end = boundaries.next()) {
			String sentence = text.substring(start, end).strip();
			if (!sentence.isEmpty()) {
				sentences.add(sentence);
			}
		}
		return sentences;
	}

	/**
	 * {@code text} on one line, at most {@link #QUOTE_LENGTH} characters: a longer one is cut at the last space
	 * before that (or, with no space near, between two characters) and ends with “…”.
	 */
	public static String quote(String text) {
		String line = SPACES.matcher(text.strip()).replaceAll(" ");
		BreakIterator characters = BreakIterator.getCharacterInstance(ULocale.ROOT);
		characters.setText(line);
		characters.first();
		int cut = characters.next(QUOTE_LENGTH);
		if (cut == BreakIterator.DONE || cut >= line.length()) {
			return line;
		}
		int space = line.lastIndexOf(' ', cut);
		if (space > cut * 3 / 4) {
			cut = space;
		}
		return line.substring(0, cut).strip() + "…";
	}
}
