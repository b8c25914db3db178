package dev.gazette.transfer.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTML from an export made into text: titles and excerpts to plain text, comments to the small Markdown that Gazette's
 * comments take (paragraphs, line breaks, emphasis, links). Gazette escapes and sanitises the result as it does any
 * reader's text; this only keeps what the writer meant.
 */
public final class PlainText {

	private static final Pattern LINK = Pattern.compile("(?is)<a\\b[^>]*?href\\s*=\\s*[\"']([^\"']*)[\"'][^>]*>(.*?)</a>");

	private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");

	private static final Pattern NUMERIC = Pattern.compile("&#(x[0-9a-fA-F]+|[0-9]+);");

	private PlainText() {
	}

	/** Text with no markup at all: tags dropped, entities decoded, runs of whitespace made one space. */
	public static String of(String html) {
		if (html == null) {
			return "";
		}
		return decode(TAG.matcher(html.replaceAll("(?is)<!--.*?-->", "")).replaceAll(" ")).replaceAll("\\s+", " ").strip();
	}

	/** A comment's HTML as Gazette comment text. */
	public static String comment(String html) {
		String text = html.replace("\r\n", "\n");
		Matcher links = LINK.matcher(text);
		StringBuilder out = new StringBuilder();
		while (links.find()) {
			String label = TAG.matcher(links.group(2)).replaceAll("").strip();
			String href = links.group(1).strip();
			String replacement = href.matches("(?i)https?://.*") ? "[" + label + "](" + href + ")" : label;
			links.appendReplacement(out, Matcher.quoteReplacement(replacement));
		}
		links.appendTail(out);
		text = out.toString()
			.replaceAll("(?i)<br\\s*/?>", "\n")
			.replaceAll("(?i)</p>\\s*", "\n\n")
			.replaceAll("(?i)</?(em|i)>", "*")
			.replaceAll("(?i)</?(strong|b)>", "**");
		text = TAG.matcher(text).replaceAll("");
		return decode(text).replaceAll("\n{3,}", "\n\n").strip();
	}

	public static String decode(String text) {
		Matcher m = NUMERIC.matcher(text);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String n = m.group(1);
			int code;
			try {
				code = n.startsWith("x") ? Integer.parseInt(n.substring(1), 16) : Integer.parseInt(n);
			}
			catch (NumberFormatException ex) {
				code = 0xFFFD;
			}
			String replacement = Character.isValidCodePoint(code) && code != 0 ? Character.toString(code) : "\uFFFD";
			m.appendReplacement(out, Matcher.quoteReplacement(replacement));
		}
		m.appendTail(out);
		return out.toString()
			.replace("&nbsp;", "\u00a0")
			.replace("&hellip;", "…")
			.replace("&ndash;", "–")
			.replace("&mdash;", "—")
			.replace("&lsquo;", "‘")
			.replace("&rsquo;", "’")
			.replace("&ldquo;", "“")
			.replace("&rdquo;", "”")
			.replace("&quot;", "\"")
			.replace("&#039;", "'")
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&amp;", "&");
	}

	/** At most {@code max} code points, cut at a space where one is near, with an ellipsis when cut. */
	public static String limit(String text, int max) {
		if (text.codePointCount(0, text.length()) <= max) {
			return text;
		}
		int end = text.offsetByCodePoints(0, max - 1);
		int space = text.lastIndexOf(' ', end);
		return text.substring(0, space > end - 40 && space > 0 ? space : end).strip() + "…";
	}
}
