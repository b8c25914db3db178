package dev.gazette.comment;

import dev.gazette.account.AccountPrincipal;
import dev.gazette.comment.internal.CommentText;

/**
 * Who is commenting: a signed-in account (its display name is used, whatever the form said) or a guest with the
 * name and the optional e-mail address they typed. A guest's address is kept for moderators and never shown.
 * <p>
 * {@code client} is an opaque key for the network address the comment came from ({@link ClientKeys}), so that the
 * spam checks can tell one guest's burst of posts from many guests' posts; {@code null} when there was no request
 * (imports, edits). It is never stored.
 */
public record Commenter(Long accountId, String name, String guestEmail, String client) {

	public Commenter(Long accountId, String name, String guestEmail) {
		this(accountId, name, guestEmail, null);
	}

	/** The signed-in {@code viewer}, or a guest with the typed name and address when {@code viewer} is null. */
	public static Commenter of(AccountPrincipal viewer, String typedName, String typedEmail, String client) {
		if (viewer != null) {
			return new Commenter(viewer.id(), viewer.displayName(), null, client);
		}
		return new Commenter(null, CommentText.cleanName(typedName), typedEmail == null || typedEmail.isBlank() ? null
				: typedEmail.strip(), client);
	}

	public boolean isGuest() {
		return accountId == null;
	}
}
