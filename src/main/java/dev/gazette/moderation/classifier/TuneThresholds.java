package dev.gazette.moderation.classifier;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tunes hold thresholds on the training data by cross-validation (never on the evaluation set) and prints them, as
 * they were put into {@link Thresholds#defaults()}.
 *
 * <pre>
 * java -cp target/classes dev.gazette.moderation.classifier.TuneThresholds [--train FILE ...] [--civil-budget 0.04]
 *     [--repeats 5] [--no-counterfactuals]
 * </pre>
 */
public final class TuneThresholds {

	static final int FOLDS = 5;

	static final int REPEATS = 5;

	/**
	 * The share of civil training comments the tuned thresholds may hold, out of fold. The target on new text is 5%;
	 * tuning to 4% leaves a margin for text unlike the training set.
	 */
	public static final double CIVIL_BUDGET = 0.04;

	private TuneThresholds() {
	}

	public static void main(String[] args) {
		List<LabelledComment> training = new ArrayList<>();
		double budget = CIVIL_BUDGET;
		int repeats = REPEATS;
		boolean counterfactuals = true;
		for (int i = 0; i < args.length; i += 2) {
			if (args[i].equals("--no-counterfactuals")) {
				counterfactuals = false;
				i--;
				continue;
			}
			if (i + 1 >= args.length) {
				throw new IllegalArgumentException("missing value after " + args[i]);
			}
			switch (args[i]) {
				case "--train" -> training.addAll(LabelledData.read(Path.of(args[i + 1])));
				case "--civil-budget" -> budget = Double.parseDouble(args[i + 1]);
				case "--repeats" -> repeats = Integer.parseInt(args[i + 1]);
				default -> throw new IllegalArgumentException("unknown option " + args[i] + "\nusage: TuneThresholds "
						+ "[--train FILE ...] [--civil-budget 0.04] [--repeats 5] [--no-counterfactuals]");
			}
		}
		if (training.isEmpty()) {
			training = ShippedData.training();
		}
		long start = System.nanoTime();
		ThresholdTuning.Result result = ThresholdTuning.tune(training, TrainingOptions.defaults(), FOLDS, repeats,
				budget, counterfactuals);
		Thresholds t = result.thresholds();
		System.out.printf(Locale.ROOT, "%d rows, %d x %d-fold cross-validation, civil budget %.3f, %.1f s%n",
				training.size(), repeats, FOLDS, budget, (System.nanoTime() - start) / 1e9);
		System.out.printf(Locale.ROOT, "out of fold: toxic held %.3f, civil held %.3f%n", result.toxicHeldShare(),
				result.civilHeldShare());
		System.out.printf(Locale.ROOT, "new Thresholds(%.4f, %.4f, %.4f, %.4f, %.4f, %.4f)%n", t.toxic(),
				t.severeToxic(), t.obscene(), t.threat(), t.insult(), t.identityHate());
	}
}
