package dev.gazette.comment.internal;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dev.gazette.article.MarkdownNesting;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Readers' text to HTML: paragraphs, line breaks, emphasis and links, nothing else.
 * <p>
 * commonmark-java parses with every block type switched off (so "# hi" stays text) and escapes raw HTML; the OWASP
 * sanitiser then has the last word with an allow-list of those few elements, http(s)/mailto links only, and
 * {@code rel="nofollow ugc noopener"} forced onto every link.
 */
public final class CommentText {

	private static final Parser PARSER = Parser.builder().enabledBlockTypes(Set.of()).build();

	private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
		.escapeHtml(true)
		.sanitizeUrls(true)
		.softbreak("<br>")
		.build();

	/** A link must lead somewhere: commonmark empties unsafe destinations, and an empty link is dropped (text kept). */
	private static final Pattern LINK_TARGET = Pattern.compile("(?i)^(https?:|mailto:).+");

	private static final PolicyFactory POLICY = new HtmlPolicyBuilder().allowElements("p", "br", "em", "strong", "a")
		.allowAttributes("href")
		.matching(LINK_TARGET)
		.onElements("a")
		.allowUrlProtocols("http", "https", "mailto")
		.requireRelsOnLinks("nofollow", "ugc", "noopener")
		.toFactory();

	/**
	 * The most HTML one comment may render to, the size of the {@code body_html} column. Link reference definitions
	 * let a short text expand: one long address used a thousand times.
	 */
	public static final int MAX_HTML = 100_000;

	/** C0 and C1 control characters other than tab and newline; they have no business in a comment. */
	private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");

	private CommentText() {
	}

	/** The text as we store it: line endings normalised, control characters dropped, outer whitespace trimmed. */
	public static String clean(String text) {
		if (text == null) {
			return "";
		}
		return CONTROL.matcher(text.replace("\r\n", "\n").replace('\r', '\n')).replaceAll("").strip();
	}

	/** A display name on one line: any run of whitespace or control characters becomes one space. */
	public static String cleanName(String name) {
		if (name == null) {
			return "";
		}
		return name.replaceAll("[\\p{Cc}\\s]+", " ").strip();
	}

	public static int length(String text) {
		return text.codePointCount(0, text.length());
	}

	/**
	 * A reader's text as HTML, and whether it nests emphasis or links deeper than {@link MarkdownNesting#MAX_DEPTH}
	 * (which posting refuses; its HTML is then the escaped text). One parse gives both, on the posting path.
	 */
	public record Rendered(String html, boolean tooDeep) {

		/** For a text too long to post: refused anyway, so it is not rendered at all. */
		public static final Rendered NOT_RENDERED = new Rendered("", false);
	}

	/** Text nested too deep to render (which posting refuses) becomes escaped text, never an error. */
	public static String toHtml(String text) {
		return render(text).html();
	}

	public static Rendered render(String text) {
		Optional<Node> tree = MarkdownNesting.parseInlineWithin(text, PARSER);
		if (tree.isEmpty()) {
			return new Rendered(escaped(text), true);
		}
		try {
			return new Rendered(POLICY.sanitize(RENDERER.render(tree.get())).strip(), false);
		}
		catch (StackOverflowError tooDeepToRender) {
			return new Rendered(escaped(text), false);
		}
	}

	private static String escaped(String text) {
		return POLICY.sanitize("<p>" + text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "</p>");
	}
}
