package dev.gazette.search;

import java.time.LocalDate;
import java.util.Set;

/**
 * What a moderator asked for. Every part is optional; the parts given must all match.
 * @param text words in the comment, in the readers' search syntax (phrases, -exclusions, OR)
 * @param statuses status keys ({@code published}, {@code pending}, {@code rejected}, {@code deleted}); empty: any
 * @param article an article's slug, or {@code null}
 * @param authorName words of the author's display name (folded like any text), or {@code null}
 * @param email an e-mail address, lower case: a guest's as given, or an account's, or {@code null}
 * @param accountIds accounts whose comments match (an account's id, or the accounts an e-mail belongs to); with
 * {@code email} either may match
 * @param from first day (inclusive, UTC), or {@code null}
 * @param to last day (inclusive, UTC), or {@code null}
 * @param page from 1
 */
public record CommentQuery(String text, Set<String> statuses, String article, String authorName, String email,
		Set<Long> accountIds, LocalDate from, LocalDate to, ArticleQuery.Order order, int page, int size) {

	public boolean hasText() {
		return text != null && !text.isBlank();
	}

	CommentQuery withAccounts(Set<Long> accounts) {
		return new CommentQuery(text, statuses, article, authorName, email, accounts, from, to, order, page, size);
	}
}
