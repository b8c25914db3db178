package dev.gazette.article;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.stereotype.Component;

/**
 * Turns an article's Markdown into the HTML of its body. Articles come from the newsroom, not from readers, but
 * the sanitiser still has the last word: an editor's pasted snippet must not be able to run script on readers.
 */
@Component
class ArticleBodyRenderer {

	private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
		.allowElements("p", "br", "em", "strong", "blockquote", "ul", "ol", "li", "h2", "h3", "h4", "a", "code", "pre",
				"hr", "figure", "figcaption", "img")
		.allowAttributes("href").onElements("a")
		.allowAttributes("src", "alt", "width", "height").onElements("img")
		.allowStandardUrlProtocols()
		.requireRelsOnLinks("noopener")
		.toFactory();

	private final Parser parser = Parser.builder().build();

	private final HtmlRenderer renderer = HtmlRenderer.builder()
		.sanitizeUrls(true)
		.build();

	String render(String markdown) {
		return POLICY.sanitize(renderer.render(parser.parse(markdown)));
	}
}
