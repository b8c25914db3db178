package dev.gazette.newsroom.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Pitches from would-be contributors, under {@code gazette.pitches.*}.
 *
 * @param perAddress pitches one client address may send per period, and pitches from any one e-mail address (Bucket4j
 * token buckets, refilled gradually)
 * @param period the period the limit counts over
 * @param acknowledge whether the sender gets a "we received your pitch" mail
 */
@ConfigurationProperties("gazette.pitches")
public record PitchProperties(@DefaultValue("5") int perAddress, @DefaultValue("1h") Duration period,
		@DefaultValue("true") boolean acknowledge) {
}
