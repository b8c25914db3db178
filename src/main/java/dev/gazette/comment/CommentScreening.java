package dev.gazette.comment;

/**
 * Decides, before anyone else can see it, what happens to a new or edited comment. The moderation feature
 * implements it; without an implementation every valid comment is published.
 * <p>
 * {@link #screen} is called before the transaction that stores the comment opens, and must not open one around
 * anything slow: it may ask services outside Gazette, and a database connection (or a lock) held while waiting on
 * the network is one the rest of the site cannot have. Its answer is then stored in one short transaction.
 */
public interface CommentScreening {

	Screening screen(Submission submission);
}
