package dev.gazette.search;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the readers' search ({@link SearchRequest}) and the moderators' ({@link CommentSearchRequest}) read the same
 * way from a URL: blank means absent, the words' length, a range of days, a results page, and the link to another
 * page of the same search. Nothing here throws for what someone typed.
 */
final class SearchFields {

	static final int MAX_QUERY = 500;

	static final String TOO_LONG = "A search is at most " + MAX_QUERY + " characters long.";

	static final String BAD_PAGE = "'page' is a whole number from 1 to 100.";

	private SearchFields() {
	}

	/** A range of days, either end open; or the field that is not a day, or out of order, and why. */
	sealed interface Days permits Range, Wrong {
	}

	record Range(LocalDate from, LocalDate to) implements Days {
	}

	record Wrong(String field, String message) implements Days {
	}

	/** @param dayNote said after “a date such as 2018-07-22” (“ (a day in UTC)” for moderators), or empty */
	static Days days(String from, String to, String dayNote) {
		LocalDate fromDay;
		LocalDate toDay;
		try {
			fromDay = day(from);
		}
		catch (DateTimeParseException ex) {
			return new Wrong("from", "'from' is a date such as 2018-07-22" + dayNote + ".");
		}
		try {
			toDay = day(to);
		}
		catch (DateTimeParseException ex) {
			return new Wrong("to", "'to' is a date such as 2018-07-22" + dayNote + ".");
		}
		if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
			return new Wrong("to", "'to' is on or after 'from'.");
		}
		return new Range(fromDay, toDay);
	}

	private static LocalDate day(String value) {
		String text = blankToNull(value);
		return text == null ? null : LocalDate.parse(text);
	}

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	/**
	 * The results' heading: 1 article found; 12 articles found; More than 1000 articles found (with a thousands comma) when the
	 * engine stopped counting (it counts as far as the last page that can be asked for).
	 */
	static String found(long total, boolean lowerBound, String one, String many) {
		String count = String.format(java.util.Locale.ENGLISH, "%,d", total);
		if (lowerBound) {
			return "More than " + count + " " + many + " found";
		}
		return total == 1 ? "1 " + one + " found" : count + " " + many + " found";
	}

	/** Whether the words, once stripped, are longer than a search may be. */
	static boolean tooLong(String words) {
		return words != null && words.length() > MAX_QUERY;
	}

	/** A results page from 1 to 100; 1 when none is given; 0 when what was given is not one. */
	static int pageNumber(String page) {
		String text = blankToNull(page);
		if (text == null) {
			return 1;
		}
		try {
			int number = Integer.parseInt(text);
			return number >= 1 && number <= 100 ? number : 0;
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	/**
	 * The address of one page of a search: {@code path} with the given parameters that are not blank, in order, and
	 * {@code page} when it is not the first.
	 * @param namesAndValues a parameter's name, then its value, and so on
	 */
	static String link(String path, int page, String... namesAndValues) {
		UriComponentsBuilder url = UriComponentsBuilder.fromPath(path);
		for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
			String value = namesAndValues[i + 1];
			if (value != null && !value.isBlank()) {
				url.queryParam(namesAndValues[i], value);
			}
		}
		if (page > 1) {
			url.queryParam("page", page);
		}
		return url.encode().build().toUriString();
	}
}
