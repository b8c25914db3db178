package dev.gazette.comment;

import java.util.List;

/**
 * A comment and all its replies, nested to any depth, as the API returns them. {@code descendants} counts every
 * reply below it.
 */
public record CommentNode(Comment comment, List<CommentNode> replies, int descendants) {
}
