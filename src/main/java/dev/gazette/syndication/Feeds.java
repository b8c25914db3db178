package dev.gazette.syndication;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEnclosureImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import dev.gazette.article.Article;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.article.ArticleList;
import dev.gazette.article.ArticleSummary;
import dev.gazette.article.Author;
import dev.gazette.article.LeadImage;
import dev.gazette.article.Section;
import dev.gazette.article.Tag;
import dev.gazette.comment.Comment;
import dev.gazette.comment.CommentStatus;
import dev.gazette.comment.Comments;
import dev.gazette.publication.Publication;
import dev.gazette.publication.Publications;
import dev.gazette.syndication.internal.FeedFormat;
import dev.gazette.syndication.internal.FeedProperties;
import dev.gazette.syndication.internal.ImageFiles;
import dev.gazette.syndication.internal.SiteAddresses;
import org.jdom2.Element;
import org.jdom2.Namespace;

import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

/**
 * RSS 2.0 and Atom feeds (written by Rome) of the whole site, each section, author and tag, and each article's
 * comments, and the links pages give to them.
 * <p>
 * Every address in a feed is absolute, from {@code gazette.base-url}. Items are identified by tag: URIs that stay
 * the same when the site's pages move ({@code tag:HOST,DATE:article:ID}, DATE the day the article was first
 * published); lead images are enclosures, with their size when Gazette serves the file itself, and Media RSS
 * {@code media:content} elements. Items carry the standfirst, or the whole article with
 * {@code gazette.feeds.full-text}.
 * <p>
 * Its length is the per-format details of RSS and Atom (links, enclosures, Media RSS, tag URIs) that each feed shares;
 * the links pages show and the feeds they point to are kept together so that they cannot drift apart.
 */
@Service
public class Feeds {

	static final Namespace MEDIA = Namespace.getNamespace("media", "http://search.yahoo.com/mrss/");

	static final Namespace ATOM = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");

	private final ArticleCatalog catalog;

	private final Comments comments;

	private final Publications publications;

	private final SiteAddresses addresses;

	private final ImageFiles images;

	private final FeedProperties properties;

	private final java.time.Clock clock;

	Feeds(ArticleCatalog catalog, Comments comments, Publications publications, SiteAddresses addresses,
			ImageFiles images, FeedProperties properties, java.time.Clock clock) {
		this.catalog = catalog;
		this.comments = comments;
		this.publications = publications;
		this.addresses = addresses;
		this.images = images;
		this.properties = properties;
		this.clock = clock;
	}

	// --- the links pages give ---

	/** The site's feeds: the front page offers them, and every page of the site can. */
	public List<FeedLink> site() {
		return links(publications.current().name(), "/feeds/");
	}

	public List<FeedLink> forSection(Section section) {
		return links(section.name() + " — " + publications.current().name(), "/feeds/sections/" + section.slug() + "/");
	}

	public List<FeedLink> forAuthor(Author author) {
		return links(author.displayName() + " — " + publications.current().name(),
				"/feeds/authors/" + author.slug() + "/");
	}

	public List<FeedLink> forTag(dev.gazette.article.Tag tag) {
		return links(tag.name() + " — " + publications.current().name(), "/feeds/tags/" + tag.slug() + "/");
	}

	/** An article's comments feeds, then the site's. */
	public List<FeedLink> forArticle(Article article) {
		List<FeedLink> links = new ArrayList<>(links("Comments on “" + article.headline() + "”",
				"/feeds/articles/" + article.slug() + "/comments/"));
		links.addAll(site());
		return List.copyOf(links);
	}

	private List<FeedLink> links(String title, String directory) {
		return java.util.Arrays.stream(FeedFormat.values())
			.map(format -> new FeedLink(title + " (" + format.label() + ")", format.mediaType(),
					addresses.absolute(directory + format.fileName()), format.label()))
			.toList();
	}

	// --- the feeds themselves ---

	public Optional<RenderedFeed> site(FeedFormat format) {
		Publication publication = publications.current();
		return Optional.of(articles(format, "/feeds/", publication.name(), publication.tagline(),
				addresses.base() + "/", catalog.latest(1, properties.size())));
	}

	public Optional<RenderedFeed> section(String slug, FeedFormat format) {
		return catalog.section(slug)
			.map(section -> articles(format, "/feeds/sections/" + slug + "/",
					section.name() + " — " + publications.current().name(),
					orElse(section.description(), "The latest in " + section.name() + "."), addresses.section(slug),
					catalog.inSection(section, 1, properties.size())));
	}

	public Optional<RenderedFeed> author(String slug, FeedFormat format) {
		return catalog.author(slug)
			.map(author -> articles(format, "/feeds/authors/" + slug + "/",
					author.displayName() + " — " + publications.current().name(),
					orElse(author.bio(), "The latest by " + author.displayName() + "."), addresses.author(slug),
					catalog.byAuthor(author, 1, properties.size())));
	}

	public Optional<RenderedFeed> tag(String slug, FeedFormat format) {
		return catalog.tag(slug)
			.map(tag -> articles(format, "/feeds/tags/" + slug + "/",
					tag.name() + " — " + publications.current().name(), "The latest articles tagged " + tag.name() + ".",
					addresses.base() + "/", catalog.tagged(tag, 1, properties.size())));
	}

	/** The published comments of one article, newest first. */
	public Optional<RenderedFeed> comments(String slug, FeedFormat format) {
		return catalog.find(slug).map(article -> {
			List<Comment> published = comments.inStatus(Set.of(CommentStatus.PUBLISHED), article.id(),
					properties.size(), 0, true);
			SyndFeed feed = feed(format, "/feeds/articles/" + slug + "/comments/",
					"Comments on “" + article.headline() + "” — " + publications.current().name(),
					"What readers say about “" + article.headline() + "”.", addresses.article(slug) + "#comments");
			List<SyndEntry> entries = published.stream().map(comment -> commentEntry(article, comment)).toList();
			feed.setEntries(entries);
			Instant updated = published.stream()
				.map(Feeds::commentUpdated)
				.max(Instant::compareTo)
				.orElse(ShareMetadata.modified(article));
			return render(feed, format, updated);
		});
	}

	private RenderedFeed articles(FeedFormat format, String directory, String title, String description,
			String pageUrl, ArticleList list) {
		SyndFeed feed = feed(format, directory, title, description, pageUrl);
		List<Article> articles = list.items()
			.stream()
			.map(ArticleSummary::slug)
			.map(catalog::find)
			.flatMap(Optional::stream)
			.toList();
		feed.setEntries(articles.stream().map(article -> articleEntry(article, format)).toList());
		Instant updated = articles.stream()
			.map(ShareMetadata::modified)
			.max(Instant::compareTo)
			.orElse(null);
		return render(feed, format, updated);
	}

	private SyndFeed feed(FeedFormat format, String directory, String title, String description, String pageUrl) {
		String self = addresses.absolute(directory + format.fileName());
		SyndFeed feed = new SyndFeedImpl();
		feed.setFeedType(format.romeType());
		feed.setEncoding("UTF-8");
		feed.setTitle(title);
		feed.setDescription(description);
		feed.setLink(pageUrl);
		feed.setUri(self);
		feed.setLanguage(properties.language());
		feed.setGenerator("Gazette");
		if (format == FeedFormat.ATOM) {
			// Atom wants an author for the feed; RSS's managingEditor would have to be an e-mail address.
			SyndPerson publisher = new SyndPersonImpl();
			publisher.setName(publications.current().name());
			publisher.setUri(addresses.base() + "/");
			feed.setAuthors(List.of(publisher));
		}
		feed.setLinks(List.of(link(pageUrl, "alternate", "text/html"), link(self, "self", format.mediaType())));
		if (format == FeedFormat.RSS) {
			// RSS has no self link of its own; feed readers and validators look for Atom's.
			Element selfLink = new Element("link", ATOM);
			selfLink.setAttribute("href", self);
			selfLink.setAttribute("rel", "self");
			selfLink.setAttribute("type", format.mediaType());
			feed.setForeignMarkup(new ArrayList<>(List.of(selfLink)));
		}
		return feed;
	}

	private SyndEntry articleEntry(Article article, FeedFormat format) {
		SyndEntry entry = new SyndEntryImpl();
		entry.setTitle(article.headline());
		entry.setLink(addresses.article(article.slug()));
		entry.setUri(tagUri(article.publishedAt(), "article:" + article.id()));
		entry.setPublishedDate(Date.from(article.publishedAt()));
		entry.setUpdatedDate(Date.from(ShareMetadata.modified(article)));
		if (article.standfirst() != null) {
			entry.setDescription(html(HtmlUtils.htmlEscape(article.standfirst())));
		}
		if (properties.fullText()) {
			entry.setContents(List.of(html(article.bodyHtml())));
		}
		if (format == FeedFormat.ATOM) {
			entry.setAuthors(article.authors().stream().map(this::person).toList());
		}
		else if (!article.authors().isEmpty()) {
			// RSS's own author element must be an e-mail address; the byline goes in dc:creator.
			entry.setAuthor(String.join(", ", article.authors().stream().map(Author::displayName).toList()));
		}
		List<SyndCategory> categories = new ArrayList<>();
		if (article.section() != null) {
			categories.add(category(article.section().name()));
		}
		article.tags().stream().map(Tag::name).map(Feeds::category).forEach(categories::add);
		entry.setCategories(categories);
		if (article.leadImage() != null) {
			image(entry, article.leadImage(), format);
		}
		return entry;
	}

	/**
	 * A lead image as an enclosure (RSS insists on a size in bytes, so there only when it is known) and as Media RSS
	 * {@code media:content} with its dimensions and description.
	 */
	private void image(SyndEntry entry, LeadImage image, FeedFormat format) {
		String url = addresses.absolute(image.url());
		Optional<String> type = images.type(image.url());
		java.util.OptionalLong length = images.length(image.url());
		if (type.isPresent() && (length.isPresent() || format == FeedFormat.ATOM)) {
			SyndEnclosure enclosure = new SyndEnclosureImpl();
			enclosure.setUrl(url);
			enclosure.setType(type.get());
			length.ifPresent(enclosure::setLength);
			entry.setEnclosures(List.of(enclosure));
		}
		if (format == FeedFormat.RSS) {
			Element media = new Element("content", MEDIA);
			media.setAttribute("url", url);
			media.setAttribute("medium", "image");
			type.ifPresent(t -> media.setAttribute("type", t));
			length.ifPresent(l -> media.setAttribute("fileSize", Long.toString(l)));
			if (image.width() != null && image.height() != null) {
				media.setAttribute("width", image.width().toString());
				media.setAttribute("height", image.height().toString());
			}
			if (image.alt() != null) {
				Element description = new Element("description", MEDIA);
				description.setAttribute("type", "plain");
				description.setText(image.alt());
				media.addContent(description);
			}
			if (image.credit() != null) {
				Element credit = new Element("credit", MEDIA);
				credit.setText(image.credit());
				media.addContent(credit);
			}
			entry.setForeignMarkup(new ArrayList<>(List.of(media)));
		}
	}

	private SyndEntry commentEntry(Article article, Comment comment) {
		SyndEntry entry = new SyndEntryImpl();
		entry.setTitle("Comment by " + comment.displayName() + " on “" + article.headline() + "”");
		entry.setLink(addresses.article(article.slug()) + "/comments/" + comment.id());
		entry.setUri(tagUri(comment.createdAt(), "comment:" + comment.id()));
		entry.setPublishedDate(Date.from(comment.createdAt()));
		entry.setUpdatedDate(Date.from(commentUpdated(comment)));
		entry.setDescription(html(comment.bodyHtml()));
		SyndPerson author = new SyndPersonImpl();
		author.setName(comment.displayName());
		entry.setAuthors(List.of(author));
		entry.setAuthor(comment.displayName());
		return entry;
	}

	private static Instant commentUpdated(Comment comment) {
		return comment.editedAt() != null && comment.editedAt().isAfter(comment.createdAt()) ? comment.editedAt()
				: comment.createdAt();
	}

	private RenderedFeed render(SyndFeed feed, FeedFormat format, Instant updated) {
		feed.setPublishedDate(Date.from(updated != null ? updated : clock.instant()));
		if (format == FeedFormat.RSS) {
			neutraliseMarkup(feed);
		}
		try {
			return new RenderedFeed(new SyndFeedOutput().outputString(feed), format.mediaType(), updated);
		}
		catch (FeedException ex) {
			throw new IllegalStateException("Could not write the feed " + feed.getUri(), ex);
		}
	}

	/**
	 * RSS 2.0 never said whether a title is text or HTML, and many feed readers render it as HTML: a guest named
	 * {@code <img src=x onerror=…>} would be markup there, however correctly the XML escapes it. So in RSS the
	 * plain-text fields (titles and names) carry no {@code <} or {@code >}: they become the look-alike angle
	 * quotation marks, which read the same either way. Atom says {@code type="text"}, so its titles stay exact.
	 */
	private static void neutraliseMarkup(SyndFeed feed) {
		feed.setTitle(plain(feed.getTitle()));
		for (SyndEntry entry : feed.getEntries()) {
			entry.setTitle(plain(entry.getTitle()));
			// The byline: RSS writes it as dc:creator, which setAuthor would not replace once set.
			if (entry.getModule(DCModule.URI) instanceof DCModule dublinCore) {
				dublinCore.setCreators(dublinCore.getCreators().stream().map(Feeds::plain).toList());
			}
			for (SyndPerson person : entry.getAuthors()) {
				person.setName(plain(person.getName()));
			}
		}
	}

	static String plain(String text) {
		return text == null ? null : text.replace('<', '\u2039').replace('>', '\u203A');
	}

	/** {@code tag:gazette.example,2015-12-11:article:42}: RFC 4151, the same wherever the page moves. */
	private String tagUri(Instant firstPublished, String specific) {
		return "tag:" + addresses.host() + "," + firstPublished.atOffset(ZoneOffset.UTC).toLocalDate() + ":" + specific;
	}

	private SyndPerson person(Author author) {
		SyndPerson person = new SyndPersonImpl();
		person.setName(author.displayName());
		person.setUri(addresses.author(author.slug()));
		return person;
	}

	private static SyndCategory category(String name) {
		SyndCategory category = new SyndCategoryImpl();
		category.setName(name);
		return category;
	}

	private static SyndContent html(String value) {
		SyndContent content = new SyndContentImpl();
		content.setType("html");
		content.setValue(value);
		return content;
	}

	private static SyndLink link(String href, String rel, String type) {
		SyndLink link = new SyndLinkImpl();
		link.setHref(href);
		link.setRel(rel);
		link.setType(type);
		return link;
	}

	private static String orElse(String value, String fallback) {
		return value == null || value.isBlank() ? fallback : value;
	}

	/** A feed written out: its XML, media type and when its newest item last changed ({@code null} when empty). */
	public record RenderedFeed(String xml, String mediaType, Instant lastModified) {
	}
}
