package dev.gazette.transfer;

import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import dev.gazette.article.ArticleCatalog;
import dev.gazette.transfer.internal.SiteRows;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The whole publication as a WordPress export (WXR 1.2, the format of WordPress's <i>Tools → Export</i>, which its
 * importer and Gazette's read): authors, sections as categories, tags, every image as an attachment, every article as
 * a post and every site page as a page, each with its comments in every status. Written as it is read, one item at a
 * time ({@link XMLStreamWriter} over {@link SiteRows}' pages), so a site of any size exports in bounded memory.
 * <p>
 * Ids: an article keeps its id as {@code wp:post_id} (so {@code ?p=ID} addresses carried over stay right), images are
 * numbered after the highest article id and pages after the highest image. Article bodies are written as the HTML
 * readers see (rendered and sanitised), comments likewise. Statuses: published → {@code publish}, scheduled →
 * {@code future}, draft → {@code draft}, submitted or in review → {@code pending}, unpublished → {@code private};
 * comments published → {@code 1}, held → {@code 0}, rejected → {@code spam}, deleted by their writer → {@code trash}.
 * Readers' e-mail addresses are written only when asked ({@link ExportOptions#readersEmails()}).
 * <p>
 * Its length is the format: WXR has one element order for authors, terms, attachments, posts and pages, and keeping the
 * whole writer in one file lets it be read top to bottom against WordPress's own export.
 */
@Service
public class WxrExport {

	private static final String WP = "http://wordpress.org/export/1.2/";

	private static final String EXCERPT = "http://wordpress.org/export/1.2/excerpt/";

	private static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";

	private static final String WFW = "http://wellformedweb.org/CommentAPI/";

	private static final String DC = "http://purl.org/dc/elements/1.1/";

	private static final DateTimeFormatter WORDPRESS_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private static final String NO_TIME = "0000-00-00 00:00:00";

	private final SiteRows rows;

	private final ArticleCatalog catalog;

	private final String baseUrl;

	private final Clock clock;

	WxrExport(SiteRows rows, ArticleCatalog catalog, @Value("${gazette.base-url}") String baseUrl, Clock clock) {
		this.rows = rows;
		this.catalog = catalog;
		this.clock = clock;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/** What an export wrote, by kind. */
	public record Written(long authors, long sections, long tags, long media, long articles, long pages,
			long comments) {
	}

	/** The export's size before it is written: what the admin page shows and the progress bar counts toward. */
	public ExportSize size() {
		SiteRows.Counts c = rows.counts();
		return new ExportSize(c.articles(), c.comments(), c.authors(), c.sections(), c.tags(), c.media(), c.pages());
	}

	/**
	 * Writes the export to {@code out} (left open).
	 * @param progress hears articles done out of all articles
	 */
	public Written write(OutputStream out, ExportOptions options, WordPressImport.Progress progress) {
		try {
			XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
			Writer writer = new Writer(new Xml(xml), options, ZoneId.of(rows.site().timeZone()));
			Written written = writer.all(progress);
			xml.flush();
			return written;
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("The export could not be written: " + ex.getMessage(), ex);
		}
	}

	/** One export's run: the counts and the ids it numbers. */
	private final class Writer {

		private final Xml xml;

		private final ExportOptions options;

		private final ZoneId zone;

		private long authors, sections, tags, media, articles, pages, comments;

		Writer(Xml xml, ExportOptions options, ZoneId zone) {
			this.xml = xml;
			this.options = options;
			this.zone = zone;
		}

		Written all(WordPressImport.Progress progress) throws XMLStreamException {
			SiteRows.Site site = rows.site();
			long total = rows.counts().articles();
			long mediaBase = rows.maxId("article");
			long pageBase = mediaBase + rows.maxId("media");
			xml.w.writeStartDocument("UTF-8", "1.0");
			xml.w.writeCharacters("\n");
			xml.w.writeComment(" A WordPress eXtended RSS (WXR 1.2) export of " + clean(site.name()).replace("--", "—")
					+ ", written by Gazette. WordPress imports it with Tools → Import → WordPress. ");
			xml.w.writeCharacters("\n");
			xml.w.writeStartElement("rss");
			xml.w.writeAttribute("version", "2.0");
			xml.w.writeNamespace("excerpt", EXCERPT);
			xml.w.writeNamespace("content", CONTENT);
			xml.w.writeNamespace("wfw", WFW);
			xml.w.writeNamespace("dc", DC);
			xml.w.writeNamespace("wp", WP);
			xml.w.writeStartElement("channel");
			xml.text("title", site.name());
			xml.text("link", baseUrl);
			xml.text("description", site.tagline());
			xml.text("pubDate", rfc1123(clock.instant()));
			xml.text("language", "en");
			xml.wp("wxr_version", "1.2");
			xml.wp("base_site_url", baseUrl);
			xml.wp("base_blog_url", baseUrl);
			rows.authors(this::author);
			rows.sections(this::section);
			rows.tags(this::tag);
			xml.text("generator", "Gazette");
			rows.media(m -> attachment(m, mediaBase + m.id()));
			int[] done = { 0 };
			rows.articles(a -> {
				article(a, mediaBase);
				progress.at(++done[0], (int) Math.min(Integer.MAX_VALUE, total));
			});
			long[] n = { pageBase };
			rows.pages(p -> page(p, ++n[0]));
			xml.w.writeEndElement();
			xml.w.writeEndElement();
			xml.w.writeEndDocument();
			return new Written(authors, sections, tags, media, articles, pages, comments);
		}

		private void author(SiteRows.AuthorRow author) {
			xml.element("wp", "author", () -> {
				xml.wp("author_id", Long.toString(author.id()));
				xml.wpData("author_login", author.slug());
				xml.wpData("author_email", author.email() == null ? "" : author.email());
				xml.wpData("author_display_name", author.displayName());
				String[] names = author.displayName().strip().split("\\s+", 2);
				xml.wpData("author_first_name", names[0]);
				xml.wpData("author_last_name", names.length > 1 ? names[1] : "");
			});
			authors++;
		}

		private void section(SiteRows.SectionRow section) {
			xml.element("wp", "category", () -> {
				xml.wp("term_id", Long.toString(section.id()));
				xml.wpData("category_nicename", section.slug());
				xml.wpData("category_parent", "");
				xml.wpData("cat_name", section.name());
				if (section.description() != null && !section.description().isBlank()) {
					xml.wpData("category_description", section.description());
				}
			});
			sections++;
		}

		private void tag(SiteRows.TagRow tag) {
			xml.element("wp", "tag", () -> {
				xml.wp("term_id", Long.toString(tag.id()));
				xml.wpData("tag_slug", tag.slug());
				xml.wpData("tag_name", tag.name());
			});
			tags++;
		}

		private void attachment(SiteRows.MediaRow item, long postId) {
			String url = baseUrl + item.largestPath();
			xml.element("", "item", () -> {
				xml.text("title", item.fileName());
				xml.text("link", url);
				xml.text("pubDate", rfc1123(item.createdAt()));
				xml.data(DC, "creator", "");
				guid(url, true);
				xml.text("description", "");
				xml.data(CONTENT, "encoded", item.credit() == null ? "" : item.credit());
				xml.data(EXCERPT, "encoded", item.caption() == null ? "" : item.caption());
				xml.wp("post_id", Long.toString(postId));
				times(item.createdAt(), item.createdAt(), item.updatedAt());
				xml.wpData("comment_status", "closed");
				xml.wpData("ping_status", "closed");
				xml.wpData("post_name", "media-" + item.id());
				xml.wpData("status", "inherit");
				xml.wp("post_parent", "0");
				xml.wp("menu_order", "0");
				xml.wpData("post_type", "attachment");
				xml.wpData("post_password", "");
				xml.wp("is_sticky", "0");
				xml.wpData("attachment_url", url);
				meta("_wp_attached_file", item.largestPath().substring(1));
				if (item.alt() != null) {
					meta("_wp_attachment_image_alt", item.alt());
				}
			});
			media++;
		}

		private void article(SiteRows.ArticleRow article, long mediaBase) {
			String link = baseUrl + "/articles/" + org.springframework.web.util.UriUtils.encodePathSegment(article.slug(),
					java.nio.charset.StandardCharsets.UTF_8);
			xml.element("", "item", () -> {
				xml.text("title", article.headline());
				xml.text("link", link);
				xml.text("pubDate", rfc1123(article.publishedAt() != null ? article.publishedAt()
						: article.createdAt() != null ? article.createdAt() : Instant.EPOCH));
				xml.data(DC, "creator", article.authors().isEmpty() ? "" : article.authors().get(0));
				guid(baseUrl + "/?p=" + article.id(), false);
				xml.text("description", "");
				xml.data(CONTENT, "encoded", readable(catalog.renderBody(article.bodyMarkdown())));
				xml.data(EXCERPT, "encoded", article.standfirst() == null ? "" : article.standfirst());
				xml.wp("post_id", Long.toString(article.id()));
				String status = status(article.state());
				boolean dated = !status.equals("draft") && !status.equals("pending");
				times(article.publishedAt() != null ? article.publishedAt() : article.createdAt(),
						dated ? article.publishedAt() : null, article.updatedAt() != null ? article.updatedAt()
								: article.publishedAt());
				xml.wpData("comment_status", article.commentsOpen() ? "open" : "closed");
				xml.wpData("ping_status", "closed");
				xml.wpData("post_name", article.slug());
				xml.wpData("status", status);
				xml.wp("post_parent", "0");
				xml.wp("menu_order", "0");
				xml.wpData("post_type", "post");
				xml.wpData("post_password", "");
				xml.wp("is_sticky", "0");
				if (article.section() != null) {
					term("category", article.section(), article.sectionName());
				}
				article.tags().forEach(tag -> term("post_tag", tag.slug(), tag.name()));
				if (article.leadMediaId() != null) {
					meta("_thumbnail_id", Long.toString(mediaBase + article.leadMediaId()));
				}
				if (article.kind() != null) {
					meta("_gazette_kind", article.kind());
				}
				if (article.sourceUrl() != null) {
					meta("_gazette_source", article.sourceName() == null ? article.sourceUrl()
							: article.sourceName() + " " + article.sourceUrl());
				}
				rows.comments(article.id(), this::comment);
			});
			articles++;
		}

		/** As WordPress writes a post's category or tag: its slug in {@code nicename}, its name as the text. */
		private void term(String domain, String slug, String name) {
			try {
				xml.w.writeStartElement("category");
				xml.w.writeAttribute("domain", domain);
				xml.w.writeAttribute("nicename", slug);
				xml.cdata(name);
				xml.w.writeEndElement();
			}
			catch (XMLStreamException ex) {
				throw new IllegalStateException(ex);
			}
		}

		private void page(SiteRows.PageRow page, long postId) {
			xml.element("", "item", () -> {
				xml.text("title", page.title());
				xml.text("link", baseUrl + "/" + page.slug());
				xml.text("pubDate", rfc1123(page.updatedAt()));
				xml.data(DC, "creator", "");
				guid(baseUrl + "/?page_id=" + postId, false);
				xml.text("description", "");
				xml.data(CONTENT, "encoded", readable(catalog.renderBody(page.bodyMarkdown())));
				xml.data(EXCERPT, "encoded", "");
				xml.wp("post_id", Long.toString(postId));
				times(page.updatedAt(), page.updatedAt(), page.updatedAt());
				xml.wpData("comment_status", "closed");
				xml.wpData("ping_status", "closed");
				xml.wpData("post_name", page.slug());
				xml.wpData("status", "publish");
				xml.wp("post_parent", "0");
				xml.wp("menu_order", "0");
				xml.wpData("post_type", "page");
				xml.wpData("post_password", "");
				xml.wp("is_sticky", "0");
			});
			pages++;
		}

		private void comment(SiteRows.CommentRow comment) {
			xml.element("wp", "comment", () -> {
				xml.wp("comment_id", Long.toString(comment.id()));
				xml.wpData("comment_author", comment.authorName());
				xml.wpData("comment_author_email",
						options.readersEmails() && comment.email() != null ? comment.email() : "");
				xml.wpData("comment_author_url", "");
				xml.wpData("comment_author_IP", "");
				xml.wpData("comment_date", local(comment.createdAt()));
				xml.wpData("comment_date_gmt", gmt(comment.createdAt()));
				xml.wpData("comment_content", readable(comment.bodyHtml()));
				xml.wpData("comment_approved", switch (comment.status()) {
					case "published" -> "1";
					case "rejected" -> "spam";
					case "deleted" -> "trash";
					default -> "0";
				});
				xml.wpData("comment_type", "comment");
				xml.wpData("comment_parent", comment.parentId() == null ? "0" : Long.toString(comment.parentId()));
				xml.wp("comment_user_id", comment.accountId() == null ? "0" : Long.toString(comment.accountId()));
			});
			comments++;
		}

		private void guid(String value, boolean permaLink) {
			try {
				xml.w.writeStartElement("guid");
				xml.w.writeAttribute("isPermaLink", Boolean.toString(permaLink));
				xml.w.writeCharacters(clean(value));
				xml.w.writeEndElement();
			}
			catch (XMLStreamException ex) {
				throw new IllegalStateException(ex);
			}
		}

		private void times(Instant date, Instant dateGmt, Instant modified) {
			xml.wpData("post_date", local(date));
			xml.wpData("post_date_gmt", gmt(dateGmt));
			xml.wpData("post_modified", local(modified));
			xml.wpData("post_modified_gmt", gmt(modified));
		}

		private void meta(String key, String value) {
			xml.element("wp", "postmeta", () -> {
				xml.wpData("meta_key", key);
				xml.wpData("meta_value", value);
			});
		}

		private String local(Instant at) {
			return at == null ? NO_TIME : WORDPRESS_TIME.format(at.atZone(zone));
		}
	}

	private static String gmt(Instant at) {
		return at == null ? NO_TIME : WORDPRESS_TIME.format(at.atOffset(ZoneOffset.UTC));
	}

	private static String status(String state) {
		return switch (state) {
			case "published" -> "publish";
			case "scheduled" -> "future";
			case "submitted", "in_review" -> "pending";
			case "unpublished" -> "private";
			default -> "draft";
		};
	}

	private static String rfc1123(Instant at) {
		return DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT).format(at.atOffset(ZoneOffset.UTC));
	}

	private static final java.util.regex.Pattern NUMERIC = java.util.regex.Pattern.compile("&#(?:x([0-9a-fA-F]{1,6})|([0-9]{1,7}));");

	/**
	 * Sanitised HTML with its numeric character references written as the characters (the sanitiser writes emoji as
	 * {@code &#127881;}): the same HTML to a browser, and readable text to anyone opening the file. The characters that
	 * mean something in HTML (angle brackets, ampersands and quotation marks) and control characters stay references.
	 */
	static String readable(String html) {
		if (html == null || html.indexOf("&#") < 0) {
			return html;
		}
		java.util.regex.Matcher m = NUMERIC.matcher(html);
		StringBuilder out = new StringBuilder(html.length());
		while (m.find()) {
			int code = m.group(1) != null ? Integer.parseInt(m.group(1), 16) : Integer.parseInt(m.group(2));
			boolean keep = code < 0x20 || code == '<' || code == '>' || code == '&' || code == '"' || code == '\''
					|| !Character.isValidCodePoint(code) || (code >= 0xD800 && code <= 0xDFFF) || code == 0xFFFE
					|| code == 0xFFFF;
			m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(keep ? m.group() : Character.toString(code)));
		}
		m.appendTail(out);
		return out.toString();
	}

	/** Text without the characters XML 1.0 cannot hold (most control characters, unpaired surrogates). */
	static String clean(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder out = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean ok;
			if (Character.isHighSurrogate(c)) {
				ok = i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
				if (ok) {
					if (out != null) {
						out.append(c).append(text.charAt(i + 1));
					}
					i++;
					continue;
				}
			}
			else if (Character.isLowSurrogate(c)) {
				ok = false;
			}
			else {
				ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF);
			}
			if (!ok && out == null) {
				out = new StringBuilder(text.length()).append(text, 0, i);
			}
			if (out != null && ok) {
				out.append(c);
			}
		}
		return out == null ? text : out.toString();
	}

	/** The stream writer with WordPress's habits: text in CDATA sections, a {@code ]]>} in text split across two. */
	private static final class Xml {

		final XMLStreamWriter w;

		Xml(XMLStreamWriter w) {
			this.w = w;
		}

		interface Body {

			void write() throws XMLStreamException;
		}

		interface Children {

			void write();
		}

		void element(String prefix, String name, Children children) {
			try {
				w.writeCharacters("\n");
				if (prefix.isEmpty()) {
					w.writeStartElement(name);
				}
				else {
					w.writeStartElement(prefix, name, WP);
				}
				children.write();
				w.writeEndElement();
			}
			catch (XMLStreamException ex) {
				throw new IllegalStateException(ex);
			}
		}

		void text(String name, String value) {
			write(() -> {
				w.writeStartElement(name);
				w.writeCharacters(clean(value));
				w.writeEndElement();
			});
		}

		void wp(String name, String value) {
			write(() -> {
				w.writeStartElement("wp", name, WP);
				w.writeCharacters(clean(value));
				w.writeEndElement();
			});
		}

		void wpData(String name, String value) {
			data(WP, name, value);
		}

		void data(String namespace, String name, String value) {
			String prefix = switch (namespace) {
				case WP -> "wp";
				case EXCERPT -> "excerpt";
				case CONTENT -> "content";
				default -> "dc";
			};
			write(() -> {
				w.writeStartElement(prefix, name, namespace);
				cdata(value);
				w.writeEndElement();
			});
		}

		void cdata(String value) throws XMLStreamException {
			String text = clean(value);
			if (text.isEmpty()) {
				return;
			}
			List<String> parts = new ArrayList<>();
			int from = 0;
			for (int at = text.indexOf("]]>"); at >= 0; at = text.indexOf("]]>", from)) {
				parts.add(text.substring(from, at + 2));
				from = at + 2;
			}
			parts.add(text.substring(from));
			for (String part : parts) {
				w.writeCData(part);
			}
		}

		private void write(Body body) {
			try {
				body.write();
			}
			catch (XMLStreamException ex) {
				throw new IllegalStateException(ex);
			}
		}
	}
}
