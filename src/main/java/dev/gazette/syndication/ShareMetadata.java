package dev.gazette.syndication;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.gazette.article.Article;
import dev.gazette.article.Author;
import dev.gazette.article.LeadImage;
import dev.gazette.article.Tag;
import dev.gazette.publication.Publications;
import dev.gazette.syndication.internal.FeedProperties;
import dev.gazette.syndication.internal.ImageFiles;
import dev.gazette.syndication.internal.SiteAddresses;
import tools.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Service;

/**
 * The share metadata of an article page: Open Graph (Facebook, messengers, most link previews), X cards, and
 * schema.org JSON-LD ({@code NewsArticle}, or {@code OpinionNewsArticle} for opinion) for search engines.
 */
@Service
public class ShareMetadata {

	private final Publications publications;

	private final SiteAddresses addresses;

	private final ImageFiles images;

	private final FeedProperties feeds;

	private final ObjectMapper json;

	ShareMetadata(Publications publications, SiteAddresses addresses, ImageFiles images, FeedProperties feeds,
			ObjectMapper json) {
		this.publications = publications;
		this.addresses = addresses;
		this.images = images;
		this.feeds = feeds;
		this.json = json;
	}

	public ArticleMetadata forArticle(Article article, int commentCount) {
		return new ArticleMetadata(tags(article), jsonLd(article, commentCount));
	}

	private List<MetaTag> tags(Article article) {
		String site = publications.current().name();
		List<MetaTag> tags = new ArrayList<>();
		tags.add(MetaTag.property("og:site_name", site));
		tags.add(MetaTag.property("og:type", "article"));
		tags.add(MetaTag.property("og:title", article.searchTitle()));
		if (article.searchDescription() != null) {
			tags.add(MetaTag.property("og:description", article.searchDescription()));
		}
		tags.add(MetaTag.property("og:url", canonical(article)));
		LeadImage image = article.leadImage();
		if (image != null) {
			tags.add(MetaTag.property("og:image", addresses.absolute(image.shareUrl())));
			images.type(image.shareUrl()).ifPresent(type -> tags.add(MetaTag.property("og:image:type", type)));
			if (image.shareWidth() != null && image.shareHeight() != null) {
				tags.add(MetaTag.property("og:image:width", image.shareWidth()));
				tags.add(MetaTag.property("og:image:height", image.shareHeight()));
			}
			if (image.alt() != null) {
				tags.add(MetaTag.property("og:image:alt", image.alt()));
			}
		}
		tags.add(MetaTag.property("article:published_time", article.publishedAt()));
		tags.add(MetaTag.property("article:modified_time", modified(article)));
		for (Author author : article.authors()) {
			tags.add(MetaTag.property("article:author", addresses.author(author.slug())));
		}
		if (article.section() != null) {
			tags.add(MetaTag.property("article:section", article.section().name()));
		}
		for (Tag tag : article.tags()) {
			tags.add(MetaTag.property("article:tag", tag.name()));
		}
		tags.add(MetaTag.name("twitter:card", image != null ? "summary_large_image" : "summary"));
		tags.add(MetaTag.name("twitter:title", article.searchTitle()));
		if (article.searchDescription() != null) {
			tags.add(MetaTag.name("twitter:description", article.searchDescription()));
		}
		if (image != null) {
			tags.add(MetaTag.name("twitter:image", addresses.absolute(image.shareUrl())));
			if (image.alt() != null) {
				tags.add(MetaTag.name("twitter:image:alt", image.alt()));
			}
		}
		return List.copyOf(tags);
	}

	private String jsonLd(Article article, int commentCount) {
		Map<String, Object> ld = new LinkedHashMap<>();
		ld.put("@context", "https://schema.org");
		ld.put("@type", article.isOpinion() ? "OpinionNewsArticle" : "NewsArticle");
		ld.put("mainEntityOfPage", Map.of("@type", "WebPage", "@id", canonical(article)));
		ld.put("url", addresses.article(article.slug()));
		ld.put("headline", article.headline());
		if (article.searchDescription() != null) {
			ld.put("description", article.searchDescription());
		}
		LeadImage image = article.leadImage();
		if (image != null) {
			Map<String, Object> picture = new LinkedHashMap<>();
			picture.put("@type", "ImageObject");
			picture.put("url", addresses.absolute(image.shareUrl()));
			if (image.shareWidth() != null && image.shareHeight() != null) {
				picture.put("width", image.shareWidth());
				picture.put("height", image.shareHeight());
			}
			putIfPresent(picture, "caption", image.caption());
			putIfPresent(picture, "creditText", image.credit());
			ld.put("image", List.of(picture));
		}
		ld.put("datePublished", article.publishedAt().toString());
		ld.put("dateModified", modified(article).toString());
		ld.put("author", article.authors().stream().map(this::person).toList());
		ld.put("publisher", publisher(publications.current().name(), addresses.base() + "/", addresses.logo()));
		if (article.section() != null) {
			ld.put("articleSection", article.section().name());
		}
		if (!article.tags().isEmpty()) {
			ld.put("keywords", article.tags().stream().map(Tag::name).toList());
		}
		ld.put("inLanguage", feeds.language());
		ld.put("commentCount", commentCount);
		ld.put("isAccessibleForFree", true);
		if (article.source() != null) {
			Map<String, Object> original = new LinkedHashMap<>();
			original.put("@type", "CreativeWork");
			putIfPresent(original, "url", article.source().url());
			original.put("publisher", publisher(article.source().name(), article.source().url(), null));
			ld.put("isBasedOn", original);
		}
		return scriptSafe(json.writeValueAsString(ld));
	}

	private Map<String, Object> person(Author author) {
		Map<String, Object> person = new LinkedHashMap<>();
		person.put("@type", "Person");
		person.put("name", author.displayName());
		person.put("url", addresses.author(author.slug()));
		putIfPresent(person, "jobTitle", author.title());
		return person;
	}

	private static Map<String, Object> publisher(String name, String url, String logo) {
		Map<String, Object> publisher = new LinkedHashMap<>();
		publisher.put("@type", "NewsMediaOrganization");
		publisher.put("name", name);
		putIfPresent(publisher, "url", url);
		if (logo != null) {
			publisher.put("logo", Map.of("@type", "ImageObject", "url", logo));
		}
		return publisher;
	}

	private String canonical(Article article) {
		return article.canonicalUrl() != null ? article.canonicalUrl() : addresses.article(article.slug());
	}

	static java.time.Instant modified(Article article) {
		return article.updatedAt() != null && article.updatedAt().isAfter(article.publishedAt()) ? article.updatedAt()
				: article.publishedAt();
	}

	private static void putIfPresent(Map<String, Object> map, String key, Object value) {
		if (value != null) {
			map.put(key, value);
		}
	}

	/**
	 * JSON that cannot end its script element or open a comment in it: every less-than, greater-than and ampersand
	 * (and the two Unicode line separators) is written as a JSON escape, which a JSON parser reads back unchanged.
	 * These characters occur only inside JSON strings, so replacing them everywhere is safe.
	 */
	static String scriptSafe(String json) {
		StringBuilder safe = new StringBuilder(json.length() + 16);
		for (int i = 0; i < json.length(); i++) {
			char c = json.charAt(i);
			switch (c) {
				case '<' -> safe.append("\\u003c");
				case '>' -> safe.append("\\u003e");
				case '&' -> safe.append("\\u0026");
				case '\u2028' -> safe.append("\\u2028");
				case '\u2029' -> safe.append("\\u2029");
				default -> safe.append(c);
			}
		}
		return safe.toString();
	}
}
