package dev.gazette.moderation.classifier;

/** The model trained on the shipped data with the default options, trained once for all the tests that need it. */
final class ShippedModel {

	private ShippedModel() {
	}

	static Model get() {
		return Holder.MODEL;
	}

	private static final class Holder {

		static final Model MODEL = Trainer.train(Trainer.shippedData(), TrainingOptions.defaults());
	}
}
