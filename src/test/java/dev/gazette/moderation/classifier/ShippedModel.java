package dev.gazette.moderation.classifier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The model trained on the shipped data with the default options: the one the build trained into the classes folder
 * ({@link PretrainedModel}), or, where there is none (a run from an IDE), trained once for all the tests that need it.
 */
final class ShippedModel {

	private ShippedModel() {
	}

	static Model get() {
		return Holder.MODEL;
	}

	private static final class Holder {

		static final Model MODEL = load();

		private static Model load() {
			try (InputStream built = ShippedModel.class.getClassLoader().getResourceAsStream(PretrainedModel.RESOURCE)) {
				if (built != null) {
					return ModelCodec.decode(built.readAllBytes());
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return Trainer.train(Trainer.shippedData(), TrainingOptions.defaults());
		}
	}
}
