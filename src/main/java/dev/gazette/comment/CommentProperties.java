package dev.gazette.comment;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param guestsAllowed whether readers without an account may comment under a display name of their choice
 * @param pageSize top-level threads per page of a discussion
 * @param repliesPerThread replies shown under a thread on the article page; the rest are on the thread's own page
 * @param pageComments at most this many comments on one page of an article's discussion: when a page's threads
 * have more replies than that leaves room for, each shows an equal share and links to its own page for the rest, so a
 * page of a discussion of 20,000 comments weighs what a page of 200 does
 * @param pagedPageComments at most this many comments on each page of a discussion of more than
 * {@code pageComments} comments: a discussion a reader can take in at once is shown as it always was (whole, when its
 * threads fit on one page), a big one is read in lighter pages (issue 14: under 100 KB of HTML)
 * @param editWindow how long after posting a commenter may still change their comment
 * @param submissionKeysKept how long an {@code Idempotency-Key} or a form's submission id is remembered, so that a
 * retry within that time finds the comment its first attempt made
 * @param groupCommitWait how long the writer of a group commit waits for posts still being screened before it
 * commits the ones it has: only while other posts are on their way, so a lone post never waits; {@code 0} commits at
 * once (see {@code internal.CommentWrites})
 */
@ConfigurationProperties("gazette.comments")
public record CommentProperties(@DefaultValue("true") boolean guestsAllowed, @DefaultValue("50") int pageSize,
		@DefaultValue("30") int repliesPerThread, @DefaultValue("15m") Duration editWindow,
		@DefaultValue("24h") Duration submissionKeysKept, @DefaultValue("200") int pageComments,
		@DefaultValue("100") int pagedPageComments, @DefaultValue("2ms") Duration groupCommitWait) {

	/** Maximum length of a comment, in characters (Unicode code points) after trimming. */
	public static final int MAX_BODY = 5_000;

	/** Maximum length of a display name, in characters. */
	public static final int MAX_NAME = 60;
}
