package dev.gazette.moderation.classifier;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sentences that tests and the identity-bias benchmark check are never trained on: not as a training row, not as
 * a counterfactual copy of one, and not as a near copy (word-3-gram Jaccard similarity above 0.6, the rule the data
 * set's README sets between training and evaluation). A check on a sentence the model was trained on measures its
 * memory, not what it learnt.
 */
class TrainingLeakTests {

	private static final double NEAR = 0.6;

	@Test
	void noTestSentenceIsInTheTrainingData() {
		List<String> checked = new ArrayList<>(HeldOutSentences.attacks());
		checked.addAll(HeldOutSentences.civil());
		assertThat(leaks(checked)).isEmpty();
	}

	@Test
	void noIdentityBiasSentenceIsInTheTrainingData() {
		assertThat(leaks(IdentityBias.sentences().stream().map(IdentityBias.Sentence::text).toList())).isEmpty();
	}

	/** The checked sentences that equal or nearly equal a training example, with the example. */
	private static List<String> leaks(List<String> checked) {
		List<LabelledComment> rows = Trainer.shippedData();
		List<Set<String>> training = rows.stream().map(row -> trigrams(row.text())).toList();
		Map<String, List<Integer>> rowsWith = new HashMap<>();
		for (int row = 0; row < training.size(); row++) {
			for (String trigram : training.get(row)) {
				rowsWith.computeIfAbsent(trigram, key -> new ArrayList<>()).add(row);
			}
		}
		List<String> leaks = new ArrayList<>();
		for (String sentence : checked) {
			Set<String> grams = trigrams(sentence);
			Map<Integer, Integer> shared = new HashMap<>();
			grams.forEach(gram -> rowsWith.getOrDefault(gram, List.of()).forEach(row -> shared.merge(row, 1, Integer::sum)));
			shared.forEach((row, count) -> {
				double jaccard = (double) count / (grams.size() + training.get(row).size() - count);
				if (jaccard > NEAR || training.get(row).equals(grams)) {
					leaks.add(sentence + "  ~  " + rows.get(row).text());
				}
			});
		}
		return leaks;
	}

	/** Word 3-grams of the lower-cased words; a text of fewer than three words is one “gram” of all of them. */
	private static Set<String> trigrams(String text) {
		String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}_]+");
		List<String> kept = new ArrayList<>();
		for (String word : words) {
			if (!word.isEmpty()) {
				kept.add(word);
			}
		}
		Set<String> grams = new HashSet<>();
		if (kept.size() < 3) {
			grams.add(String.join(" ", kept));
			return grams;
		}
		for (int i = 0; i + 3 <= kept.size(); i++) {
			grams.add(kept.get(i) + " " + kept.get(i + 1) + " " + kept.get(i + 2));
		}
		return grams;
	}
}
