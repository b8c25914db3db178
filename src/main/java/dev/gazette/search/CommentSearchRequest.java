package dev.gazette.search;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A moderator's comment search as it arrives in a URL (the console's form and the API share it), checked: a query, or
 * the field that is wrong and why.
 * @param status one or more of published, held (or pending), rejected, deleted, separated by commas; empty: any
 * @param author words of the author's name, or an e-mail address (it has an {@code @}), or {@code account:<id>}
 */
public record CommentSearchRequest(String q, String status, String article, String author, String from, String to,
		String sort, String page) {

	private static final Pattern SLUG = Pattern.compile("[\\p{L}\\p{N}-]{1,200}");

	private static final Pattern ACCOUNT = Pattern.compile("account:(\\d{1,18})");

	private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+");

	/** The outcome of checking. */
	sealed interface Checked permits Valid, Invalid {
	}

	record Valid(CommentQuery query) implements Checked {
	}

	/** @param field the parameter's name, as in the URL */
	record Invalid(String field, String message) implements Checked {
	}

	/** Nothing asked yet: the page shows the empty form. */
	boolean isEmpty() {
		return java.util.stream.Stream.of(q, status, article, author, from, to).allMatch(v -> v == null || v.isBlank());
	}

	Checked check(int pageSize) {
		String text = blankToNull(q);
		if (SearchFields.tooLong(text)) {
			return new Invalid("q", SearchFields.TOO_LONG);
		}
		Set<String> statuses = new LinkedHashSet<>();
		if (blankToNull(status) != null) {
			for (String part : status.split(",")) {
				String key = part.strip().toLowerCase(Locale.ROOT);
				switch (key) {
					case "" -> {
					}
					case "published", "rejected", "deleted", "pending" -> statuses.add(key);
					case "held" -> statuses.add("pending");
					default -> {
						return new Invalid("status", "'status' is published, held, rejected or deleted (several: separate "
								+ "them with commas).");
					}
				}
			}
		}
		String slug = blankToNull(article);
		if (slug != null && !SLUG.matcher(slug).matches()) {
			return new Invalid("article", "'article' takes an article's short name, as in its address.");
		}
		String name = null;
		String email = null;
		Set<Long> accounts = Set.of();
		String who = blankToNull(author);
		if (who != null) {
			if (who.length() > 200) {
				return new Invalid("author", "'author' is at most 200 characters long.");
			}
			var account = ACCOUNT.matcher(who);
			if (account.matches()) {
				accounts = Set.of(Long.parseLong(account.group(1)));
			}
			else if (who.contains("@")) {
				if (!EMAIL.matcher(who).matches()) {
					return new Invalid("author", "'author' with an @ is an e-mail address, such as reader@example.org.");
				}
				email = who.toLowerCase(Locale.ROOT);
			}
			else {
				name = who;
			}
		}
		SearchFields.Days range = SearchFields.days(from, to, " (a day in UTC)");
		if (range instanceof SearchFields.Wrong wrong) {
			return new Invalid(wrong.field(), wrong.message());
		}
		SearchFields.Range days = (SearchFields.Range) range;
		ArticleQuery.Order order;
		String sortKey = blankToNull(sort);
		if (sortKey == null || sortKey.equals("date")) {
			order = ArticleQuery.Order.DATE;
		}
		else if (sortKey.equals("relevance")) {
			order = ArticleQuery.Order.RELEVANCE;
		}
		else {
			return new Invalid("sort", "'sort' is date or relevance.");
		}
		int pageNumber = SearchFields.pageNumber(page);
		if (pageNumber == 0) {
			return new Invalid("page", SearchFields.BAD_PAGE);
		}
		return new Valid(new CommentQuery(text, Set.copyOf(statuses), slug, name, email, accounts, days.from(), days.to(), order,
				pageNumber, pageSize));
	}

	private static String blankToNull(String value) {
		return SearchFields.blankToNull(value);
	}
}
