package dev.gazette.publication.internal;

import dev.gazette.publication.GazetteProperties;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one {@link Clock} every feature reads time from; {@code gazette.clock} fixes it. */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

	@Bean
	public Clock clock(GazetteProperties properties) {
		String fixed = properties.clock();
		if (fixed == null || fixed.isBlank()) {
			return Clock.systemUTC();
		}
		try {
			return Clock.fixed(Instant.parse(fixed.trim()), ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException(
					"gazette.clock must be an ISO-8601 instant such as 2018-07-22T09:00:00Z, not '" + fixed + "'", ex);
		}
	}
}
