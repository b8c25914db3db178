package dev.gazette.account;

/**
 * Implemented by every feature that keeps something about a person, so "download your data" is complete without
 * the account feature knowing the others: each contributes a named section of the export.
 */
public interface PersonalData {

	/** The section's name in the export, e.g. {@code comments}. */
	String section();

	/** What this feature holds about the account, as JSON-ready values (maps, lists, strings, numbers). */
	Object export(long accountId);
}
