package dev.gazette.moderation.classifier;

/**
 * MurmurHash3 (x86, 32-bit) over UTF-16 code units, two to a 32-bit block, like Guava's {@code hashUnencodedChars}.
 * Character n-grams are hashed straight from the token with a virtual start and end marker around it, so no string is
 * made for any n-gram.
 */
final class Hashing {

	/** Marks the start and the end of a word in character n-grams: “^id”, “ot$”. Not a character text can contain. */
	static final char WORD_START = '\u0002';

	static final char WORD_END = '\u0003';

	private static final int C1 = 0xcc9e2d51;

	private static final int C2 = 0x1b873593;

	private Hashing() {
	}

	/** The hash of the whole token. */
	static int word(String token, int seed) {
		int h = seed;
		int n = token.length();
		int i = 0;
		for (; i + 1 < n; i += 2) {
			h = mixH(h, mixK(token.charAt(i) | (token.charAt(i + 1) << 16)));
		}
		if (i < n) {
			h ^= mixK(token.charAt(i));
		}
		return fmix(h ^ (n * 2));
	}

	/**
	 * The hash of {@code length} characters from position {@code from} of the token as it would be with a start marker
	 * before it and an end marker after it (position 0 is the start marker).
	 */
	static int charGram(String token, int from, int length, int seed) {
		int h = seed;
		int i = 0;
		for (; i + 1 < length; i += 2) {
			h = mixH(h, mixK(bounded(token, from + i) | (bounded(token, from + i + 1) << 16)));
		}
		if (i < length) {
			h ^= mixK(bounded(token, from + i));
		}
		return fmix(h ^ (length * 2));
	}

	/** A hash of two hashes, for a word bigram. */
	static int pair(int first, int second, int seed) {
		int h = mixH(seed, mixK(first));
		h = mixH(h, mixK(second));
		return fmix(h ^ 8);
	}

	private static int bounded(String token, int position) {
		if (position == 0) {
			return WORD_START;
		}
		if (position > token.length()) {
			return WORD_END;
		}
		return token.charAt(position - 1);
	}

	private static int mixK(int k) {
		k *= C1;
		k = Integer.rotateLeft(k, 15);
		return k * C2;
	}

	private static int mixH(int h, int k) {
		h ^= k;
		h = Integer.rotateLeft(h, 13);
		return h * 5 + 0xe6546b64;
	}

	private static int fmix(int h) {
		h ^= h >>> 16;
		h *= 0x85ebca6b;
		h ^= h >>> 13;
		h *= 0xc2b2ae35;
		return h ^ (h >>> 16);
	}
}
