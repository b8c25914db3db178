package dev.gazette.article.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.gazette.article.Slugs;
import dev.gazette.article.WebAddresses;
import dev.gazette.refusal.FieldProblem;

/**
 * The masthead forms' fields ({@link dev.gazette.article.Contributors}): how a name, an address (slug), a text and a web
 * address are cleaned and checked, each problem collected against its field so that one refusal names them all.
 */
public final class MastheadFields {

	public static final int MAX_NAME = 60;

	public static final int MAX_SLUG = 80;

	public static final int MAX_DESCRIPTION = 500;

	public static final int MAX_TITLE = 100;

	public static final int MAX_BIO = 1_500;

	public static final int MAX_URL = 500;

	private MastheadFields() {
	}

	public static String clean(String text) {
		return text == null ? "" : text.replaceAll("[\\p{Cc}\\s]+", " ").strip();
	}

	public static String optional(String text) {
		if (text == null) {
			return null;
		}
		String stripped = text.replace("\r\n", "\n").strip();
		return stripped.isEmpty() ? null : stripped;
	}

	public static String slug(String given, String name) {
		String slug = given == null ? "" : given.strip().toLowerCase(Locale.ROOT);
		return slug.isEmpty() ? Slugs.of(name) : slug;
	}

	public static Optional<String> slugProblem(String slug) {
		if (slug.isEmpty()) {
			return Optional.of("Please give an address (letters, digits and hyphens).");
		}
		if (!slug.equals(Slugs.of(slug))) {
			return Optional.of("An address may hold only lower-case letters, digits and single hyphens, like “"
					+ Slugs.of(slug) + "”.");
		}
		if (slug.length() > MAX_SLUG) {
			return Optional.of("An address can be at most " + MAX_SLUG + " characters long.");
		}
		return Optional.empty();
	}

	public static void required(List<FieldProblem> problems, String field, String value, int max, String what) {
		if (value.isEmpty()) {
			problems.add(new FieldProblem(field, "Please give " + what + "."));
		}
		else {
			tooLong(problems, field, value, max);
		}
	}

	public static void tooLong(List<FieldProblem> problems, String field, String value, int max) {
		if (value != null && value.codePointCount(0, value.length()) > max) {
			problems.add(new FieldProblem(field, "This can be at most " + max + " characters long."));
		}
	}

	public static void url(List<FieldProblem> problems, String field, String value) {
		if (value != null && !WebAddresses.isWebAddress(value, MAX_URL)) {
			problems.add(new FieldProblem(field, "Please give a full web address starting with https:// or http://."));
		}
	}
}
