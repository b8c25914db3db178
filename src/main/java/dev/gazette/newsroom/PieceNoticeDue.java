package dev.gazette.newsroom;

import java.time.Instant;

/**
 * Something happened to a piece that someone is told of: published inside the transaction that did it, and handled
 * by {@link NewsroomNotices} after that commits (never inside the request's transaction), so a notice exists exactly
 * when what caused it happened. Its field is {@code pieceId}, not {@code articleId}: the announcement events are
 * counted in the event registry by {@code "articleId"}.
 */
public record PieceNoticeDue(long pieceId, String notice, long byId, String byName, Instant at) {
}
