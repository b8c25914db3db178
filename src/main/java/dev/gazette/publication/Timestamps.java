package dev.gazette.publication;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How Gazette writes a moment for readers, always in the publication's time zone. */
public final class Timestamps {

	private static final DateTimeFormatter ARTICLE_TIME = DateTimeFormatter.ofPattern("MMMM d, yyyy h:mm", Locale.ENGLISH);

	private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);

	private Timestamps() {
	}

	/** {@code December 11, 2015 4:31 am}: the style of the model page, with a lower-case meridiem. */
	public static String articleTime(Instant instant, ZoneId zone) {
		ZonedDateTime local = instant.atZone(zone);
		return ARTICLE_TIME.format(local) + (local.getHour() < 12 ? " am" : " pm");
	}

	/** {@link #articleTime}, or {@code null} for a moment that has not come (a mail not sent, a job not due again). */
	public static String articleTimeOrNull(Instant instant, ZoneId zone) {
		return instant == null ? null : articleTime(instant, zone);
	}

	/** {@code December 11, 2015}. */
	public static String date(Instant instant, ZoneId zone) {
		return SHORT_DATE.format(instant.atZone(zone));
	}

	/** {@code just now}, {@code 5 minutes ago}, {@code 3 hours ago}, {@code 2 days ago}, then the date. */
	public static String relative(Instant instant, Instant now, ZoneId zone) {
		Duration age = Duration.between(instant, now);
		if (age.isNegative() || age.toSeconds() < 60) {
			return "just now";
		}
		if (age.toMinutes() < 60) {
			return plural(age.toMinutes(), "minute") + " ago";
		}
		if (age.toHours() < 24) {
			return plural(age.toHours(), "hour") + " ago";
		}
		if (age.toDays() < 30) {
			return plural(age.toDays(), "day") + " ago";
		}
		return date(instant, zone);
	}

	/**
	 * When {@link #relative} first writes something else for {@code instant} than it does at {@code now}: a page that
	 * shows relative times is the same page until then ({@link Instant#MAX} once only the date is written).
	 */
	public static Instant relativeChangesAt(Instant instant, Instant now) {
		Duration age = Duration.between(instant, now);
		if (age.isNegative() || age.toSeconds() < 60) {
			return instant.plusSeconds(60);
		}
		if (age.toMinutes() < 60) {
			return instant.plus(Duration.ofMinutes(age.toMinutes() + 1));
		}
		if (age.toHours() < 24) {
			return instant.plus(Duration.ofHours(age.toHours() + 1));
		}
		if (age.toDays() < 30) {
			return instant.plus(Duration.ofDays(age.toDays() + 1));
		}
		return Instant.MAX;
	}

	private static String plural(long count, String unit) {
		return count + " " + unit + (count == 1 ? "" : "s");
	}
}
