package dev.gazette.article;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** URL-safe names: lower case, diacritics dropped, anything else between letters and digits becomes one hyphen. */
public final class Slugs {

	private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

	private Slugs() {
	}

	public static String of(String text) {
		String decomposed = Normalizer.normalize(text.replace('ı', 'i'), Normalizer.Form.NFKD);
		String plain = COMBINING_MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
		String slug = SEPARATORS.matcher(plain).replaceAll("-");
		return slug.replaceAll("(^-+)|(-+$)", "");
	}
}
