package dev.gazette.comment;

/**
 * Decides, before anyone else can see it, what happens to a new or edited comment. The moderation feature
 * implements it; without an implementation every valid comment is published.
 */
public interface CommentScreening {

	Screening screen(Submission submission);
}
