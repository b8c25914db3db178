package dev.gazette.newsroom;

import java.time.Instant;

/**
 * One saved state of a piece: its number (1, 2, … per article), who saved it and when, what the save was (started,
 * edited, restored from N), the fields and the body.
 *
 * @param accountId who saved it; {@code null} for the state a piece was in when the newsroom first changed it
 */
public record Revision(long articleId, int number, Long accountId, String accountName, Instant createdAt,
		String summary, RevisionFields fields, String bodyMarkdown) {
}
