package dev.gazette.changes;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gazette.changes.*}.
 * @param keep how long the change log's rows are kept. A search index away longer than this (its node stopped) is
 * rebuilt from the database when it comes back; a browser's live stream away longer gets only later changes
 * @param pruneInterval how often each node deletes the rows older than {@code keep}
 */
@ConfigurationProperties("gazette.changes")
public record ChangeLogProperties(@DefaultValue("7d") Duration keep, @DefaultValue("1h") Duration pruneInterval) {
}
