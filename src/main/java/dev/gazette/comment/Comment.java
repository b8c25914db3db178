package dev.gazette.comment;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A reader's comment as stored. {@code authorName} is the account's display name, or what a guest typed (possibly
 * blank: shown as "Anonymous"); {@code bodyHtml} is the sanitised rendering of {@code body}, made once when it was
 * written; {@code accountId} is {@code null} for a guest.
 */
public record Comment(long id, long articleId, Long parentId, String authorName, String body, String bodyHtml,
		CommentStatus status, Instant createdAt, Instant editedAt, Long accountId, boolean featured) {

	public static final String ANONYMOUS = "Anonymous";

	/** The name to show: the one given, or "Anonymous". */
	public String displayName() {
		return authorName == null || authorName.isBlank() ? ANONYMOUS : authorName;
	}

	/** Whether the account with this id wrote the comment (guests' comments belong to no account). */
	public boolean isBy(long account) {
		return accountId != null && accountId == account;
	}

	public boolean isPublished() {
		return status == CommentStatus.PUBLISHED;
	}

	/**
	 * The status a moderator's decision moves this comment to; empty when the decision changes nothing: the comment
	 * already stands there, or its author deleted it, which no moderator undoes.
	 * @throws IllegalArgumentException for {@link CommentStatus#DELETED}: moderators reject comments; only their
	 * authors delete them
	 */
	public Optional<CommentStatus> moderatedTo(CommentStatus to) {
		if (to == CommentStatus.DELETED) {
			throw new IllegalArgumentException("Moderators reject comments; only their authors delete them");
		}
		return status == to || status == CommentStatus.DELETED ? Optional.empty() : Optional.of(to);
	}

	/** Whether its author deleting it changes anything: not once it is deleted. */
	public boolean deletable() {
		return status != CommentStatus.DELETED;
	}

	/** Whether this account may change the text at {@code now}: its own published comment, within the window. */
	public boolean editableBy(long account, Instant now, Duration window) {
		return isBy(account) && isPublished() && now.isBefore(createdAt.plus(window));
	}
}
