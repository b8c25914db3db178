package dev.gazette.transfer.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.gazette.moderation.ClassifierModels;
import dev.gazette.transfer.ImportRefused;

import org.springframework.stereotype.Component;

/**
 * The optional screening of imported comments ({@code --screen}): each comment that was published where it was
 * written is scored by this site's classifier, and one the classifier would hold is imported held, for a moderator
 * to decide, and named in the report. Only the classifier: the rest of the moderation pipeline judges a reader
 * posting now (a burst of comments from one client, a new account's first words), which an import is not.
 */
@Component
public class ImportScreening {

	private static final Duration WAIT_FOR_MODEL = Duration.ofMinutes(3);

	private final ClassifierModels models;

	public ImportScreening(ClassifierModels models) {
		this.models = models;
	}

	/** Waits for the classifier to be in memory (a first start may still be loading it). */
	public void prepare() {
		long until = System.nanoTime() + WAIT_FOR_MODEL.toNanos();
		while (!models.ready()) {
			if (System.nanoTime() > until) {
				throw new ImportRefused("The classifier is not ready, so comments cannot be screened; import "
						+ "without screening, or try again in a few minutes.");
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new ImportRefused("The import was interrupted while the classifier loaded.");
			}
		}
	}

	/** What the classifier would hold this comment for (its labels, comma-separated), or empty to publish it. */
	public Optional<String> wouldHold(String body) {
		List<String> reasons = models.wouldHold(body);
		return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", reasons));
	}
}
