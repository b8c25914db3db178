package dev.gazette.newsroom.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import dev.gazette.newsroom.NewsroomException;
import dev.gazette.publication.Publications;

import org.springframework.stereotype.Component;

/**
 * When an editor schedules a piece for: an ISO-8601 instant with an offset ({@code 2018-07-23T06:00:00Z},
 * {@code 2018-07-23T09:00+03:00}) or a local date-time ({@code 2018-07-23T09:00}) in the publication's time zone, and
 * in the future.
 */
@Component
public class ScheduleTimes {

	private final Publications publications;

	private final Clock clock;

	ScheduleTimes(Publications publications, Clock clock) {
		this.publications = publications;
		this.clock = clock;
	}

	/** The instant {@code at} names, refused (field {@code at}) when it is not a time or has passed. */
	public Instant future(String at) {
		Instant when = instant(at);
		if (!when.isAfter(clock.instant())) {
			throw NewsroomException.badInput("at", "The time " + at + " has passed; schedule a piece for the future.");
		}
		return when;
	}

	private Instant instant(String at) {
		if (at == null || at.isBlank()) {
			throw NewsroomException.badInput("at", "Say when: an ISO-8601 time such as 2018-07-23T09:00 (the "
					+ "publication's time zone) or 2018-07-23T06:00:00Z.");
		}
		try {
			return OffsetDateTime.parse(at.strip()).toInstant();
		}
		catch (DateTimeParseException notWithAnOffset) {
			try {
				return LocalDateTime.parse(at.strip()).atZone(publications.current().timeZone()).toInstant();
			}
			catch (DateTimeParseException ex) {
				throw NewsroomException.badInput("at", "‘" + at + "’ is not a time: use 2018-07-23T09:00 (the "
						+ "publication's time zone) or 2018-07-23T06:00:00Z.");
			}
		}
	}
}
