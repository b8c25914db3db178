package dev.gazette.transfer.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WordPress post content made into HTML that Gazette's article renderer passes through whole: block-editor comments
 * ({@code <!-- wp:… -->}) dropped, the classic editor's blank-line paragraphs made into {@code <p>}s (WordPress's
 * "autop"), the caption, gallery and embed shortcodes written out as figures and links (nothing is run), and every
 * top-level block started with a block element so that CommonMark keeps it as HTML. The result still goes through the
 * article renderer's sanitiser, which has the last word on what a reader's browser receives.
 */
public final class WordPressContent {

	private static final Pattern BLOCK_COMMENT = Pattern.compile("<!--\\s*/?wp:.*?-->", Pattern.DOTALL);

	private static final Pattern ANY_COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);

	private static final Pattern CAPTION = Pattern.compile("\\[caption([^\\]]*)\\](.*?)\\[/caption\\]",
			Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

	private static final Pattern CAPTION_IMAGE = Pattern.compile("^\\s*((?:<a\\b[^>]*>\\s*)?<img\\b[^>]*>(?:\\s*</a>)?)(.*)$",
			Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

	private static final Pattern GALLERY = Pattern.compile("\\[gallery([^\\]]*)\\]", Pattern.CASE_INSENSITIVE);

	private static final Pattern EMBED = Pattern.compile("\\[embed[^\\]]*\\]\\s*(.*?)\\s*\\[/embed\\]",
			Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

	private static final Pattern ATTRIBUTE = Pattern.compile("(\\w+)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|(\\S+))");

	private static final Pattern BARE_URL_LINE = Pattern.compile("(?m)^\\s*(https?://[^\\s<>\"]+)\\s*$");

	private static final Pattern BLOCK_START = Pattern.compile(
			"(?i)^<(/?)(p|div|h[1-6]|ul|ol|li|dl|dt|dd|blockquote|figure|figcaption|pre|table|thead|tbody|tr|td|th|hr|section|article|aside|header|footer|address|details|summary|center)\\b");

	private static final Pattern PARAGRAPHS = Pattern.compile("\\n\\s*\\n");

	private WordPressContent() {
	}

	/**
	 * The content as HTML for the article body.
	 * @param gallery the pictures of a gallery shortcode's ids, as links: id to an {@code <a>} element, or absent
	 */
	public static String toHtml(String content, Function<String, String> gallery) {
		String html = content.replace("\r\n", "\n").replace('\r', '\n');
		html = BLOCK_COMMENT.matcher(html).replaceAll("");
		html = ANY_COMMENT.matcher(html).replaceAll("");
		html = replace(CAPTION, html, m -> caption(m.group(1), m.group(2)));
		html = replace(GALLERY, html, m -> gallery(m.group(1), gallery));
		html = replace(EMBED, html, m -> link(m.group(1)));
		html = replace(BARE_URL_LINE, html, m -> "\n" + link(m.group(1)) + "\n");
		html = html.replaceAll("(?i)<(/?)b\\b", "<$1strong").replaceAll("(?i)<(/?)i\\b", "<$1em")
			.replaceAll("(?i)<(/?)h1\\b", "<$1h2").replaceAll("(?i)<(/?)h[56]\\b", "<$1h4");
		return paragraphs(html);
	}

	/** WordPress's autop, for the classic editor's text, and CommonMark's HTML blocks, for everything. */
	private static String paragraphs(String html) {
		StringBuilder out = new StringBuilder();
		for (String chunk : PARAGRAPHS.split(html.strip())) {
			String block = chunk.strip();
			if (block.isEmpty()) {
				continue;
			}
			if (BLOCK_START.matcher(block).find()) {
				out.append(block);
			}
			else {
				out.append("<p>").append(block.replaceAll("\\s*\\n\\s*", "<br>\n")).append("</p>");
			}
			out.append("\n\n");
		}
		return out.toString();
	}

	private static String caption(String attributes, String inner) {
		Matcher image = CAPTION_IMAGE.matcher(inner);
		if (!image.matches()) {
			return "<figure>" + inner.strip() + "</figure>";
		}
		String text = image.group(2).strip();
		String captionText = text.isEmpty() ? attributes(attributes).getOrDefault("caption", "") : text;
		return "<figure>" + image.group(1).strip() + (captionText.isEmpty() ? "" : "<figcaption>" + captionText
				+ "</figcaption>") + "</figure>";
	}

	private static String gallery(String attributes, Function<String, String> pictures) {
		String ids = attributes(attributes).getOrDefault("ids", attributes(attributes).getOrDefault("include", ""));
		List<String> links = java.util.Arrays.stream(ids.split(","))
			.map(String::strip)
			.filter(id -> !id.isEmpty())
			.map(pictures)
			.filter(link -> link != null)
			.toList();
		if (links.isEmpty()) {
			return "";
		}
		return "\n<p>Gallery: " + String.join(", ", links) + "</p>\n";
	}

	private static String link(String url) {
		String safe = url.strip().replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
		return "<p><a href=\"" + safe + "\">" + safe + "</a></p>";
	}

	public static Map<String, String> attributes(String text) {
		Map<String, String> attributes = new java.util.HashMap<>();
		Matcher m = ATTRIBUTE.matcher(text == null ? "" : text);
		while (m.find()) {
			String value = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
			attributes.put(m.group(1).toLowerCase(java.util.Locale.ROOT), value);
		}
		return attributes;
	}

	private static String replace(Pattern pattern, String text, Function<Matcher, String> with) {
		Matcher m = pattern.matcher(text);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m)));
		}
		m.appendTail(out);
		return out.toString();
	}
}
