package dev.gazette.moderation.classifier;

/** A labelled data file that cannot be read as one: a wrong header, a broken row, an unknown label. */
public class LabelledDataException extends RuntimeException {

	public LabelledDataException(String message) {
		super(message);
	}

	public LabelledDataException(String message, Throwable cause) {
		super(message, cause);
	}
}
