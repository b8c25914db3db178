package dev.gazette.newsletter.internal;

import dev.gazette.newsletter.Frequency;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/**
 * One issue’s span: articles published from {@code start} up to (not including) {@code end}, when the issue is due. {@code key}
 * is the local date of {@code end}, which with the frequency names the issue.
 */
public record Period(Frequency frequency, String key, Instant start, Instant end) {

	/**
	 * The latest period whose send time has come: a daily issue goes out every day at {@code hour}, a weekly one on
	 * {@code day} at {@code hour}, both in the publication's zone (a day with a clock change is simply shorter or
	 * longer).
	 */
	public static Period latest(Frequency frequency, Instant now, ZoneId zone, int hour, DayOfWeek day) {
		ZonedDateTime local = now.atZone(zone);
		ZonedDateTime end;
		ZonedDateTime start;
		if (frequency == Frequency.DAILY) {
			end = local.toLocalDate().atTime(hour, 0).atZone(zone);
			if (end.toInstant().isAfter(now)) {
				end = end.minusDays(1);
			}
			start = end.minusDays(1);
		}
		else {
			end = local.toLocalDate().with(TemporalAdjusters.previousOrSame(day)).atTime(hour, 0).atZone(zone);
			if (end.toInstant().isAfter(now)) {
				end = end.minusWeeks(1);
			}
			start = end.minusWeeks(1);
		}
		return new Period(frequency, end.toLocalDate().toString(), start.toInstant(), end.toInstant());
	}
}
