package dev.gazette.newsroom;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.gazette.article.ArticleCopy;
import dev.gazette.article.ArticleKind;
import dev.gazette.article.Source;

/**
 * A revision's fields other than the body, as stored (JSON) and compared: the field names are the API's.
 */
public record RevisionFields(String headline, String standfirst, String slug, String kind, String section, List<String> tags,
		List<String> authors, String sourceName, String sourceUrl, String canonicalUrl, Long leadImage, String seoTitle,
		String seoDescription) {

	/** A copy's fields as a revision keeps them (public for the newsroom's internal {@code PieceSaves}). */
	public static RevisionFields of(ArticleCopy copy) {
		return new RevisionFields(copy.headline(), copy.standfirst(), copy.slug(), copy.kind().key(), copy.sectionSlug(),
				copy.tags(), copy.authorSlugs(), copy.source() == null ? null : copy.source().name(),
				copy.source() == null ? null : copy.source().url(), copy.canonicalUrl(), copy.leadImageId(), copy.seoTitle(),
				copy.seoDescription());
	}

	ArticleCopy withBody(String bodyMarkdown) {
		return new ArticleCopy(headline, standfirst, slug, ArticleKind.fromKey(kind), section, tags, authors, bodyMarkdown,
				sourceName == null ? null : new Source(sourceName, sourceUrl), canonicalUrl, leadImage, seoTitle,
				seoDescription);
	}

	/** The fields by name, in a stable order, for diffs. */
	Map<String, Object> byName() {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("headline", headline);
		fields.put("standfirst", standfirst);
		fields.put("slug", slug);
		fields.put("kind", kind);
		fields.put("section", section);
		fields.put("tags", tags == null ? List.of() : tags);
		fields.put("authors", authors == null ? List.of() : authors);
		fields.put("sourceName", sourceName);
		fields.put("sourceUrl", sourceUrl);
		fields.put("canonicalUrl", canonicalUrl);
		fields.put("leadImage", leadImage);
		fields.put("seoTitle", seoTitle);
		fields.put("seoDescription", seoDescription);
		return fields;
	}
}
