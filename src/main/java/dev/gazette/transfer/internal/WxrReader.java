package dev.gazette.transfer.internal;

import dev.gazette.transfer.ImportRefused;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

/**
 * Streams a WordPress export: the channel's authors, categories and tags, then its items one at a time, each with its
 * meta and comments. Memory is bounded by the largest single item, not the file.
 */
public final class WxrReader {

	/** What the reader hands over, in the file's order. */
	public interface Visitor {

		default void site(String baseUrl) {
		}

		default void author(Wxr.Author author) {
		}

		default void category(Wxr.Category category) {
		}

		default void tag(Wxr.Tag tag) {
		}

		default void item(Wxr.Item item) {
		}
	}

	private WxrReader() {
	}

	/**
	 * Reads the whole file.
	 * @throws ImportRefused when the file is not a readable WordPress export
	 */
	public static void read(Path file, Visitor visitor) {
		try (SafeXml.Opened opened = SafeXml.open(file)) {
			SafeXml.Guarded xml = opened.xml();
			boolean rss = false;
			boolean wxr = false;
			while (true) {
				int event = xml.next();
				if (event == XMLStreamConstants.END_DOCUMENT) {
					break;
				}
				if (event != XMLStreamConstants.START_ELEMENT) {
					continue;
				}
				String name = xml.local();
				String prefix = xml.prefix();
				if (!rss) {
					if (!name.equals("rss")) {
						throw new ImportRefused("This is not a WordPress export: its first element is <" + name
								+ ">, not <rss>. Nothing was imported.");
					}
					rss = true;
					continue;
				}
				if (prefix.equals("wp")) {
					wxr = true;
					switch (name) {
						case "base_site_url" -> visitor.site(xml.text().strip());
						case "author" -> visitor.author(author(xml));
						case "category" -> visitor.category(category(xml));
						case "tag" -> visitor.tag(tag(xml));
						case "wxr_version", "base_blog_url", "term" -> xml.skip();
						default -> xml.skip();
					}
				}
				else if (prefix.isEmpty() && name.equals("item")) {
					wxr = true;
					visitor.item(item(xml));
				}
				else if (!name.equals("channel")) {
					xml.skip();
				}
			}
			if (!wxr) {
				throw new ImportRefused("This RSS file has no WordPress export elements (wp:…): it is a feed, not a WXR "
						+ "export. Export from WordPress with Tools → Export. Nothing was imported.");
			}
		}
		catch (XMLStreamException ex) {
			throw SafeXml.refused(ex);
		}
	}

	private static Wxr.Author author(SafeXml.Guarded xml) throws XMLStreamException {
		Map<String, String> fields = fields(xml);
		return new Wxr.Author(fields.getOrDefault("author_login", ""), fields.get("author_email"),
				fields.get("author_display_name"), fields.get("author_first_name"), fields.get("author_last_name"));
	}

	private static Wxr.Category category(SafeXml.Guarded xml) throws XMLStreamException {
		Map<String, String> fields = fields(xml);
		return new Wxr.Category(fields.getOrDefault("category_nicename", ""), fields.getOrDefault("category_parent", ""),
				fields.getOrDefault("cat_name", ""), fields.get("category_description"));
	}

	private static Wxr.Tag tag(SafeXml.Guarded xml) throws XMLStreamException {
		Map<String, String> fields = fields(xml);
		return new Wxr.Tag(fields.getOrDefault("tag_slug", ""), fields.getOrDefault("tag_name", ""));
	}

	/** The text of each child element, by local name, for elements whose children are all text. */
	private static Map<String, String> fields(SafeXml.Guarded xml) throws XMLStreamException {
		Map<String, String> fields = new HashMap<>();
		while (true) {
			int event = xml.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				fields.put(xml.local(), xml.text());
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				return fields;
			}
			else if (event == XMLStreamConstants.END_DOCUMENT) {
				throw new XMLStreamException("The file ends inside an element", xml.reader().getLocation());
			}
		}
	}

	private static Wxr.Item item(SafeXml.Guarded xml) throws XMLStreamException {
		Map<String, String> fields = new HashMap<>();
		List<Wxr.Term> terms = new ArrayList<>();
		Map<String, String> meta = new HashMap<>();
		List<Wxr.Comment> comments = new ArrayList<>();
		while (true) {
			int event = xml.next();
			if (event == XMLStreamConstants.END_ELEMENT) {
				break;
			}
			if (event == XMLStreamConstants.END_DOCUMENT) {
				throw new XMLStreamException("The file ends inside an <item>", xml.reader().getLocation());
			}
			if (event != XMLStreamConstants.START_ELEMENT) {
				continue;
			}
			String name = xml.local();
			String prefix = xml.prefix();
			if (prefix.equals("wp") && name.equals("postmeta")) {
				Map<String, String> pair = fields(xml);
				if (pair.get("meta_key") != null) {
					meta.put(pair.get("meta_key"), pair.getOrDefault("meta_value", ""));
				}
			}
			else if (prefix.equals("wp") && name.equals("comment")) {
				comments.add(comment(xml));
			}
			else if (prefix.isEmpty() && name.equals("category")) {
				String domain = xml.attribute("domain");
				String nicename = xml.attribute("nicename");
				terms.add(new Wxr.Term(domain == null ? "category" : domain, nicename == null ? "" : nicename,
						xml.text().strip()));
			}
			else {
				fields.put(prefix + ":" + name, xml.text());
			}
		}
		return new Wxr.Item(fields.getOrDefault("wp:post_id", ""), fields.getOrDefault(":title", ""),
				fields.get(":link"), fields.getOrDefault("dc:creator", ""), fields.getOrDefault("content:encoded", ""),
				fields.getOrDefault("excerpt:encoded", ""),
				Wxr.time(fields.get("wp:post_date_gmt"), fields.get("wp:post_date")),
				Wxr.time(fields.get("wp:post_modified_gmt"), fields.get("wp:post_modified")),
				fields.getOrDefault("wp:post_name", ""), fields.getOrDefault("wp:status", ""),
				fields.getOrDefault("wp:post_type", "post"), fields.getOrDefault("wp:post_parent", "0"),
				fields.get("wp:attachment_url"),
				!"closed".equals(fields.getOrDefault("wp:comment_status", "open").strip()), terms, meta, comments);
	}

	private static Wxr.Comment comment(SafeXml.Guarded xml) throws XMLStreamException {
		Map<String, String> fields = new HashMap<>();
		while (true) {
			int event = xml.next();
			if (event == XMLStreamConstants.END_ELEMENT) {
				break;
			}
			if (event == XMLStreamConstants.END_DOCUMENT) {
				throw new XMLStreamException("The file ends inside a <wp:comment>", xml.reader().getLocation());
			}
			if (event == XMLStreamConstants.START_ELEMENT) {
				if (xml.local().equals("commentmeta")) {
					xml.skip();
				}
				else {
					fields.put(xml.local(), xml.text());
				}
			}
		}
		return new Wxr.Comment(fields.getOrDefault("comment_id", ""), fields.getOrDefault("comment_author", ""),
				fields.get("comment_author_email"), fields.get("comment_author_url"),
				Wxr.time(fields.get("comment_date_gmt"), fields.get("comment_date")),
				fields.getOrDefault("comment_content", ""), fields.getOrDefault("comment_approved", "1").strip(),
				fields.getOrDefault("comment_type", "").strip(), fields.getOrDefault("comment_parent", "0").strip());
	}
}
