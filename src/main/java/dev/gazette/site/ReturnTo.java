package dev.gazette.site;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Where a reader goes back to after signing in: the {@code next} parameter of the sign-in form, when it names a page
 * of this site. Only an article's path (with an optional fragment) is accepted, so the parameter cannot send anyone
 * to another site ({@code //evil.example}, {@code /\evil.example}) or to a page that acts on arrival.
 */
public final class ReturnTo {

	private static final Pattern ARTICLE = Pattern.compile("/articles/[a-z0-9][a-z0-9-]{0,199}(#[a-z0-9-]{1,60})?");

	private ReturnTo() {
	}

	/** The page to return to, or {@code null} when {@code next} is missing or not one to trust. */
	public static String safe(String next) {
		return next != null && ARTICLE.matcher(next).matches() ? next : null;
	}

	/** The sign-in page that returns to {@code path} afterwards (or the plain one when the path is not trusted). */
	public static String signInFrom(String path) {
		String safe = safe(path);
		return safe == null ? "/sign-in" : "/sign-in?next=" + URLEncoder.encode(safe, StandardCharsets.UTF_8);
	}
}
