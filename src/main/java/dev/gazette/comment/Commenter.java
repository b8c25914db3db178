package dev.gazette.comment;

import dev.gazette.account.AccountPrincipal;

/**
 * Who is commenting: a signed-in account (its display name is used, whatever the form said) or a guest with the
 * name and the optional e-mail address they typed. A guest's address is kept for moderators and never shown.
 */
public record Commenter(Long accountId, String name, String guestEmail) {

	/** The signed-in {@code viewer}, or a guest with the typed name and address when {@code viewer} is null. */
	public static Commenter of(AccountPrincipal viewer, String typedName, String typedEmail) {
		if (viewer != null) {
			return new Commenter(viewer.id(), viewer.displayName(), null);
		}
		return new Commenter(null, CommentText.cleanName(typedName), typedEmail == null || typedEmail.isBlank() ? null
				: typedEmail.strip());
	}

	public boolean isGuest() {
		return accountId == null;
	}
}
