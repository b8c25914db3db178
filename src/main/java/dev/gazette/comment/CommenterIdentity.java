package dev.gazette.comment;

import java.util.List;

/**
 * Who wrote a comment, as the thread shows it beside the name: badges in words (so they need no colour to be read),
 * and for an account its picture and its public profile. Derived from the comment and its account only, never from
 * who is reading, because the article page is the same for every reader who is not signed in.
 * @param badges in the order shown: the newsroom role ("Admin", "Editor", "Moderator", "Staff"), "Author" for a
 * writer of the article, "Verified" for a confirmed e-mail address, or just "Guest"
 * @param avatarPath the account's picture (its upload, else its initials); {@code null} for a guest
 * @param profilePath the account's public profile page; {@code null} for a guest
 */
public record CommenterIdentity(List<Badge> badges, String avatarPath, String profilePath) {

	/** A commenter without an account. */
	public static final CommenterIdentity GUEST = new CommenterIdentity(List.of(Badge.GUEST), null, null);

	/** An account that no longer exists (its comments keep their place as "[deleted]"). */
	public static final CommenterIdentity GONE = new CommenterIdentity(List.of(), null, null);

	/** A badge: its words, and a key for the style sheet. */
	public record Badge(String label, String key) {

		public static final Badge GUEST = new Badge("Guest", "guest");

		public static final Badge AUTHOR = new Badge("Author", "author");

		public static final Badge VERIFIED = new Badge("Verified", "verified");

		/**
		 * The title attribute beside each comment: what the badge means, or {@code null} (no attribute) for "Guest",
		 * which is on most comments of a busy page and is explained once above the discussion instead (issue 14).
		 */
		public String repeatedTitle() {
			return GUEST.equals(this) ? null : meaning();
		}

		/**
		 * The class attribute: "badge" alone for "Guest", the plain look (on most comments of a busy page, so kept
		 * short), and "badge badge-KEY" for the others.
		 */
		public String cssClass() {
			return GUEST.equals(this) ? "badge" : "badge badge-" + key;
		}

		/** What the badge means, for a reader who wonders. */
		public String meaning() {
			return switch (key) {
				case "guest" -> "Commented without an account";
				case "author" -> "Wrote this article";
				case "verified" -> "Has confirmed their e-mail address";
				default -> "Works for the publication: " + label;
			};
		}
	}
}
