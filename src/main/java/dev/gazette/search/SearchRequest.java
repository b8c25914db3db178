package dev.gazette.search;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A search as it arrives in a URL (the page's form and the API share it), checked: either a query or the field that
 * is wrong and why. Nothing here throws for a reader's typing.
 */
public record SearchRequest(String q, String section, String author, String tag, String kind, String from, String to,
		String sort, String page) {

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
		if (SearchFields.tooLong(text)) {
			return new Invalid("q", SearchFields.TOO_LONG);
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
		SearchFields.Days range = SearchFields.days(from, to, "");
		if (range instanceof SearchFields.Wrong wrong) {
			return new Invalid(wrong.field(), wrong.message());
		}
		SearchFields.Range days = (SearchFields.Range) range;
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
		int pageNumber = SearchFields.pageNumber(page);
		if (pageNumber == 0) {
			return new Invalid("page", SearchFields.BAD_PAGE);
		}
		return new Valid(new ArticleQuery(text, blankToNull(section), blankToNull(author),
				tag == null ? null : blankToNull(tag.toLowerCase(Locale.ROOT)), kindKey, days.from(), days.to(), order,
				pageNumber, pageSize));
	}

	private static String blankToNull(String value) {
		return SearchFields.blankToNull(value);
	}
}
