package dev.gazette.newsroom.internal;

/**
 * How long a body is to read: words are runs of characters between spaces that hold a letter or a digit (so Markdown
 * marks like {@code #} or {@code -} do not count), read at 200 a minute. The editor's script counts the same way.
 */
public record Words(int count, int minutes) {

	static final int PER_MINUTE = 200;

	public static Words in(String markdown) {
		int count = 0;
		if (markdown != null) {
			for (String token : markdown.split("\\s+")) {
				if (token.codePoints().anyMatch(Character::isLetterOrDigit)) {
					count++;
				}
			}
		}
		return new Words(count, count == 0 ? 0 : Math.max(1, (count + PER_MINUTE - 1) / PER_MINUTE));
	}
}
