package dev.gazette.moderation.classifier;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The words a model has seen often enough to know, as hashes. Any other word is <em>rare</em>, and besides its own
 * features it also counts as the one word “rare”: “absolute muppet” in training also teaches “absolute (rare)”, which
 * then says something about “absolute nitwit”, a word training never showed.
 */
final class Vocabulary {

	static final Vocabulary NONE = new Vocabulary(new int[0], false);

	private final int[] words;

	private final boolean enabled;

	private Vocabulary(int[] sortedWords, boolean enabled) {
		this.words = sortedWords;
		this.enabled = enabled;
	}

	static Vocabulary of(int[] sortedWords) {
		return new Vocabulary(sortedWords, true);
	}

	/** The words that occur in at least {@code minDocuments} of these texts. */
	static Vocabulary build(List<String> texts, FeatureSettings settings) {
		int minDocuments = settings.minWordDocuments();
		if (minDocuments <= 0) {
			return NONE;
		}
		Map<Integer, Integer> documents = new HashMap<>();
		for (String text : texts) {
			TextNormalizer.tokensOfNormalized(TextNormalizer.normalize(text))
				.stream()
				.mapToInt(token -> Features.wordHash(token, settings))
				.distinct()
				.forEach(word -> documents.merge(word, 1, Integer::sum));
		}
		int[] frequent = documents.entrySet()
			.stream()
			.filter(entry -> entry.getValue() >= minDocuments)
			.mapToInt(Map.Entry::getKey)
			.sorted()
			.toArray();
		return of(frequent);
	}

	boolean isRare(int wordHash) {
		return this.enabled && Arrays.binarySearch(this.words, wordHash) < 0;
	}

	boolean enabled() {
		return this.enabled;
	}

	int[] words() {
		return this.words.clone();
	}
}
