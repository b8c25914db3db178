package dev.gazette.newsroom;

import java.time.Instant;

/** An editor's note to the writer of a piece. */
public record Note(long id, long articleId, Long accountId, String accountName, String body, Instant createdAt) {
}
