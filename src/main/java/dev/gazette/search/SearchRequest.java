package dev.gazette.search;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A search as it arrives in a URL (the page's form and the API share it), checked: either a query or the field that
 * is wrong and why. Nothing here throws for a reader's typing.
 */
public record SearchRequest(String q, String section, String author, String tag, String kind, String from, String to,
		String sort, String page) {

	static final int MAX_QUERY = 500;

	private static final Pattern SLUG = Pattern.compile("[\\p{L}\\p{N}-]{1,200}");

	/** The outcome of checking. */
	sealed interface Checked permits Valid, Invalid {
	}

	record Valid(ArticleQuery query) implements Checked {
	}

	/** @param field the parameter's name, as in the URL */
	record Invalid(String field, String message) implements Checked {
	}

	Checked check(int pageSize) {
		String text = blankToNull(q);
		if (text != null && text.length() > MAX_QUERY) {
			return new Invalid("q", "A search is at most " + MAX_QUERY + " characters long.");
		}
		for (String[] slug : new String[][] { { "section", section }, { "author", author }, { "tag", tag } }) {
			String value = blankToNull(slug[1]);
			if (value != null && !SLUG.matcher(value).matches()) {
				return new Invalid(slug[0], "'" + slug[0] + "' takes a " + slug[0] + "'s short name, as in its address.");
			}
		}
		String kindKey = blankToNull(kind);
		if (kindKey != null && !kindKey.equals("news") && !kindKey.equals("opinion")) {
			return new Invalid("kind", "'kind' is news or opinion.");
		}
		LocalDate fromDay;
		LocalDate toDay;
		try {
			fromDay = day(from);
		}
		catch (DateTimeParseException ex) {
			return new Invalid("from", "'from' is a date such as 2018-07-22.");
		}
		try {
			toDay = day(to);
		}
		catch (DateTimeParseException ex) {
			return new Invalid("to", "'to' is a date such as 2018-07-22.");
		}
		if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
			return new Invalid("to", "'to' is on or after 'from'.");
		}
		ArticleQuery.Order order;
		String sortKey = blankToNull(sort);
		if (sortKey == null || sortKey.equals("relevance")) {
			order = ArticleQuery.Order.RELEVANCE;
		}
		else if (sortKey.equals("date")) {
			order = ArticleQuery.Order.DATE;
		}
		else {
			return new Invalid("sort", "'sort' is relevance or date.");
		}
		int pageNumber = SearchRequest.pageNumber(page);
		if (pageNumber == 0) {
			return new Invalid("page", "'page' is a whole number from 1 to 100.");
		}
		return new Valid(new ArticleQuery(text, blankToNull(section), blankToNull(author),
				tag == null ? null : blankToNull(tag.toLowerCase(Locale.ROOT)), kindKey, fromDay, toDay, order,
				pageNumber, pageSize));
	}

	private static LocalDate day(String value) {
		String text = blankToNull(value);
		return text == null ? null : LocalDate.parse(text);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	/** A results page from 1 to 100; 1 when none is given; 0 when what was given is not one (readers' and moderators'). */
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
}
