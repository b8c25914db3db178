package dev.gazette.moderation.classifier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fits a {@link Model} from scratch: six logistic regressions trained together by mini-batch stochastic gradient
 * descent with AdaGrad step sizes, an L2 penalty and class weights.
 * <ul>
 * <li>The loss is the weighted log loss of the score that {@link Model#score(String)} gives, which looks at each
 * sentence as well as the whole comment; its gradient reaches the whole comment's features and those of the sentence
 * that scored highest. A stock opening that happens to precede insults (“Another day, another propaganda piece.”)
 * then stops being pushed up once the insult after it is recognised.</li>
 * <li>Each sentence of a civil comment is also learnt as a civil example of its own (when
 * {@link TrainingOptions#civilSentences()}), so that a civil sentence scored alone is known to be civil.</li>
 * <li>Words in fewer than {@link FeatureSettings#minWordDocuments()} comments are “rare” ({@link Vocabulary}).</li>
 * <li>AdaGrad gives each weight its own step size, which shrinks as its feature is seen more: rare n-grams (an unusual
 * spelling of an insult) still move quickly, common ones settle. The L2 penalty is applied to the weights a batch
 * touches (“lazy” regularisation), so a batch costs time in proportion to its features, not to the 2^20 buckets.</li>
 * <li>Class weights ({@link TrainingOptions#classWeightPower()}) make the few threats count as much as the many
 * comments that are not threats.</li>
 * </ul>
 * The examples are shuffled each epoch by a seeded generator and everything runs on one thread, so the same data and
 * options always give the same model, bit for bit.
 * <p>
 * Its length is the training loop and its bookkeeping (AdaGrad sums, lazy penalty, class weights), which share the
 * weight arrays and are read together.
 */
public final class Trainer {

	private static final int LABELS = Label.count();

	private static final SparseVector[] NO_SENTENCES = new SparseVector[0];

	private Trainer() {
	}

	/**
	 * The labelled comments shipped with Gazette ({@code moderation/training.csv} on the classpath) and their
	 * {@link Counterfactuals counterfactual copies}, so that the name of a people alone decides nothing.
	 */
	public static List<LabelledComment> shippedData() {
		List<LabelledComment> rows = new ArrayList<>(ShippedData.training());
		rows.addAll(Counterfactuals.of(rows));
		return rows;
	}

	/** A model trained on these examples only; nothing is carried over from an earlier model. */
	public static Model train(List<LabelledComment> examples, TrainingOptions options) {
		if (examples.isEmpty()) {
			throw new IllegalArgumentException("Nothing to train on");
		}
		FeatureSettings features = options.features();
		Vocabulary vocabulary = Vocabulary.build(examples.stream().map(LabelledComment::text).toList(), features);
		Example[] all = toExamples(examples, options, vocabulary);
		int n = all.length;
		int[] positives = new int[LABELS];
		for (Example example : all) {
			for (int label = 0; label < LABELS; label++) {
				positives[label] += example.target()[label] ? 1 : 0;
			}
		}
		double[] positiveWeight = new double[LABELS];
		double[] negativeWeight = new double[LABELS];
		for (int label = 0; label < LABELS; label++) {
			positiveWeight[label] = classWeight(n, positives[label], options.classWeightPower());
			negativeWeight[label] = classWeight(n, n - positives[label], options.classWeightPower());
		}
		Fit fit = new Fit(features.dimensions(), options);
		int[] order = new int[n];
		for (int i = 0; i < n; i++) {
			order[i] = i;
		}
		SplittableRandom random = new SplittableRandom(options.seed());
		for (int epoch = 0; epoch < options.epochs(); epoch++) {
			shuffle(order, random);
			for (int start = 0; start < n; start += options.batchSize()) {
				int end = Math.min(n, start + options.batchSize());
				fit.beginBatch();
				for (int b = start; b < end; b++) {
					fit.addGradient(all[order[b]], positiveWeight, negativeWeight);
				}
				fit.step(end - start);
			}
		}
		return Model.fromDense(features, vocabulary, fit.biases(), fit.weights, examples.size());
	}

	private static Example[] toExamples(List<LabelledComment> comments, TrainingOptions options,
			Vocabulary vocabulary) {
		FeatureSettings features = options.features();
		List<Example> examples = new ArrayList<>();
		for (LabelledComment comment : comments) {
			Features.Keys keys = Features.keys(comment.text(), features, vocabulary);
			boolean[] target = new boolean[LABELS];
			for (int label = 0; label < LABELS; label++) {
				target[label] = comment.has(Label.at(label));
			}
			SparseVector[] sentences = (keys.sentences() > 1) ? new SparseVector[keys.sentences()] : NO_SENTENCES;
			for (int sentence = 0; sentence < sentences.length; sentence++) {
				sentences[sentence] = Features.vector(keys, keys.sentenceStart(sentence), keys.sentenceEnds()[sentence],
						features);
			}
			examples.add(new Example(Features.vector(keys, 0, keys.count(), features), sentences, target));
			if (options.civilSentences() && comment.isCivil()) {
				for (SparseVector sentence : sentences) {
					examples.add(new Example(sentence, NO_SENTENCES, target));
				}
			}
		}
		return examples.toArray(Example[]::new);
	}

	/** A comment to learn from: the vector of the whole, of each sentence if it has several, and its labels. */
	private record Example(SparseVector whole, SparseVector[] sentences, boolean[] target) {
	}

	/** {@code (n / 2k)^power}: with power 1 each class's examples weigh n/2 in total. Capped, for labels seen once. */
	private static double classWeight(int n, int inClass, double power) {
		if (inClass == 0) {
			return 1;
		}
		return Math.min(20, Math.pow(n / (2.0 * inClass), power));
	}

	private static void shuffle(int[] order, SplittableRandom random) {
		for (int i = order.length - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			int swap = order[i];
			order[i] = order[j];
			order[j] = swap;
		}
	}

	/** The state of a fit: weights, AdaGrad's sums of squared gradients, and the current batch's gradient. */
	private static final class Fit {

		private final TrainingOptions options;

		final float[] weights;

		private final float[] squaredGradients;

		private final float[] gradient;

		private final double[] biases = new double[LABELS];

		private final double[] biasSquaredGradients = new double[LABELS];

		private final double[] biasGradient = new double[LABELS];

		/** Buckets touched by the current batch; {@code batchOf[bucket]} says which batch touched it last. */
		private int[] touched = new int[1024];

		private int touchedCount;

		private final int[] batchOf;

		private int batch;

		Fit(int dimensions, TrainingOptions options) {
			this.options = options;
			this.weights = new float[dimensions * LABELS];
			this.squaredGradients = new float[dimensions * LABELS];
			this.gradient = new float[dimensions * LABELS];
			this.batchOf = new int[dimensions];
		}

		void beginBatch() {
			this.batch++;
			this.touchedCount = 0;
			Arrays.fill(this.biasGradient, 0);
		}

		/** Adds one example's gradient of the weighted log loss of its score, as {@link Model#score(String)} scores. */
		void addGradient(Example example, double[] positiveWeight, double[] negativeWeight) {
			double[] whole = probabilities(example.whole());
			SparseVector[] sentences = example.sentences();
			double[][] parts = new double[sentences.length][];
			for (int s = 0; s < sentences.length; s++) {
				parts[s] = probabilities(sentences[s]);
			}
			double[] wholeError = new double[LABELS];
			double[][] partError = new double[sentences.length][LABELS];
			for (int label = 0; label < LABELS; label++) {
				boolean positive = example.target()[label];
				double weight = positive ? positiveWeight[label] : negativeWeight[label];
				lossGradient(label, positive, weight, whole, parts, wholeError, partError);
				this.biasGradient[label] += wholeError[label];
			}
			accumulate(example.whole(), wholeError);
			for (int s = 0; s < sentences.length; s++) {
				for (int label = 0; label < LABELS; label++) {
					this.biasGradient[label] += partError[s][label];
				}
				accumulate(sentences[s], partError[s]);
			}
		}

		/**
		 * The derivative of one label's loss with respect to the weighted sums (logits) of the whole comment and of its
		 * highest-scoring sentence. The score is {@code (p_whole + max(p_whole, p_sentence...)) / 2}; with a single
		 * sentence it is {@code p_whole}, and the derivative is the familiar {@code weight * (p - y)}.
		 */
		private static void lossGradient(int label, boolean positive, double weight, double[] whole, double[][] parts,
				double[] wholeError, double[][] partError) {
			double y = positive ? 1 : 0;
			if (parts.length == 0) {
				wholeError[label] = weight * (whole[label] - y);
				return;
			}
			int worst = -1;
			double worstP = whole[label];
			for (int s = 0; s < parts.length; s++) {
				if (parts[s][label] > worstP) {
					worst = s;
					worstP = parts[s][label];
				}
			}
			double score = Math.min(1 - 1e-7, Math.max(1e-7, (whole[label] + worstP) / 2));
			double dScore = weight * (score - y) / (score * (1 - score));
			double dWhole = 0.5 * whole[label] * (1 - whole[label]);
			wholeError[label] = dScore * dWhole * ((worst < 0) ? 2 : 1);
			if (worst >= 0) {
				partError[worst][label] = dScore * 0.5 * worstP * (1 - worstP);
			}
		}

		private double[] probabilities(SparseVector x) {
			double[] z = this.biases.clone();
			for (int k = 0; k < x.size; k++) {
				int base = x.indices[k] * LABELS;
				for (int label = 0; label < LABELS; label++) {
					z[label] += this.weights[base + label] * x.values[k];
				}
			}
			for (int label = 0; label < LABELS; label++) {
				z[label] = Model.sigmoid(z[label]);
			}
			return z;
		}

		private void accumulate(SparseVector x, double[] errors) {
			boolean any = false;
			for (double error : errors) {
				any |= error != 0;
			}
			if (!any) {
				return;
			}
			for (int k = 0; k < x.size; k++) {
				int bucket = x.indices[k];
				int base = bucket * LABELS;
				if (this.batchOf[bucket] != this.batch) {
					this.batchOf[bucket] = this.batch;
					for (int label = 0; label < LABELS; label++) {
						this.gradient[base + label] = 0;
					}
					remember(bucket);
				}
				for (int label = 0; label < LABELS; label++) {
					this.gradient[base + label] += (float) (errors[label] * x.values[k]);
				}
			}
		}

		private void remember(int bucket) {
			if (this.touchedCount == this.touched.length) {
				this.touched = Arrays.copyOf(this.touched, this.touched.length * 2);
			}
			this.touched[this.touchedCount++] = bucket;
		}

		/** AdaGrad step on the touched weights and the biases, with the gradient averaged over the batch. */
		void step(int batchSize) {
			double rate = this.options.learningRate();
			double l2 = this.options.l2();
			for (int t = 0; t < this.touchedCount; t++) {
				int base = this.touched[t] * LABELS;
				for (int label = 0; label < LABELS; label++) {
					int at = base + label;
					double g = this.gradient[at] / batchSize + l2 * this.weights[at];
					if (g == 0) {
						continue;
					}
					this.squaredGradients[at] += (float) (g * g);
					this.weights[at] -= (float) (rate * g / Math.sqrt(this.squaredGradients[at]));
				}
			}
			for (int label = 0; label < LABELS; label++) {
				double g = this.biasGradient[label] / batchSize;
				if (g != 0) {
					this.biasSquaredGradients[label] += g * g;
					this.biases[label] -= rate * g / Math.sqrt(this.biasSquaredGradients[label]);
				}
			}
		}

		float[] biases() {
			float[] result = new float[LABELS];
			for (int label = 0; label < LABELS; label++) {
				result[label] = (float) this.biases[label];
			}
			return result;
		}
	}
}
