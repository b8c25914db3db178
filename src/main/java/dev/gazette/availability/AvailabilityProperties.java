package dev.gazette.availability;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param healthTimeout how long the database health check may take before it answers DOWN
 * @param socketTimeout (PostgreSQL) how long one read from the database may wait before the connection is given up;
 * a query that takes longer fails
 * @param connectTimeout (PostgreSQL) how long opening a connection may take
 * @param retryAfter what a 503 answer during an outage tells clients to wait ({@code Retry-After})
 * @param maxBody the largest request body (JSON or form) read into memory; larger ones are refused with 413
 * @param concurrentUploads multipart uploads read at once (they are read by a waiting thread); more get 503
 */
@ConfigurationProperties("gazette.availability")
public record AvailabilityProperties(@DefaultValue("1500ms") Duration healthTimeout,
		@DefaultValue("15s") Duration socketTimeout, @DefaultValue("2s") Duration connectTimeout,
		@DefaultValue("10s") Duration retryAfter, @DefaultValue("1MB") DataSize maxBody,
		@DefaultValue("8") int concurrentUploads) {
}
