package dev.gazette.moderation.classifier;

import java.util.Arrays;

/**
 * A trained classifier: one logistic regression per {@link Label} over the same hashed features. Immutable and safe to
 * share between threads; scoring allocates only the feature vector of the comment being scored.
 * <p>
 * Weights are kept for the buckets that any label uses (a few per cent of the 2^20 on the shipped data), the six
 * weights of a bucket side by side, so that scoring a feature reads one short run of memory for all six labels.
 * {@link Trainer} makes models; {@link ModelCodec} stores and loads them.
 */
public final class Model {

	private static final int LABELS = Label.count();

	private final FeatureSettings features;

	private final Vocabulary vocabulary;

	private final float[] biases;

	/** For each bucket with a weight, in ascending order; row {@code r} of {@link #weights} belongs to bucket[r]. */
	private final int[] buckets;

	/** {@code rowOf[bucket]} is the row of that bucket, or -1. */
	private final int[] rowOf;

	/** Row-major: the weights of row {@code r} for label {@code l} at {@code r * 6 + l}. */
	private final float[] weights;

	private final int trainedRows;

	private Model(FeatureSettings features, Vocabulary vocabulary, float[] biases, int[] buckets, float[] weights,
			int trainedRows) {
		if (biases.length != LABELS || weights.length != buckets.length * LABELS) {
			throw new IllegalArgumentException("weights do not match the labels");
		}
		this.features = features;
		this.vocabulary = vocabulary;
		this.biases = biases;
		this.buckets = buckets;
		this.weights = weights;
		this.trainedRows = trainedRows;
		this.rowOf = new int[features.dimensions()];
		Arrays.fill(this.rowOf, -1);
		for (int row = 0; row < buckets.length; row++) {
			this.rowOf[buckets[row]] = row;
		}
	}

	/** From the dense weights of training, {@code dense[bucket * 6 + label]}; buckets with no weight are left out. */
	static Model fromDense(FeatureSettings features, Vocabulary vocabulary, float[] biases, float[] dense,
			int trainedRows) {
		int dimensions = features.dimensions();
		int rows = 0;
		for (int bucket = 0; bucket < dimensions; bucket++) {
			if (hasWeight(dense, bucket)) {
				rows++;
			}
		}
		int[] buckets = new int[rows];
		float[] weights = new float[rows * LABELS];
		int row = 0;
		for (int bucket = 0; bucket < dimensions; bucket++) {
			if (hasWeight(dense, bucket)) {
				buckets[row] = bucket;
				System.arraycopy(dense, bucket * LABELS, weights, row * LABELS, LABELS);
				row++;
			}
		}
		return new Model(features, vocabulary, biases.clone(), buckets, weights, trainedRows);
	}

	/** From per-label lists of (bucket, weight), as {@link ModelCodec} stores them. */
	static Model fromSparse(FeatureSettings features, Vocabulary vocabulary, float[] biases, int[][] bucketsByLabel,
			float[][] weightsByLabel, int trainedRows) {
		int[] buckets = Arrays.stream(bucketsByLabel).flatMapToInt(Arrays::stream).sorted().distinct().toArray();
		float[] weights = new float[buckets.length * LABELS];
		for (int label = 0; label < LABELS; label++) {
			for (int k = 0; k < bucketsByLabel[label].length; k++) {
				int row = Arrays.binarySearch(buckets, bucketsByLabel[label][k]);
				weights[row * LABELS + label] = weightsByLabel[label][k];
			}
		}
		return new Model(features, vocabulary, biases.clone(), buckets, weights, trainedRows);
	}

	private static boolean hasWeight(float[] dense, int bucket) {
		for (int label = 0; label < LABELS; label++) {
			if (dense[bucket * LABELS + label] != 0) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The probability of each label for this text. A comment of several sentences scores, per label, the mean of the
	 * whole comment's probability and of the highest probability among the whole and each of its sentences on its
	 * own: one abusive sentence in a long, otherwise civil comment is not averaged away by the civil words around it,
	 * and one sentence alone does not decide either.
	 */
	public Scores score(String text) {
		Features.Keys keys = Features.keys(text, this.features, this.vocabulary);
		double[] whole = probabilities(Features.vector(keys, 0, keys.count(), this.features));
		if (keys.sentences() > 1) {
			double[] worst = whole.clone();
			for (int sentence = 0; sentence < keys.sentences(); sentence++) {
				SparseVector part = Features.vector(keys, keys.sentenceStart(sentence), keys.sentenceEnds()[sentence],
						this.features);
				double[] p = probabilities(part);
				for (int label = 0; label < LABELS; label++) {
					worst[label] = Math.max(worst[label], p[label]);
				}
			}
			for (int label = 0; label < LABELS; label++) {
				whole[label] = (whole[label] + worst[label]) / 2;
			}
		}
		return Scores.of(whole);
	}

	private double[] probabilities(SparseVector x) {
		double[] z = logits(x);
		for (int label = 0; label < LABELS; label++) {
			z[label] = sigmoid(z[label]);
		}
		return z;
	}

	/** How many labelled comments it was trained on. */
	public int trainedRows() {
		return this.trainedRows;
	}

	/** How many (bucket, label) weights are not zero. */
	public int nonZeroWeights() {
		int count = 0;
		for (float weight : this.weights) {
			if (weight != 0) {
				count++;
			}
		}
		return count;
	}

	/**
	 * The weighted sums. A feature the model never saw carries no evidence either way; left in the vector's length, it
	 * would only dilute the ones that do, and a comment in new words would score closer to the middle than the same
	 * comment in familiar ones. So the ordinary features the model knows are scaled up as if the unknown ones were not
	 * there. The rare-word features, which stand for those unknown words, keep their weight: a comment made only of
	 * words the model never saw (another language, another script) scores near the middle, not on the strength of
	 * “rare” alone. In training every feature has a weight, so there nothing is rescaled.
	 */
	double[] logits(SparseVector x) {
		double[] known = new double[LABELS];
		double knownSquares = 0;
		for (int k = 0; k < x.regular; k++) {
			int row = this.rowOf[x.indices[k]];
			if (row >= 0) {
				knownSquares += add(known, row, x.values[k]);
			}
		}
		double[] rare = new double[LABELS];
		for (int k = x.regular; k < x.size; k++) {
			int row = this.rowOf[x.indices[k]];
			if (row >= 0) {
				knownSquares += add(rare, row, x.values[k]);
			}
		}
		double scale = (knownSquares > 0) ? 1 / Math.sqrt(knownSquares) : 0;
		double[] z = new double[LABELS];
		for (int label = 0; label < LABELS; label++) {
			z[label] = this.biases[label] + known[label] * scale + rare[label];
		}
		return z;
	}

	/** Adds one feature's contribution to each label; returns its square, for the length of the known part. */
	private double add(double[] sums, int row, float value) {
		int base = row * LABELS;
		for (int label = 0; label < LABELS; label++) {
			sums[label] += this.weights[base + label] * value;
		}
		return value * value;
	}

	static double sigmoid(double z) {
		return 1 / (1 + Math.exp(-z));
	}

	FeatureSettings features() {
		return this.features;
	}

	Vocabulary vocabulary() {
		return this.vocabulary;
	}

	float bias(int label) {
		return this.biases[label];
	}

	int rows() {
		return this.buckets.length;
	}

	int bucket(int row) {
		return this.buckets[row];
	}

	float weight(int row, int label) {
		return this.weights[row * LABELS + label];
	}
}
