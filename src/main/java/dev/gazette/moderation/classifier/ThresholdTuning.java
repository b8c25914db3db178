package dev.gazette.moderation.classifier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Picks hold thresholds from the training data alone (never the evaluation set), by cross-validation: the examples
 * are dealt into k folds, a model is trained on all folds but one and scores the one left out, so every example gets
 * a score from a model that did not see it. This is repeated with the examples dealt differently and the scores
 * pooled, which steadies thresholds that depend on the few highest-scoring civil comments.
 * <p>
 * Two things keep those scores honest about new text. Examples that share a sentence are dealt into the same fold
 * ({@link #foldsOf}), so a left-out toxic comment is not one the model saw with a different opening; and civil
 * examples that repeat a sentence of a toxic example are left out of the count ({@link #countedForTuning}).
 * <p>
 * On the pooled scores the thresholds are chosen to hold as many toxic comments as possible while holding at most a
 * given share of the civil ones: start from thresholds at which each label alone would hold the same number of civil
 * comments, chosen so that together they keep to the budget, then move one label's threshold at a time (over every
 * score that occurs) as long as more toxic comments are held within the budget.
 * <p>
 * Its length is the cross-validation and the search over thresholds, two halves of one procedure that only make sense
 * read together.
 */
public final class ThresholdTuning {

	private static final int LABELS = Label.count();

	/** A sentence shared by more rows than this is a stock phrase and does not keep its rows in one fold. */
	static final int SHARED_SENTENCE_LIMIT = 3;

	private ThresholdTuning() {
	}

	/**
	 * The thresholds and what they do on the out-of-fold scores they were chosen on (an optimistic estimate: the
	 * evaluation set gives the honest one).
	 */
	public record Result(Thresholds thresholds, double toxicHeldShare, double civilHeldShare) {
	}

	/**
	 * Thresholds for a model trained on {@code examples} with {@code options}: {@code repeats} rounds of
	 * {@code folds}-fold cross-validation, each with the examples dealt into folds differently, pooled.
	 */
	public static Result tune(List<LabelledComment> examples, TrainingOptions options, int folds, int repeats,
			double civilBudget) {
		return tune(examples, options, folds, repeats, civilBudget, false);
	}

	/**
	 * As {@link #tune(List, TrainingOptions, int, int, double)}; with {@code counterfactuals}, each fold's model is
	 * trained on the other folds and their {@link Counterfactuals counterfactual copies}, as the shipped model is (the
	 * copies are made after the split, so no copy of a left-out comment is trained on).
	 */
	public static Result tune(List<LabelledComment> examples, TrainingOptions options, int folds, int repeats,
			double civilBudget, boolean counterfactuals) {
		boolean[] counted = countedForTuning(examples);
		List<LabelledComment> pooledExamples = new ArrayList<>();
		List<Scores> pooledScores = new ArrayList<>();
		for (int round = 0; round < repeats; round++) {
			List<Scores> scores = outOfFoldScores(examples, options, folds, options.seed() + round, counterfactuals);
			for (int i = 0; i < examples.size(); i++) {
				if (counted[i]) {
					pooledExamples.add(examples.get(i));
					pooledScores.add(scores.get(i));
				}
			}
		}
		Thresholds thresholds = choose(pooledExamples, pooledScores, civilBudget);
		int toxic = 0;
		int toxicHeld = 0;
		int civil = 0;
		int civilHeld = 0;
		for (int i = 0; i < pooledExamples.size(); i++) {
			boolean held = thresholds.holds(pooledScores.get(i));
			if (pooledExamples.get(i).isCivil()) {
				civil++;
				civilHeld += held ? 1 : 0;
			}
			else {
				toxic++;
				toxicHeld += held ? 1 : 0;
			}
		}
		return new Result(thresholds, toxicHeld / (double) Math.max(1, toxic), civilHeld / (double) Math.max(1, civil));
	}

	/**
	 * All toxic examples, and the civil ones that share no sentence with a toxic one. The shipped data reuses civil
	 * sentences as the opening of toxic comments, so a model trained on the other folds has seen such a sentence in a
	 * comment labelled toxic, and scores the civil comment that repeats it higher than it would a new civil comment.
	 * Counted, those few comments would set the thresholds for all the others.
	 */
	static boolean[] countedForTuning(List<LabelledComment> examples) {
		Set<String> toxicSentences = new HashSet<>();
		for (LabelledComment example : examples) {
			if (!example.isCivil()) {
				toxicSentences.addAll(sentences(example.text()));
			}
		}
		boolean[] counted = new boolean[examples.size()];
		for (int i = 0; i < counted.length; i++) {
			LabelledComment example = examples.get(i);
			counted[i] = !example.isCivil() || Collections.disjoint(toxicSentences, sentences(example.text()));
		}
		return counted;
	}

	/** For each example, the scores of a model trained on the other folds; {@code dealing} seeds the folds. */
	static List<Scores> outOfFoldScores(List<LabelledComment> examples, TrainingOptions options, int folds,
			long dealing) {
		return outOfFoldScores(examples, options, folds, dealing, false);
	}

	static List<Scores> outOfFoldScores(List<LabelledComment> examples, TrainingOptions options, int folds,
			long dealing, boolean counterfactuals) {
		if (folds < 2 || folds > examples.size()) {
			throw new IllegalArgumentException("Cannot make " + folds + " folds of " + examples.size() + " examples");
		}
		int[] foldOf = foldsOf(examples, folds, dealing);
		Scores[] scores = new Scores[examples.size()];
		// The folds' trainings are independent and seeded: they run on every core at once, and each writes only the
		// scores of its own fold.
		ForkJoinPool pool = new ForkJoinPool(Math.min(folds, Runtime.getRuntime().availableProcessors()));
		try {
			pool.submit(() -> IntStream.range(0, folds).parallel().forEach(fold -> {
				List<LabelledComment> training = new ArrayList<>();
				for (int i = 0; i < examples.size(); i++) {
					if (foldOf[i] != fold) {
						training.add(examples.get(i));
					}
				}
				if (counterfactuals) {
					training.addAll(Counterfactuals.of(List.copyOf(training)));
				}
				Model model = Trainer.train(training, options);
				for (int i = 0; i < examples.size(); i++) {
					if (foldOf[i] == fold) {
						scores[i] = model.score(examples.get(i).text());
					}
				}
			})).join();
		}
		finally {
			pool.shutdown();
		}
		return Arrays.asList(scores);
	}

	/**
	 * Deals the examples into folds so that examples that share a sentence stay together, so that a model is scored on
	 * wording it has not seen, as it will be on new comments. The shipped data is composed of hand-written sentences,
	 * and most toxic ones occur in about two rows: with rows dealt one by one, nearly every toxic sentence of a left-out
	 * fold would have been seen in training, and thresholds tuned on those scores are too high for new text.
	 * Sentences found in more than {@value #SHARED_SENTENCE_LIMIT} rows (stock openings and endings such as “Think
	 * about that.”) do not bind their rows, or every row would end up in one group. Groups are dealt largest first,
	 * each to the fold with the fewest examples, in an order shuffled by {@code dealing}.
	 */
	static int[] foldsOf(List<LabelledComment> examples, int folds, long dealing) {
		int n = examples.size();
		int[] group = new int[n];
		for (int i = 0; i < n; i++) {
			group[i] = i;
		}
		Map<String, List<Integer>> rowsBySentence = new HashMap<>();
		for (int i = 0; i < n; i++) {
			for (String sentence : sentences(examples.get(i).text())) {
				rowsBySentence.computeIfAbsent(sentence, key -> new ArrayList<>()).add(i);
			}
		}
		for (List<Integer> rows : rowsBySentence.values()) {
			if (rows.size() <= SHARED_SENTENCE_LIMIT) {
				for (int row : rows) {
					union(group, rows.get(0), row);
				}
			}
		}
		Map<Integer, List<Integer>> members = new LinkedHashMap<>();
		for (int i = 0; i < n; i++) {
			members.computeIfAbsent(root(group, i), key -> new ArrayList<>()).add(i);
		}
		List<List<Integer>> groups = new ArrayList<>(members.values());
		SplittableRandom random = new SplittableRandom(dealing ^ 0x9E3779B97F4A7C15L);
		for (int i = groups.size() - 1; i > 0; i--) {
			Collections.swap(groups, i, random.nextInt(i + 1));
		}
		groups.sort(Comparator.comparingInt(List<Integer>::size).reversed());
		int[] foldOf = new int[n];
		int[] sizes = new int[folds];
		for (List<Integer> rows : groups) {
			int smallest = 0;
			for (int fold = 1; fold < folds; fold++) {
				if (sizes[fold] < sizes[smallest]) {
					smallest = fold;
				}
			}
			for (int row : rows) {
				foldOf[row] = smallest;
			}
			sizes[smallest] += rows.size();
		}
		return foldOf;
	}

	/** The sentences of a text of two tokens or more, each as its normalised tokens. */
	private static Set<String> sentences(String text) {
		TextNormalizer.Tokenized tokenized = TextNormalizer.tokenize(TextNormalizer.normalize(text));
		Set<String> sentences = new HashSet<>();
		int start = 0;
		for (int end : tokenized.sentenceEnds()) {
			if (end - start >= 2) {
				sentences.add(String.join(" ", tokenized.tokens().subList(start, end)));
			}
			start = end;
		}
		return sentences;
	}

	private static void union(int[] group, int a, int b) {
		group[root(group, a)] = root(group, b);
	}

	private static int root(int[] group, int i) {
		while (group[i] != i) {
			group[i] = group[group[i]];
			i = group[i];
		}
		return i;
	}

	/** The thresholds that hold the most toxic examples while holding at most {@code civilBudget} of civil ones. */
	static Thresholds choose(List<LabelledComment> examples, List<Scores> scores, double civilBudget) {
		Table table = new Table(examples, scores);
		int allowed = (int) Math.floor(civilBudget * table.civilCount);
		double[] thresholds = equalShare(table, allowed);
		long best = table.objective(thresholds, allowed);
		boolean improved = true;
		for (int sweep = 0; improved && sweep < 20; sweep++) {
			improved = false;
			for (int label = 0; label < LABELS; label++) {
				double kept = thresholds[label];
				double bestValue = kept;
				for (double candidate : table.candidates[label]) {
					thresholds[label] = candidate;
					long value = table.objective(thresholds, allowed);
					if (value > best) {
						best = value;
						bestValue = candidate;
						improved = true;
					}
				}
				thresholds[label] = bestValue;
			}
		}
		return Thresholds.of(thresholds);
	}

	/** Thresholds at which each label alone holds the same number of civil examples, the most that fit the budget. */
	private static double[] equalShare(Table table, int allowed) {
		double[] best = table.civilQuantiles(table.civilCount);
		for (int each = 0; each <= table.civilCount; each++) {
			double[] thresholds = table.civilQuantiles(each);
			if (table.civilHeld(thresholds) > allowed) {
				break;
			}
			best = thresholds;
		}
		return best;
	}

	/** The scores as arrays, and what the search needs to know about them. */
	private static final class Table {

		final double[][] scores;

		final boolean[] toxic;

		final boolean[] civil;

		final int civilCount;

		/** Per label: every distinct score, and 1.0 (hold nothing on this label), ascending. */
		final double[][] candidates;

		/** Per label: the scores of the civil examples, descending. */
		final double[][] civilScores;

		Table(List<LabelledComment> examples, List<Scores> scores) {
			int n = examples.size();
			this.scores = new double[n][LABELS];
			this.toxic = new boolean[n];
			this.civil = new boolean[n];
			int civilCount = 0;
			for (int i = 0; i < n; i++) {
				for (int label = 0; label < LABELS; label++) {
					this.scores[i][label] = scores.get(i).get(Label.at(label));
				}
				this.civil[i] = examples.get(i).isCivil();
				this.toxic[i] = !this.civil[i];
				civilCount += this.civil[i] ? 1 : 0;
			}
			this.civilCount = civilCount;
			this.candidates = new double[LABELS][];
			this.civilScores = new double[LABELS][];
			for (int label = 0; label < LABELS; label++) {
				double[] values = new double[n + 1];
				double[] civilValues = new double[civilCount];
				int c = 0;
				for (int i = 0; i < n; i++) {
					values[i] = this.scores[i][label];
					if (this.civil[i]) {
						civilValues[c++] = this.scores[i][label];
					}
				}
				values[n] = 1.0;
				this.candidates[label] = Arrays.stream(values).sorted().distinct().toArray();
				Arrays.sort(civilValues);
				for (int a = 0, b = civilValues.length - 1; a < b; a++, b--) {
					double swap = civilValues[a];
					civilValues[a] = civilValues[b];
					civilValues[b] = swap;
				}
				this.civilScores[label] = civilValues;
			}
		}

		/** Thresholds just above the {@code each}-th highest civil score of each label. */
		double[] civilQuantiles(int each) {
			double[] thresholds = new double[LABELS];
			for (int label = 0; label < LABELS; label++) {
				double[] civilValues = this.civilScores[label];
				thresholds[label] = (each >= civilValues.length) ? 0
						: Math.min(1.0, Math.nextUp(civilValues[each]));
			}
			return thresholds;
		}

		int civilHeld(double[] thresholds) {
			int held = 0;
			for (int i = 0; i < this.scores.length; i++) {
				if (this.civil[i] && held(i, thresholds)) {
					held++;
				}
			}
			return held;
		}

		/**
		 * Toxic examples held, ahead of everything; then fewer civil ones held; -1 when over budget. Packed into one
		 * number so that comparing two settings is one comparison.
		 */
		long objective(double[] thresholds, int allowed) {
			int toxicHeld = 0;
			int civilHeld = 0;
			for (int i = 0; i < this.scores.length; i++) {
				if (held(i, thresholds)) {
					if (this.toxic[i]) {
						toxicHeld++;
					}
					else if (this.civil[i]) {
						civilHeld++;
					}
				}
			}
			if (civilHeld > allowed) {
				return -1;
			}
			return (long) toxicHeld * (this.civilCount + 1) + (this.civilCount - civilHeld);
		}

		private boolean held(int i, double[] thresholds) {
			for (int label = 0; label < LABELS; label++) {
				if (this.scores[i][label] >= thresholds[label]) {
					return true;
				}
			}
			return false;
		}
	}
}
