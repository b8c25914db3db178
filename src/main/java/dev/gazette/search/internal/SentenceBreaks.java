package dev.gazette.search.internal;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;

/**
 * Where a snippet's passages may start and end: after a full stop, question or exclamation mark or ellipsis (Latin,
 * Arabic {@code ؟}, CJK {@code 。}) followed by a space or the end, and after a line break. Simpler than the JDK's
 * sentence rules (an abbreviation such as "Dr. " ends a passage here), and several times cheaper: the JDK's rules
 * were the largest part of highlighting a page of hits, which looks for passages around every occurrence of the words
 * in each hit's body.
 */
final class SentenceBreaks extends BreakIterator {

	private CharacterIterator text = new StringCharacterIterator("");

	private char[] chars = new char[0];

	private int begin;

	private int end;

	private int current;

	@Override
	public int first() {
		current = begin;
		return current;
	}

	@Override
	public int last() {
		current = end;
		return current;
	}

	@Override
	public int next(int n) {
		int result = current;
		for (int i = 0; i < n; i++) {
			result = next();
		}
		for (int i = 0; i > n; i--) {
			result = previous();
		}
		return result;
	}

	@Override
	public int next() {
		if (current >= end) {
			return DONE;
		}
		int i = current + 1;
		while (i < end && !breaksBefore(i)) {
			i++;
		}
		current = i;
		return current;
	}

	@Override
	public int previous() {
		if (current <= begin) {
			return DONE;
		}
		int i = current - 1;
		while (i > begin && !breaksBefore(i)) {
			i--;
		}
		current = i;
		return current;
	}

	@Override
	public int following(int offset) {
		check(offset);
		current = offset;
		return next();
	}

	@Override
	public int preceding(int offset) {
		check(offset);
		current = offset;
		return previous();
	}

	@Override
	public int current() {
		return current;
	}

	@Override
	public CharacterIterator getText() {
		return text;
	}

	@Override
	public void setText(CharacterIterator newText) {
		text = newText;
		begin = newText.getBeginIndex();
		end = newText.getEndIndex();
		chars = new char[end - begin];
		int i = 0;
		for (char c = newText.first(); c != CharacterIterator.DONE && i < chars.length; c = newText.next()) {
			chars[i++] = c;
		}
		current = begin;
	}

	@Override
	public Object clone() {
		SentenceBreaks copy = (SentenceBreaks) super.clone();
		copy.text = (CharacterIterator) text.clone();
		return copy;
	}

	/** Whether a passage may start at {@code i} (strictly between the text's ends). */
	private boolean breaksBefore(int i) {
		char before = chars[i - 1 - begin];
		if (before == '\n') {
			return true;
		}
		return ends(before) && Character.isWhitespace(chars[i - begin]);
	}

	private static boolean ends(char c) {
		return c == '.' || c == '?' || c == '!' || c == '…' || c == '؟' || c == '。';
	}

	private void check(int offset) {
		if (offset < begin || offset > end) {
			throw new IllegalArgumentException("offset " + offset + " is outside " + begin + ".." + end);
		}
	}
}
