package dev.gazette.publication;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.RuleBasedNumberFormat;
import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;

/**
 * The masthead dateline: {@code Sunday, July 22nd | 10 Av 5778}.
 * <p>
 * The Gregorian half is weekday, month and ordinal day; the second half is ICU's English long date in the
 * publication's second calendar. Both are computed for the same instant in the publication's time zone, so the
 * two halves always name the same civil day (the Hebrew day is not advanced at sunset: a newspaper's date
 * changes at midnight).
 */
public final class Dateline {

	private static final ULocale ENGLISH = ULocale.ENGLISH;

	private Dateline() {
	}

	public static String format(Instant instant, ZoneId zone, SecondCalendar calendar) {
		String gregorian = gregorian(instant, zone);
		if (calendar == SecondCalendar.NONE) {
			return gregorian;
		}
		return gregorian + " | " + secondCalendarDate(instant, zone, calendar);
	}

	static String gregorian(Instant instant, ZoneId zone) {
		ZonedDateTime local = instant.atZone(zone);
		// RuleBasedNumberFormat is not thread-safe and cheap enough to create per call (the result is cached per day).
		RuleBasedNumberFormat ordinal = new RuleBasedNumberFormat(ENGLISH, RuleBasedNumberFormat.ORDINAL);
		return local.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + ", "
				+ local.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " "
				+ ordinal.format(local.getDayOfMonth());
	}

	static String secondCalendarDate(Instant instant, ZoneId zone, SecondCalendar calendar) {
		ULocale locale = ENGLISH.setKeywordValue("calendar", calendar.icuCalendarKeyword());
		Calendar icuCalendar = Calendar.getInstance(TimeZone.getTimeZone(zone.getId()), locale);
		icuCalendar.setTimeInMillis(instant.toEpochMilli());
		DateFormat format = DateFormat.getDateInstance(icuCalendar, DateFormat.LONG, locale);
		return format.format(icuCalendar.getTime());
	}
}
