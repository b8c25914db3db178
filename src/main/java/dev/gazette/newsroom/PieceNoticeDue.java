package dev.gazette.newsroom;

import java.time.Instant;

/**
 * Something happened to a piece that someone is told of: published inside the transaction that did it, and handled
 * by {@link NewsroomNotices} after that commits (never inside the request's transaction), so a notice exists exactly
 * when what caused it happened.
 */
public record PieceNoticeDue(long articleId, String notice, long byId, String byName, Instant at) {
}
