package dev.gazette.publication;

import java.util.Locale;

/** The calendar shown after the Gregorian date in the masthead dateline. */
public enum SecondCalendar {

	HEBREW("hebrew"), ISLAMIC("islamic-civil"), PERSIAN("persian"), NONE(null);

	private final String icuCalendarKeyword;

	SecondCalendar(String icuCalendarKeyword) {
		this.icuCalendarKeyword = icuCalendarKeyword;
	}

	/** The value of ICU's {@code @calendar=} locale keyword, or {@code null} for none. */
	String icuCalendarKeyword() {
		return icuCalendarKeyword;
	}

	/** The name stored in the database and accepted in settings: {@code hebrew}, {@code islamic}, ... */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static SecondCalendar fromKey(String key) {
		return valueOf(key.trim().toUpperCase(Locale.ROOT));
	}
}
