package dev.gazette.syndication.internal;

import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import dev.gazette.article.ArticleCatalog;
import dev.gazette.article.ArticleList;
import dev.gazette.article.ArticleStamp;
import dev.gazette.article.ArticleSummary;
import dev.gazette.article.Author;
import dev.gazette.article.Pages;
import dev.gazette.article.Section;
import dev.gazette.article.SitePage;
import dev.gazette.publication.Publications;

import org.springframework.stereotype.Component;

/**
 * The sitemaps (sitemaps.org protocol 0.9) search engines read, and robots.txt pointing to them:
 * <ul>
 * <li>{@code /sitemap.xml}, the index of the others;</li>
 * <li>{@code /sitemaps/articles-N.xml}, every published article, oldest first, {@code gazette.sitemaps.urls-per-file}
 * (at most 50,000) to a file, so a file keeps its articles as new ones are published;</li>
 * <li>{@code /sitemaps/news.xml}, the Google News sitemap of the articles of the last 48 hours (at most 1,000);</li>
 * <li>{@code /sitemaps/pages.xml}, the front page and every section and author page.</li>
 * </ul>
 */
@Component
public class Sitemaps {

	/** The protocol's limit of addresses in one sitemap file. */
	static final int MAX_URLS_PER_FILE = 50_000;

	/** Google News reads articles of the last two days, and at most this many. */
	static final Duration NEWS_WINDOW = Duration.ofHours(48);

	static final int MAX_NEWS_URLS = 1_000;

	static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

	static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";

	private final ArticleCatalog catalog;

	private final Publications publications;

	private final SiteAddresses addresses;

	private final FeedProperties feeds;

	private final int urlsPerFile;

	private final java.time.Clock clock;

	private final Pages sitePages;

	public Sitemaps(ArticleCatalog catalog, Publications publications, SiteAddresses addresses, FeedProperties feeds,
			SitemapProperties properties, java.time.Clock clock, Pages sitePages) {
		this.catalog = catalog;
		this.sitePages = sitePages;
		this.publications = publications;
		this.addresses = addresses;
		this.feeds = feeds;
		this.urlsPerFile = properties.urlsPerFile();
		this.clock = clock;
	}

	/** How many article sitemaps there are: at least one, empty while nothing is published. */
	public int articleFiles() {
		return (int) Math.max(1, (catalog.countPublished() + urlsPerFile - 1) / urlsPerFile);
	}

	public String index() {
		return write(xml -> {
			xml.writeStartElement("sitemapindex");
			xml.writeDefaultNamespace(SITEMAP_NS);
			entry(xml, "sitemap", addresses.absolute("/sitemaps/pages.xml"), null);
			entry(xml, "sitemap", addresses.absolute("/sitemaps/news.xml"), null);
			for (int file = 1, files = articleFiles(); file <= files; file++) {
				entry(xml, "sitemap", addresses.absolute("/sitemaps/articles-" + file + ".xml"), null);
			}
			xml.writeEndElement();
		});
	}

	/** One article sitemap; empty when there is no such file. */
	public Optional<String> articles(int file) {
		if (file < 1 || file > articleFiles()) {
			return Optional.empty();
		}
		List<ArticleStamp> stamps = catalog.stamps(file, urlsPerFile);
		return Optional.of(write(xml -> {
			xml.writeStartElement("urlset");
			xml.writeDefaultNamespace(SITEMAP_NS);
			for (ArticleStamp stamp : stamps) {
				entry(xml, "url", addresses.article(stamp.slug()), stamp.lastModified());
			}
			xml.writeEndElement();
		}));
	}

	public String news() {
		List<ArticleSummary> recent = catalog.publishedSince(clock.instant().minus(NEWS_WINDOW), MAX_NEWS_URLS);
		String name = publications.current().name();
		String language = feeds.language().toLowerCase(Locale.ROOT);
		return write(xml -> {
			xml.writeStartElement("urlset");
			xml.writeDefaultNamespace(SITEMAP_NS);
			xml.writeNamespace("news", NEWS_NS);
			for (ArticleSummary article : recent) {
				xml.writeStartElement("url");
				text(xml, "loc", addresses.article(article.slug()));
				xml.writeStartElement("news", "news", NEWS_NS);
				xml.writeStartElement("news", "publication", NEWS_NS);
				xml.writeStartElement("news", "name", NEWS_NS);
				xml.writeCharacters(clean(name));
				xml.writeEndElement();
				xml.writeStartElement("news", "language", NEWS_NS);
				xml.writeCharacters(language);
				xml.writeEndElement();
				xml.writeEndElement();
				xml.writeStartElement("news", "publication_date", NEWS_NS);
				xml.writeCharacters(w3c(article.publishedAt()));
				xml.writeEndElement();
				xml.writeStartElement("news", "title", NEWS_NS);
				xml.writeCharacters(clean(article.headline()));
				xml.writeEndElement();
				xml.writeEndElement();
				xml.writeEndElement();
			}
			xml.writeEndElement();
		});
	}

	public String pages() {
		return write(xml -> {
			xml.writeStartElement("urlset");
			xml.writeDefaultNamespace(SITEMAP_NS);
			entry(xml, "url", addresses.base() + "/", newest(catalog.latest(1, 1)));
			for (Section section : catalog.sections()) {
				entry(xml, "url", addresses.section(section.slug()), newest(catalog.inSection(section, 1, 1)));
			}
			for (Author author : catalog.authors()) {
				entry(xml, "url", addresses.author(author.slug()), newest(catalog.byAuthor(author, 1, 1)));
			}
			for (SitePage page : sitePages.all()) {
				entry(xml, "url", addresses.absolute(page.path()), page.updatedAt());
			}
			xml.writeEndElement();
		});
	}

	public String robots() {
		return """
				# %s
				User-agent: *
				Disallow: /admin
				Disallow: /settings
				Disallow: /api
				Disallow: /articles/*/email

				Sitemap: %s
				Sitemap: %s
				""".formatted(clean(publications.current().name()).replaceAll("[\\r\\n]", " "),
				addresses.absolute("/sitemap.xml"), addresses.absolute("/sitemaps/news.xml"));
	}

	private static Instant newest(ArticleList list) {
		return list.items().isEmpty() ? null : list.items().get(0).publishedAt();
	}

	private static void entry(XMLStreamWriter xml, String element, String loc, Instant lastModified)
			throws XMLStreamException {
		xml.writeStartElement(element);
		text(xml, "loc", loc);
		if (lastModified != null) {
			text(xml, "lastmod", w3c(lastModified));
		}
		xml.writeEndElement();
	}

	private static void text(XMLStreamWriter xml, String element, String text) throws XMLStreamException {
		xml.writeStartElement(element);
		xml.writeCharacters(clean(text));
		xml.writeEndElement();
	}

	/** W3C Datetime, to the second, in UTC: {@code 2018-07-22T09:00:00Z}. */
	private static String w3c(Instant instant) {
		return instant.truncatedTo(ChronoUnit.SECONDS).toString();
	}

	/** Characters XML 1.0 cannot carry at all (control characters) would make the whole file unreadable. */
	public static String clean(String text) {
		return text.codePoints()
			.filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
					|| c >= 0x10000)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
	}

	private static String write(XmlBody body) {
		StringWriter out = new StringWriter();
		try {
			XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
			xml.writeStartDocument("UTF-8", "1.0");
			body.write(xml);
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("Could not write a sitemap", ex);
		}
		return out.toString();
	}

	@FunctionalInterface
	private interface XmlBody {

		void write(XMLStreamWriter xml) throws XMLStreamException;
	}
}
