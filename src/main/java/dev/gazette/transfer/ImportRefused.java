package dev.gazette.transfer;

/** A file that cannot be imported at all (not XML, cut short, an entity attack, not an export): nothing was written. */
public class ImportRefused extends RuntimeException {

	public ImportRefused(String message) {
		super(message);
	}
}
