/**
 * The comment feature's inside: the comment pages and the comment, own-comment and recommendation APIs, the
 * repositories ({@code CommentRepository}, {@code DiscussionRows} for each article's discussion version and count,
 * {@code ModeratedComments} for moderation's reads, {@code CommentSubmissions} for idempotency keys), the draft's rules ({@code CommentRules}) and the text renderer
 * ({@code CommentText}), group commit ({@code CommentWrites}), guests' names, who is who in a thread
 * ({@code DiscussionDetailsReader}), readers' recommendations (no other feature uses them) and the views only the
 * comment templates take (public for jte). Public only so that the feature's own package can use them; no other
 * feature may (Spring Modulith checks it). {@code Commenting.submitOnce} is public for the same reason: only the pages
 * and the API here call it.
 */
package dev.gazette.comment.internal;
