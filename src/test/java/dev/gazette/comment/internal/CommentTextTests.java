package dev.gazette.comment.internal;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CommentTextTests {

	/** What a comment looks like on the page: cleaned as stored, then rendered. */
	private static String render(String text) {
		return CommentText.toHtml(CommentText.clean(text));
	}

	@Nested
	class MarkdownSubset {

		@Test
		void emphasisAndStrongEmphasis() {
			assertThat(render("I *really* mean it, **truly**, _honestly_."))
				.isEqualTo("<p>I <em>really</em> mean it, <strong>truly</strong>, <em>honestly</em>.</p>");
		}

		@Test
		void linksAreMarkedAsUserContentThatSearchEnginesShouldNotFollow() {
			String html = render("See [the report](https://example.org/report) for details.");
			assertThat(html).matches("<p>See <a href=\"https://example\\.org/report\" rel=\"[a-z ]+\">the report</a>"
					+ " for details\\.</p>");
			assertThat(relTokens(html)).containsExactlyInAnyOrder("nofollow", "ugc", "noopener");
		}

		@Test
		void mailtoLinksAreAllowed() {
			String html = render("[write to me](mailto:reader@example.org)");
			assertThat(decode(hrefs(html).get(0))).isEqualTo("mailto:reader@example.org");
			assertThat(relTokens(html)).containsExactlyInAnyOrder("nofollow", "ugc", "noopener");
		}

		@Test
		void aLinkWithAQueryKeepsItsAddress() {
			String html = render("[search](https://example.org/find?q=river&lang=en)");
			assertThat(decode(hrefs(html).get(0))).isEqualTo("https://example.org/find?q=river&lang=en");
		}

		@Test
		void blankLinesSeparateParagraphs() {
			assertThat(render("First thought.\n\nSecond thought.")).isEqualTo("<p>First thought.</p>\n<p>Second thought.</p>");
		}

		@Test
		void aSingleLineBreakIsKept() {
			assertThat(render("Roses are red\nViolets are blue")).isEqualTo("<p>Roses are red<br />Violets are blue</p>");
			assertThat(render("Windows\r\nline ending")).isEqualTo("<p>Windows<br />line ending</p>");
		}

		@Test
		void aHeadingStaysText() {
			assertThat(render("# Not a heading")).isEqualTo("<p># Not a heading</p>");
		}

		@Test
		void listsStayText() {
			assertThat(render("- one\n- two")).isEqualTo("<p>- one<br />- two</p>");
			assertThat(render("1. one\n2. two")).isEqualTo("<p>1. one<br />2. two</p>");
		}

		@Test
		void quotesCodeAndRulesStayText() {
			assertThat(render("> quoted")).isEqualTo("<p>&gt; quoted</p>");
			assertThat(render("    indented")).isEqualTo("<p>indented</p>");
			assertThat(render("```\ncode\n```")).doesNotContain("<pre").doesNotContain("<code");
			assertThat(render("a\n\n---\n\nb")).doesNotContain("<hr");
		}

		@Test
		void imagesAreNotShown() {
			assertThat(render("![a cat](https://example.org/cat.png)")).doesNotContain("<img").doesNotContain("cat.png");
		}

		@Test
		void typedHtmlIsShownAsText() {
			assertThat(render("I <b>love</b> this & that")).isEqualTo("<p>I &lt;b&gt;love&lt;/b&gt; this &amp; that</p>");
		}

		@Test
		void outerWhitespaceIsTrimmedAndControlCharactersDropped() {
			assertThat(CommentText.clean("  \n\tHello\u0000 there\u0007\u0085!\r\n  ")).isEqualTo("Hello there!");
			assertThat(CommentText.clean(null)).isEmpty();
		}

		@Test
		void aNameIsOneLine() {
			assertThat(CommentText.cleanName("  Oğuz \n\t Türk\u0000 ")).isEqualTo("Oğuz Türk");
			assertThat(CommentText.cleanName(null)).isEmpty();
		}

		@Test
		void lengthCountsCharactersNotUtf16Units() {
			assertThat(CommentText.length("👍🏽🇮🇱")).isEqualTo(4);
			assertThat(CommentText.length("שלום")).isEqualTo(4);
		}
	}

	@Nested
	class HostileInput {

		@ParameterizedTest
		@ValueSource(strings = { "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>",
				"<svg><script>alert(1)</script></svg>", "[x](javascript:alert(1))", "[x](JaVaScRiPt:alert(1))",
				"[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", "[x](vbscript:msgbox(1))",
				"<a href=\"javascript:alert(1)\">x</a>", "[x](&#106;avascript:alert(1))", "[x](&#x6A;avascript:alert(1))",
				"[x](java&#x09;script:alert(1))", "[x](jav&#x0A;ascript:alert(1))", "[x](java\tscript:alert(1))",
				"[x](java\u0000script:alert(1))", "[x]( javascript:alert(1))", "[x](<javascript:alert(1)>)",
				"[x](%6Aavascript:alert(1))", "[x][evil]\n\n[evil]: javascript:alert(1)", "<javascript:alert(1)>",
				"<iframe src=//evil>", "<style>@import 'x'</style>", "\"><script>", "'><script>alert(1)</script>",
				"<div style=\"background:url(javascript:alert(1))\">",
				"<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
				"<a href=\" javascript:alert(1)\">x</a>", "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e",
				"\u003cscript\u003ealert(1)\u003c/script\u003e", "<a href=\"\\u006Aavascript:alert(1)\">x</a>",
				"[x](\\u006Aavascript:alert(1))", "＜script＞alert(1)＜/script＞", "<!--<script>alert(1)//-->",
				"<![CDATA[<script>alert(1)</script>]]>", "<object data=javascript:alert(1)>",
				"<body onload=alert(1)>", "<input autofocus onfocus=alert(1)>", "*<img src=x onerror=alert(1)>*",
				"[<img src=x onerror=alert(1)>](https://example.org)",
				"[x](https://example.org \"onmouseover=alert(1)\")", "[x](https://example.org\" onmouseover=\"alert(1))",
				"<a href=https://example.org onclick=alert(1)>x</a>", "<p onclick=alert(1)>x</p>" })
		void comesOutHarmless(String attack) {
			assertHarmless(render(attack));
		}

		@Test
		void aScriptTagIsShownAsTheTextTheReaderTyped() {
			assertThat(render("<script>alert(1)</script>")).isEqualTo("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
		}

		@Test
		void anImageWithAnErrorHandlerIsShownAsText() {
			String html = render("<img src=x onerror=alert(1)>");
			assertThat(visibleText(html)).isEqualTo("<img src=x onerror=alert(1)>");
		}

		@Test
		void aBreakoutAttemptIsShownAsText() {
			assertThat(visibleText(render("\"><script>"))).isEqualTo("\"><script>");
		}

		@Test
		void aJavascriptLinkKeepsItsTextButLosesItsTarget() {
			String html = render("[click me](javascript:alert(1))");
			assertThat(visibleText(html)).isEqualTo("click me");
			assertThat(hrefs(html)).allSatisfy(href -> assertThat(decode(href)).isEmpty());
		}
	}

	private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>");

	private static final Pattern ATTRIBUTE = Pattern.compile("\\s+([^\\s=/>]+)(?:\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s>]+))?");

	/**
	 * Without an HTML parser, but strictly: every {@code <} opens a tag from the allow-list, tags carry only
	 * {@code href} and {@code rel}, and no link (entities decoded, whitespace and controls removed) has a scheme
	 * that can run code.
	 */
	static void assertHarmless(String html) {
		String lower = html.toLowerCase(Locale.ROOT);
		assertThat(lower).doesNotContain("<script", "<iframe", "<svg", "<style", "<img", "<math", "<object", "<body",
				"<input", "<!--", "<![cdata");
		assertThat(html).doesNotContainPattern("(?i)<[^>]*\\son\\w+\\s*=");
		assertThat(html.replaceAll(TAG.pattern(), "")).as("text outside tags").doesNotContain("<", ">");
		Matcher tag = TAG.matcher(html);
		while (tag.find()) {
			String name = tag.group(2).toLowerCase(Locale.ROOT);
			assertThat(name).as("element in " + html).isIn("p", "br", "em", "strong", "a");
			Matcher attribute = ATTRIBUTE.matcher(tag.group(3));
			while (attribute.find()) {
				String attributeName = attribute.group(1).toLowerCase(Locale.ROOT);
				assertThat(attributeName).as("attribute in " + html).isIn("href", "rel");
				if (attributeName.equals("href")) {
					String target = decode(unquote(attribute.group(2))).replaceAll("[\\s\\p{Cc}]", "").toLowerCase(Locale.ROOT);
					assertThat(target).as("link target in " + html).doesNotStartWith("javascript:")
						.doesNotStartWith("data:").doesNotStartWith("vbscript:").doesNotContain("script:");
				}
			}
		}
	}

	private static List<String> hrefs(String html) {
		return Pattern.compile("href=\"([^\"]*)\"").matcher(html).results().map(m -> m.group(1)).toList();
	}

	private static List<String> relTokens(String html) {
		Matcher rel = Pattern.compile("rel=\"([^\"]*)\"").matcher(html);
		assertThat(rel.find()).as("a rel attribute in " + html).isTrue();
		return List.of(rel.group(1).split(" "));
	}

	private static String unquote(String value) {
		if (value == null) {
			return "";
		}
		if (value.length() >= 2 && (value.startsWith("\"") || value.startsWith("'"))) {
			return value.substring(1, value.length() - 1);
		}
		return value;
	}

	/** The text a browser would show: tags removed, character references decoded. */
	private static String visibleText(String html) {
		return decode(html.replaceAll(TAG.pattern(), ""));
	}

	/** Decodes the character references the sanitiser writes (named ones for markup, numeric for the rest). */
	private static String decode(String text) {
		Matcher reference = Pattern.compile("&(#[xX][0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);").matcher(text);
		StringBuilder decoded = new StringBuilder();
		while (reference.find()) {
			String name = reference.group(1);
			String replacement = switch (name) {
				case "amp" -> "&";
				case "lt" -> "<";
				case "gt" -> ">";
				case "quot" -> "\"";
				case "apos" -> "'";
				default -> Character.toString(name.startsWith("#x") || name.startsWith("#X")
						? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1)));
			};
			reference.appendReplacement(decoded, Matcher.quoteReplacement(replacement));
		}
		reference.appendTail(decoded);
		return decoded.toString();
	}
}
