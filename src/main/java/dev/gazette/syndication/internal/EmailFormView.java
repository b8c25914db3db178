package dev.gazette.syndication.internal;

import java.util.Map;

import dev.gazette.article.Article;
import dev.gazette.article.Author;

/**
 * The “email a copy to a friend” form as the reader left it: the article it is about, what they typed, and what
 * to fix ({@code errors} by field, {@code message} about the whole form).
 */
public record EmailFormView(String slug, String headline, String standfirst, String byline, String to, String name,
		String note, Map<String, String> errors, String message) {

	public static final int MAX_RECIPIENTS = FriendRequest.MAX_RECIPIENTS;

	public static final int MAX_NAME = FriendRequest.MAX_NAME;

	public static final int MAX_NOTE = FriendRequest.MAX_NOTE;

	public static final int MAX_ADDRESS_FIELD = FriendRequest.MAX_ADDRESS_FIELD;

	public static EmailFormView of(Article article, String to, String name, String note, Map<String, String> errors,
			String message) {
		return new EmailFormView(article.slug(), article.headline(), article.standfirst(),
				String.join(" and ", article.authors().stream().map(Author::displayName).toList()), nullToEmpty(to),
				nullToEmpty(name), nullToEmpty(note), Map.copyOf(errors), message);
	}

	public String articlePath() {
		return "/articles/" + slug;
	}

	public String errorFor(String field) {
		return errors.get(field);
	}

	public boolean failed() {
		return message != null || !errors.isEmpty();
	}

	private static String nullToEmpty(String text) {
		return text == null ? "" : text;
	}
}
