package dev.gazette.moderation.classifier;

/**
 * How {@link Trainer} fits a model.
 *
 * @param features the feature extraction the model will use
 * @param epochs passes over the examples
 * @param batchSize examples per mini-batch; the gradient is averaged over a batch
 * @param learningRate AdaGrad's base step
 * @param l2 L2 penalty, applied to the weights a batch touches
 * @param classWeightPower 0 weighs every example the same; 1 weighs a label's positive and negative examples so that
 * both classes count as much in total (“balanced”); in between, a compromise. Above 0 favours recall on rare labels.
 * @param civilSentences also learn each sentence of a civil comment of several sentences as a civil example of its
 * own; {@link Model#score(String)} looks at sentences, so it should know what civil sentences look like alone
 * @param seed the shuffling seed: the same examples and options give the same model, bit for bit
 */
public record TrainingOptions(FeatureSettings features, int epochs, int batchSize, double learningRate, double l2,
		double classWeightPower, boolean civilSentences, long seed) {

	public TrainingOptions {
		if (epochs < 1 || batchSize < 1 || !(learningRate > 0) || !(l2 >= 0) || !(classWeightPower >= 0)) {
			throw new IllegalArgumentException("Invalid training options: epochs " + epochs + ", batch " + batchSize
					+ ", rate " + learningRate + ", l2 " + l2 + ", class weight power " + classWeightPower);
		}
	}

	public static TrainingOptions defaults() {
		return new TrainingOptions(FeatureSettings.defaults(), 15, 16, 0.3, 3e-4, 0.5, true, 20261129L);
	}

	public TrainingOptions withFeatures(FeatureSettings features) {
		return new TrainingOptions(features, this.epochs, this.batchSize, this.learningRate, this.l2,
				this.classWeightPower, this.civilSentences, this.seed);
	}
}
