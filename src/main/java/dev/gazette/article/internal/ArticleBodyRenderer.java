package dev.gazette.article.internal;

import java.text.Normalizer;
import java.util.Collection;
import java.util.function.Function;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dev.gazette.media.MediaLibrary;
import dev.gazette.media.Picture;
import dev.gazette.article.Embeds;
import dev.gazette.article.MarkdownNesting;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns an article's Markdown into the HTML of its body. Articles come from the newsroom, not from readers, but
 * the sanitiser still has the last word: an editor's pasted snippet must not be able to run script on readers.
 * The editable pages' headings also get ids from their words (“Not allowed” is {@code #not-allowed}), so a nudge can
 * link to the guideline it names.
 */
@Component
public class ArticleBodyRenderer {

	private static final Logger log = LoggerFactory.getLogger(ArticleBodyRenderer.class);

	private static final Pattern HEADING_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	/**
	 * A library image's renditions as {@link dev.gazette.media.Picture#srcset()} writes them (the sanitiser puts a
	 * space before each comma).
	 */
	private static final Pattern SRCSET = Pattern.compile(
			"/media/[0-9]{1,18}/[0-9]{1,5}\\.(jpg|png) [0-9]{1,5}w(\\s*,\\s*/media/[0-9]{1,18}/[0-9]{1,5}\\.(jpg|png) [0-9]{1,5}w){0,30}");

	private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
		.allowElements("p", "br", "em", "strong", "blockquote", "ul", "ol", "li", "h2", "h3", "h4", "a", "code", "pre",
				"hr", "figure", "figcaption", "img")
		.allowAttributes("href").onElements("a")
		.allowAttributes("src", "alt", "width", "height").onElements("img")
		// Only what BodyBlocks writes: the library's own renditions, the lead image's sizes, and lazy loading.
		.allowAttributes("srcset").matching(SRCSET).onElements("img")
		.allowAttributes("sizes").matching(Pattern.compile(Pattern.quote(BodyBlocks.SIZES))).onElements("img")
		.allowAttributes("loading").matching(Pattern.compile("lazy")).onElements("img")
		.allowAttributes("decoding").matching(Pattern.compile("async")).onElements("img")
		.allowElements("span")
		.allowAttributes("class").matching(Pattern.compile("credit")).onElements("span")
		.allowAttributes("class").matching(Pattern.compile("body-image|embed")).onElements("figure")
		.allowAttributes("data-embed").matching(Embeds.PROVIDER).onElements("figure")
		.allowAttributes("data-embed-src").matching(Embeds.SOURCE).onElements("figure")
		.allowAttributes("id").matching(HEADING_ID).onElements("h2", "h3", "h4")
		.allowStandardUrlProtocols()
		.requireRelsOnLinks("noopener")
		.toFactory();

	private final Parser parser = Parser.builder().build();

	private final HtmlRenderer renderer = HtmlRenderer.builder()
		.sanitizeUrls(true)
		.build();

	private final org.commonmark.renderer.text.TextContentRenderer plainText = org.commonmark.renderer.text.TextContentRenderer
		.builder()
		.build();

	private final HtmlRenderer withHeadingIds = HtmlRenderer.builder()
		.sanitizeUrls(true)
		.attributeProviderFactory(context -> new HeadingIds())
		.build();

	/** The library's pictures by id (unknown ids left out): {@link MediaLibrary#pictures}. */
	private final Function<Collection<Long>, Map<Long, Picture>> pictures;

	@org.springframework.beans.factory.annotation.Autowired
	public ArticleBodyRenderer(MediaLibrary media) {
		this(media::pictures);
	}

	public ArticleBodyRenderer(Function<Collection<Long>, Map<Long, Picture>> pictures) {
		this.pictures = pictures;
	}

	public String render(String markdown) {
		return render(markdown, false);
	}

	/** For the editable pages: headings get ids that links can point at. */
	public String renderWithHeadingIds(String markdown) {
		return render(markdown, true);
	}

	/** The media library images a body shows ({@code ![alt](media:42)}), in order; none for text that will not parse. */
	public Set<Long> mediaIds(String markdown) {
		return MarkdownNesting.parseWithin(markdown == null ? "" : markdown, parser).map(BodyBlocks::mediaIds)
			.orElse(Set.of());
	}

	/** The library images a body shows without alt text written in the Markdown: they need the library's. */
	public Set<Long> mediaIdsWithoutAlt(String markdown) {
		return MarkdownNesting.parseWithin(markdown == null ? "" : markdown, parser).map(BodyBlocks::mediaIdsWithoutAlt)
			.orElse(Set.of());
	}

	/**
	 * A body with library images or embeds gets a renderer that knows them, with the images' pictures read once for
	 * the whole body; any other body, the plain one.
	 */
	private String render(String markdown, boolean headingIds) {
		Optional<Node> tree = MarkdownNesting.parseWithin(markdown, parser);
		if (tree.isEmpty() || !BodyBlocks.transform(tree.get())) {
			return render(markdown, tree, headingIds ? withHeadingIds : renderer);
		}
		Set<Long> ids = new HashSet<>();
		tree.get().accept(new AbstractVisitor() {
			@Override
			public void visit(org.commonmark.node.CustomBlock block) {
				if (block instanceof BodyBlocks.MediaFigure figure) {
					ids.add(figure.id);
				}
				visitChildren(block);
			}

			@Override
			public void visit(org.commonmark.node.CustomNode node) {
				if (node instanceof BodyBlocks.MediaImage image) {
					ids.add(image.id);
				}
			}
		});
		Map<Long, Picture> pictures = ids.isEmpty() ? Map.of() : this.pictures.apply(ids);
		HtmlRenderer.Builder builder = HtmlRenderer.builder()
			.sanitizeUrls(true)
			.nodeRendererFactory(context -> new BodyBlocks.Renderer(context, pictures));
		if (headingIds) {
			builder.attributeProviderFactory(context -> new HeadingIds());
		}
		return render(markdown, tree, builder.build());
	}

	/** The body as plain text, for search: what a reader reads, without Markdown's marks or link targets. */
	public String plainText(String markdown) {
		Optional<Node> tree = MarkdownNesting.parseWithin(markdown, parser);
		return tree.isPresent() ? plainText.render(tree.get()) : markdown;
	}

	/** Whether a body or page nests deeper than {@link MarkdownNesting#MAX_DEPTH}, which saving refuses. */
	public boolean tooDeep(String markdown) {
		return MarkdownNesting.tooDeep(markdown, parser);
	}

	/**
	 * Text that nests too deep (saved before the limit, or by a path that forgot to check) is shown as escaped text,
	 * so one piece cannot break every page that lists it.
	 */
	private String render(String markdown, Optional<Node> tree, HtmlRenderer html) {
		if (tree.isPresent()) {
			try {
				return POLICY.sanitize(html.render(tree.get()));
			}
			catch (StackOverflowError tooDeep) {
				log.warn("Markdown of {} characters could not be rendered; shown as text", markdown.length());
			}
		}
		else {
			log.warn("Markdown of {} characters nests deeper than {} levels; shown as text", markdown.length(),
					MarkdownNesting.MAX_DEPTH);
		}
		return asText(markdown);
	}

	private static String asText(String markdown) {
		StringBuilder html = new StringBuilder();
		for (String paragraph : markdown.strip().split("\n\s*\n")) {
			if (!paragraph.isBlank()) {
				html.append("<p>").append(escape(paragraph.strip())).append("</p>\n");
			}
		}
		return html.toString();
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&#34;")
			.replace("'", "&#39;");
	}

	/** Ids from a heading's words, in ASCII; a repeated heading gets -2, -3…; one with no such words, none. */
	private static final class HeadingIds implements AttributeProvider {

		private final Set<String> used = new HashSet<>();

		@Override
		public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
			if (!(node instanceof Heading heading)) {
				return;
			}
			String id = slug(text(heading));
			if (id.isEmpty()) {
				return;
			}
			String unique = id;
			for (int n = 2; !used.add(unique); n++) {
				unique = id + "-" + n;
			}
			attributes.put("id", unique);
		}

		private static String text(Heading heading) {
			StringBuilder text = new StringBuilder();
			heading.accept(new AbstractVisitor() {
				@Override
				public void visit(Text node) {
					text.append(node.getLiteral());
				}

				@Override
				public void visit(Code node) {
					text.append(node.getLiteral());
				}
			});
			return text.toString();
		}

		private static String slug(String words) {
			String ascii = Normalizer.normalize(words, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
			return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
		}
	}
}
