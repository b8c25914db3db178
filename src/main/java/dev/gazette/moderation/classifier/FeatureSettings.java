package dev.gazette.moderation.classifier;

/**
 * How text becomes a feature vector; stored with every model, because a model only makes sense with the features it
 * was trained on.
 *
 * @param hashBits the vector has {@code 2^hashBits} dimensions (feature hashing)
 * @param maxWordNgram 1 for words only, 2 for words and word pairs
 * @param minCharNgram shortest character n-gram inside a word, counting the word-boundary markers
 * @param maxCharNgram longest character n-gram inside a word
 * @param charWeight how much the character n-grams weigh against the words before the vector is L2-normalised
 * @param minWordDocuments a word found in fewer training comments than this is rare, and also counts as the word
 * “rare” ({@link Vocabulary}); 0 for none of that
 * @param lexicon 0 for none; 1 for the word classes of {@link Lexicon}: names of groups become one token, dehumanising
 * words and the second person also count as their class, and a sentence where a group or “you” meets a dehumanising
 * word gets a feature for that
 */
public record FeatureSettings(int hashBits, int maxWordNgram, int minCharNgram, int maxCharNgram, float charWeight,
		int minWordDocuments, int lexicon) {

	public FeatureSettings {
		if (hashBits < 10 || hashBits > 28) {
			throw new IllegalArgumentException("hashBits must be 10–28, not " + hashBits);
		}
		if (maxWordNgram < 1 || maxWordNgram > 2) {
			throw new IllegalArgumentException("maxWordNgram must be 1 or 2, not " + maxWordNgram);
		}
		if (minCharNgram < 1 || maxCharNgram > 8 || (maxCharNgram != 0 && minCharNgram > maxCharNgram)) {
			throw new IllegalArgumentException("character n-grams " + minCharNgram + "–" + maxCharNgram);
		}
		if (minWordDocuments < 0) {
			throw new IllegalArgumentException("minWordDocuments must not be negative");
		}
		if (lexicon < 0 || lexicon > 1) {
			throw new IllegalArgumentException("lexicon must be 0 or 1, not " + lexicon);
		}
		if (!(charWeight >= 0)) {
			throw new IllegalArgumentException("charWeight must not be negative");
		}
	}

	/**
	 * 2^20 buckets, words and word pairs, character 2- to 5-grams at half the weight of words, words in fewer than 3
	 * training comments also counted as “rare”, the word classes of {@link Lexicon}.
	 */
	public static FeatureSettings defaults() {
		return new FeatureSettings(20, 2, 2, 5, 0.5f, 3, 1);
	}

	/** These settings with another {@link #lexicon()}. */
	public FeatureSettings withLexicon(int lexicon) {
		return new FeatureSettings(this.hashBits, this.maxWordNgram, this.minCharNgram, this.maxCharNgram,
				this.charWeight, this.minWordDocuments, lexicon);
	}

	boolean usesLexicon() {
		return this.lexicon > 0;
	}

	int dimensions() {
		return 1 << this.hashBits;
	}
}
