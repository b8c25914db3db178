package dev.gazette.account;

/** What the account feature announces to the others (after commit, through the event publication registry). */
public final class AccountEvents {

	private AccountEvents() {
	}

	/** An account chose a new display name: what others show under its comments follows. */
	public record AccountRenamed(long accountId, String displayName) {
	}

	/**
	 * An account was deleted. {@code removeContributions}: the owner asked for their comments to be removed
	 * entirely; otherwise they stay in their threads as "[deleted]" with the text removed.
	 */
	public record AccountDeleted(long accountId, boolean removeContributions) {
	}
}
