package dev.gazette.moderation.classifier;

import java.util.Arrays;
import java.util.List;

/**
 * Text to hashed sparse vectors: word unigrams, word bigrams within a sentence, and character n-grams inside each
 * word with its boundary markers (“^id”, “idi”, …, “ot$”), all of the {@link TextNormalizer normalised} text. A word
 * the {@link Vocabulary} calls rare also counts as the word “rare”, alone and in bigrams (“absolute (rare)”).
 * <p>
 * Every feature is hashed with MurmurHash3 into {@code 2^hashBits} buckets; one bit of the hash gives a sign, so that
 * two features that collide tend to cancel out rather than add up. A feature that occurs {@code tf} times counts
 * {@code 1 + ln tf}, character n-grams are weighted by {@link FeatureSettings#charWeight()}, and the vector is scaled
 * to unit length, so that a long comment does not score higher for being long.
 * <p>
 * No string is made per feature: each feature becomes one {@code int} key, {@code bucket << 3 | group << 1 | sign},
 * in token order, and a vector is made from a range of keys (the whole comment, or one sentence) with two small hash
 * tables.
 */
final class Features {

	private static final int WORD = 0;

	private static final int BIGRAM = 1;

	private static final int CHARS = 2;

	/** Features that stand for rare words: “rare” alone and in word pairs. */
	private static final int BACKOFF = 3;

	private static final int WORD_SEED = 0x5bd1e995;

	private static final int BIGRAM_SEED = 0x27d4eb2f;

	private static final int CHARS_SEED = 0x165667b1;

	/** The hash that stands for any rare word ({@link Vocabulary}). */
	private static final int RARE = Hashing.word("\u0000rare", WORD_SEED);

	/** The one token every name of a group becomes ({@link Lexicon}). */
	private static final int GROUP = Hashing.word("\u0000group", WORD_SEED);

	/** What a dehumanising word also counts as. */
	private static final int DEHUMANISING = Hashing.word("\u0000dehumanising", WORD_SEED);

	/** What the second person also counts as. */
	private static final int YOU = Hashing.word("\u0000you", WORD_SEED);

	/** A sentence in which a group meets a dehumanising word. */
	private static final int GROUP_DEHUMANISED = Hashing.word("\u0000group\u00d7dehumanising", WORD_SEED);

	/** A sentence in which the second person meets a dehumanising word. */
	private static final int YOU_DEHUMANISED = Hashing.word("\u0000you\u00d7dehumanising", WORD_SEED);

	/** What a word of reported speech or complaint also counts as. */
	private static final int REPORTING = Hashing.word("\u0000reporting", WORD_SEED);

	/** A sentence that reports or quotes dehumanising words. */
	private static final int REPORTED_DEHUMANISING = Hashing.word("\u0000reporting\u00d7dehumanising", WORD_SEED);

	/** A sentence in which the second person meets a group (“you people”, “you Armenians”, “your kind”). */
	private static final int YOU_GROUP = Hashing.word("\u0000you\u00d7group", WORD_SEED);

	private Features() {
	}

	/** The feature keys of a text in token order, and the key offset at which each sentence ends. */
	record Keys(int[] keys, int count, int[] sentenceEnds) {

		int sentences() {
			return this.sentenceEnds.length;
		}

		int sentenceStart(int sentence) {
			return (sentence == 0) ? 0 : this.sentenceEnds[sentence - 1];
		}
	}

	/** The hash a token counts as, its own or, for the name of a group with a lexicon, the group's. */
	static int wordHash(String token, FeatureSettings settings) {
		if (settings.usesLexicon() && Lexicon.kindOf(token) == Lexicon.Kind.GROUP) {
			return GROUP;
		}
		return Hashing.word(token, WORD_SEED);
	}

	/** The keys of every feature of the text, in order, and where its sentences end. */
	static Keys keys(String text, FeatureSettings settings, Vocabulary vocabulary) {
		TextNormalizer.Tokenized tokenized = TextNormalizer.tokenize(TextNormalizer.normalize(text));
		List<String> tokens = tokenized.tokens();
		int[] keys = new int[estimate(tokens, settings)];
		int[] sentenceEnds = new int[tokenized.sentenceEnds().length];
		int count = 0;
		int mask = settings.dimensions() - 1;
		int previous = 0;
		boolean previousRare = false;
		int sentence = 0;
		boolean lexicon = settings.usesLexicon();
		int seen = 0;
		for (int t = 0; t < tokens.size(); t++) {
			boolean sentenceStart = (t == 0);
			while (sentence < sentenceEnds.length && t == tokenized.sentenceEnds()[sentence]) {
				count = addMeetings(seen, mask, keys, count);
				seen = 0;
				sentenceEnds[sentence++] = count;
				sentenceStart = true;
			}
			String token = tokens.get(t);
			Lexicon.Kind kind = lexicon ? Lexicon.kindOf(token) : Lexicon.Kind.NONE;
			seen |= 1 << kind.ordinal();
			int word = (kind == Lexicon.Kind.GROUP) ? GROUP : Hashing.word(token, WORD_SEED);
			boolean rare = vocabulary.isRare(word);
			keys[count++] = key(word, mask, WORD);
			if (kind == Lexicon.Kind.DEHUMANISING || kind == Lexicon.Kind.YOU || kind == Lexicon.Kind.REPORTING) {
				keys[count++] = key(classHash(kind), mask, WORD);
			}
			if (rare) {
				keys[count++] = key(RARE, mask, BACKOFF);
			}
			if (settings.maxWordNgram() >= 2 && !sentenceStart) {
				keys[count++] = key(Hashing.pair(previous, word, BIGRAM_SEED), mask, BIGRAM);
				if (rare || previousRare) {
					keys[count++] = key(Hashing.pair(previousRare ? RARE : previous, rare ? RARE : word, BIGRAM_SEED),
							mask, BACKOFF);
				}
			}
			previous = word;
			previousRare = rare;
			if (settings.maxCharNgram() > 0 && kind != Lexicon.Kind.GROUP
					&& Character.isLetterOrDigit(token.codePointAt(0))) {
				count = addCharGrams(token, settings, keys, count);
			}
		}
		count = addMeetings(seen, mask, keys, count);
		while (sentence < sentenceEnds.length) {
			sentenceEnds[sentence++] = count;
		}
		return new Keys(keys, count, sentenceEnds);
	}

	/**
	 * Adds the features of a sentence's meetings between word classes ({@link Lexicon}): {@code seen} has bit
	 * {@code kind.ordinal()} set for each class the sentence has.
	 */
	private static int addMeetings(int seen, int mask, int[] keys, int count) {
		boolean group = (seen & (1 << Lexicon.Kind.GROUP.ordinal())) != 0;
		boolean dehumanising = (seen & (1 << Lexicon.Kind.DEHUMANISING.ordinal())) != 0;
		boolean you = (seen & (1 << Lexicon.Kind.YOU.ordinal())) != 0;
		if (group && dehumanising) {
			keys[count++] = key(GROUP_DEHUMANISED, mask, WORD);
		}
		if (you && dehumanising) {
			keys[count++] = key(YOU_DEHUMANISED, mask, WORD);
		}
		if (you && group) {
			keys[count++] = key(YOU_GROUP, mask, WORD);
		}
		if (dehumanising && (seen & (1 << Lexicon.Kind.REPORTING.ordinal())) != 0) {
			keys[count++] = key(REPORTED_DEHUMANISING, mask, WORD);
		}
		return count;
	}

	private static int classHash(Lexicon.Kind kind) {
		return switch (kind) {
			case YOU -> YOU;
			case DEHUMANISING -> DEHUMANISING;
			case REPORTING -> REPORTING;
			default -> throw new IllegalArgumentException(kind.name());
		};
	}

	/** Adds the character n-grams of a word with its boundary markers; returns the new number of keys. */
	private static int addCharGrams(String token, FeatureSettings settings, int[] keys, int count) {
		int mask = settings.dimensions() - 1;
		int padded = token.length() + 2;
		for (int n = settings.minCharNgram(); n <= settings.maxCharNgram() && n <= padded; n++) {
			for (int from = 0; from + n <= padded; from++) {
				keys[count++] = key(Hashing.charGram(token, from, n, CHARS_SEED), mask, CHARS);
			}
		}
		return count;
	}

	private static int estimate(List<String> tokens, FeatureSettings settings) {
		int keys = 4 * (tokens.size() + 1);
		int grams = Math.max(0, settings.maxCharNgram() - settings.minCharNgram() + 1);
		for (String token : tokens) {
			keys += 5 + grams * (token.length() + 2);
		}
		return keys;
	}

	private static int key(int hash, int mask, int group) {
		return ((hash & mask) << 3) | (group << 1) | (hash >>> 31);
	}

	/**
	 * The unit-length vector of the keys {@code from} (inclusive) to {@code to}. Occurrences are counted in an
	 * open-addressing table keyed by feature, and the values summed in a second one keyed by bucket (two features of
	 * one comment may share a bucket); both are sized to a power of two at least twice the number of keys, so probes
	 * stay short. The entries come out in no particular order; nothing needs them sorted.
	 */
	static SparseVector vector(Keys source, int from, int to, FeatureSettings settings) {
		int[] keys = source.keys();
		int capacity = Integer.highestOneBit(Math.max(1, to - from) * 2 - 1) << 1;
		int mask = capacity - 1;
		int[] featureOf = new int[capacity];
		int[] occurrences = new int[capacity];
		Arrays.fill(featureOf, -1);
		for (int k = from; k < to; k++) {
			int slot = mix(keys[k]) & mask;
			while (featureOf[slot] != -1 && featureOf[slot] != keys[k]) {
				slot = (slot + 1) & mask;
			}
			featureOf[slot] = keys[k];
			occurrences[slot]++;
		}
		// Second table: values summed per bucket, rare-word features apart from the others.
		int[] entryOf = new int[capacity];
		float[] valueOf = new float[capacity];
		Arrays.fill(entryOf, -1);
		int[] slots = new int[to - from];
		int size = 0;
		int backoff = 0;
		for (int slot = 0; slot < capacity; slot++) {
			int key = featureOf[slot];
			if (key == -1) {
				continue;
			}
			int group = (key >>> 1) & 3;
			float value = termWeight(occurrences[slot]) * ((group == CHARS) ? settings.charWeight() : 1f);
			int entry = ((key >>> 3) << 1) | ((group == BACKOFF) ? 1 : 0);
			int at = mix(entry) & mask;
			while (entryOf[at] != -1 && entryOf[at] != entry) {
				at = (at + 1) & mask;
			}
			if (entryOf[at] == -1) {
				entryOf[at] = entry;
				slots[size++] = at;
				backoff += entry & 1;
			}
			valueOf[at] += ((key & 1) != 0) ? -value : value;
		}
		int[] indices = new int[size];
		float[] values = new float[size];
		int regular = 0;
		int rare = size - backoff;
		double squares = 0;
		for (int k = 0; k < size; k++) {
			int at = slots[k];
			int position = ((entryOf[at] & 1) == 0) ? regular++ : rare++;
			indices[position] = entryOf[at] >>> 1;
			values[position] = valueOf[at];
			squares += valueOf[at] * valueOf[at];
		}
		if (squares > 0) {
			float scale = (float) (1 / Math.sqrt(squares));
			for (int k = 0; k < size; k++) {
				values[k] *= scale;
			}
		}
		return new SparseVector(indices, values, size, size - backoff);
	}

	/** Spreads the bits of a key over a table slot (the bucket bits alone are already uniform; the low three are not). */
	private static int mix(int key) {
		return (key ^ (key >>> 16)) * 0x45d9f3b;
	}

	/** Sublinear term frequency, {@code 1 + ln tf}. */
	private static float termWeight(int occurrences) {
		return (occurrences == 1) ? 1f : (float) (1 + Math.log(occurrences));
	}
}
