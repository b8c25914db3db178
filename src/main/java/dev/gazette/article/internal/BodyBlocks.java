package dev.gazette.article.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.gazette.media.Picture;
import dev.gazette.article.Embeds;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * What a body holds beyond plain Markdown: images from the media library and embeds.
 * <ul>
 * <li>{@code ![Alt text](media:42)} (optionally {@code ![Alt](media:42 "Caption")}) is image 42 of the library. Alone
 * in its paragraph it is a {@code <figure>} with the library's renditions as {@code srcset}, its alt text (the
 * Markdown's when written, else the library's), its caption (the title when written, else the library's) and its
 * credit, like the lead image; within a line of text it is the image alone. An id the library does not have shows
 * nothing (the newsroom refuses to save one).</li>
 * <li>A link alone on its own line, to a provider {@link Embeds} knows, is a click-to-load placeholder holding the
 * plain link.</li>
 * </ul>
 * Kept in one file of a little over 300 lines: finding these blocks in a parsed body, their nodes and their renderer
 * change together (a new kind of block touches all three), and each part is short.
 */
public final class BodyBlocks {

	static final Pattern MEDIA = Pattern.compile("media:([0-9]{1,18})");

	/** The same {@code sizes} as the lead image: the body's column is as wide as the lead image. */
	static final String SIZES = "(min-width: 48rem) 45rem, 100vw";

	private BodyBlocks() {
	}

	/** The library image ids a parsed body uses, in order of appearance. */
	public static Set<Long> mediaIds(Node document) {
		Set<Long> ids = new LinkedHashSet<>();
		document.accept(new AbstractVisitor() {
			@Override
			public void visit(Image image) {
				Long id = mediaId(image.getDestination());
				if (id != null) {
					ids.add(id);
				}
				visitChildren(image);
			}
		});
		return ids;
	}

	/** The library images a parsed body shows without alt text of its own ({@code ![](media:42)}), in order. */
	public static Set<Long> mediaIdsWithoutAlt(Node document) {
		Set<Long> ids = new LinkedHashSet<>();
		document.accept(new AbstractVisitor() {
			@Override
			public void visit(Image image) {
				Long id = mediaId(image.getDestination());
				if (id != null && text(image).isBlank()) {
					ids.add(id);
				}
			}
		});
		return ids;
	}

	public static Long mediaId(String destination) {
		if (destination == null) {
			return null;
		}
		Matcher m = MEDIA.matcher(destination.strip());
		return m.matches() ? Long.valueOf(m.group(1)) : null;
	}

	/**
	 * Replaces, in a parsed body, each library image with a {@link MediaFigure} (alone in its paragraph) or a
	 * {@link MediaImage} (within text), and each lone provider link with an {@link EmbedBlock}. Answers whether
	 * anything was replaced.
	 */
	public static boolean transform(Node document) {
		List<Node> images = new ArrayList<>();
		List<Paragraph> paragraphs = new ArrayList<>();
		document.accept(new AbstractVisitor() {
			@Override
			public void visit(Image image) {
				if (mediaId(image.getDestination()) != null) {
					images.add(image);
				}
			}

			@Override
			public void visit(Paragraph paragraph) {
				paragraphs.add(paragraph);
				visitChildren(paragraph);
			}
		});
		boolean changed = false;
		for (Paragraph paragraph : paragraphs) {
			Node only = onlyChild(paragraph);
			if (only instanceof Image image && images.remove(image)) {
				paragraph.insertBefore(new MediaFigure(mediaId(image.getDestination()), text(image), image.getTitle()));
				paragraph.unlink();
				changed = true;
			}
			else if (only != null && paragraph.getParent() == document) {
				String link = loneLink(only);
				if (link != null) {
					Embeds.Embed embed = Embeds.of(link).orElse(null);
					if (embed != null) {
						paragraph.insertBefore(new EmbedBlock(embed));
						paragraph.unlink();
						changed = true;
					}
				}
			}
		}
		for (Node image : images) {
			Image md = (Image) image;
			image.insertBefore(new MediaImage(mediaId(md.getDestination()), text(md)));
			image.unlink();
			changed = true;
		}
		return changed;
	}

	/** The one inline node of a paragraph (line breaks and blank text aside), or {@code null}. */
	private static Node onlyChild(Paragraph paragraph) {
		Node only = null;
		for (Node child = paragraph.getFirstChild(); child != null; child = child.getNext()) {
			if (child instanceof SoftLineBreak || child instanceof Text text && text.getLiteral().isBlank()) {
				continue;
			}
			if (only != null) {
				return null;
			}
			only = child;
		}
		return only;
	}

	/** The address when the node is a bare address: pasted as text, or an autolink whose text is its address. */
	private static String loneLink(Node node) {
		if (node instanceof Text text) {
			String literal = text.getLiteral().strip();
			return literal.startsWith("https://") && !literal.contains(" ") ? literal : null;
		}
		if (node instanceof Link link && link.getFirstChild() instanceof Text text && text.getNext() == null
				&& text.getLiteral().equals(link.getDestination())) {
			return link.getDestination();
		}
		return null;
	}

	private static String text(Node node) {
		StringBuilder text = new StringBuilder();
		node.accept(new AbstractVisitor() {
			@Override
			public void visit(Text t) {
				text.append(t.getLiteral());
			}
		});
		return text.toString().strip();
	}

	/** A library image alone in its paragraph. */
	public static final class MediaFigure extends CustomBlock {

		final long id;

		final String alt;

		final String caption;

		MediaFigure(long id, String alt, String caption) {
			this.id = id;
			this.alt = alt;
			this.caption = caption;
		}
	}

	/** A library image within a line of text. */
	public static final class MediaImage extends CustomNode {

		final long id;

		final String alt;

		MediaImage(long id, String alt) {
			this.id = id;
			this.alt = alt;
		}
	}

	/** A provider's link alone on its line. */
	public static final class EmbedBlock extends CustomBlock {

		final Embeds.Embed embed;

		EmbedBlock(Embeds.Embed embed) {
			this.embed = embed;
		}
	}

	/** Writes the three nodes; {@code pictures} are the library's, by id (an id missing there writes nothing). */
	public static final class Renderer implements NodeRenderer {

		private final HtmlWriter html;

		private final Map<Long, Picture> pictures;

		Renderer(HtmlNodeRendererContext context, Map<Long, Picture> pictures) {
			this.html = context.getWriter();
			this.pictures = pictures;
		}

		@Override
		public Set<Class<? extends Node>> getNodeTypes() {
			return Set.of(MediaFigure.class, MediaImage.class, EmbedBlock.class);
		}

		@Override
		public void render(Node node) {
			if (node instanceof MediaFigure figure) {
				Picture picture = pictures.get(figure.id);
				if (picture == null) {
					return;
				}
				html.line();
				html.tag("figure", Map.of("class", "body-image"));
				image(picture, figure.alt);
				String caption = figure.caption != null && !figure.caption.isBlank() ? figure.caption.strip()
						: picture.caption();
				if (caption != null || picture.credit() != null) {
					html.tag("figcaption");
					if (caption != null) {
						html.text(caption);
					}
					if (caption != null && picture.credit() != null) {
						html.text(" ");
					}
					if (picture.credit() != null) {
						html.tag("span", Map.of("class", "credit"));
						html.text(picture.credit());
						html.tag("/span");
					}
					html.tag("/figcaption");
				}
				html.tag("/figure");
				html.line();
			}
			else if (node instanceof MediaImage image) {
				Picture picture = pictures.get(image.id);
				if (picture != null) {
					image(picture, image.alt);
				}
			}
			else if (node instanceof EmbedBlock block) {
				Embeds.Embed embed = block.embed;
				html.line();
				Map<String, String> attributes = new java.util.LinkedHashMap<>();
				attributes.put("class", "embed");
				attributes.put("data-embed", embed.provider());
				attributes.put("data-embed-src", embed.source());
				html.tag("figure", attributes);
				html.tag("p");
				html.tag("a", Map.of("href", embed.link()));
				html.text(embed.link());
				html.tag("/a");
				html.tag("/p");
				html.tag("/figure");
				html.line();
			}
		}

		private void image(Picture picture, String writtenAlt) {
			Map<String, String> attributes = new java.util.LinkedHashMap<>();
			attributes.put("src", picture.src());
			attributes.put("srcset", picture.srcset());
			attributes.put("sizes", SIZES);
			String alt = writtenAlt != null && !writtenAlt.isBlank() ? writtenAlt : picture.alt();
			attributes.put("alt", alt == null ? "" : alt);
			attributes.put("width", Integer.toString(picture.width()));
			attributes.put("height", Integer.toString(picture.height()));
			attributes.put("loading", "lazy");
			attributes.put("decoding", "async");
			html.tag("img", attributes, true);
		}
	}
}
