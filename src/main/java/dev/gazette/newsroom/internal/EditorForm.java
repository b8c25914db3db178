package dev.gazette.newsroom.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.gazette.article.ArticleCopy;
import dev.gazette.newsroom.ArticlePatch;
import dev.gazette.newsroom.Autosave;
import dev.gazette.newsroom.NewsroomException;

import org.springframework.util.MultiValueMap;

/**
 * The article editor's form as the writer filled it in, every field as text, so that a refused save shows exactly
 * what they typed. Public for the templates.
 *
 * @param authors the bylined authors' slugs, in byline order
 * @param tags tag names, comma separated
 * @param version the version of the piece the form was read at ("" for a new piece)
 */
public record EditorForm(String headline, String standfirst, String slug, String kind, String section, String tags,
		List<String> authors, String bodyMarkdown, String sourceName, String sourceUrl, String canonicalUrl,
		String leadImage, String seoTitle, String seoDescription, String version) {

	/** The names of the fields an autosave keeps besides the body. */
	static final List<String> FIELDS = List.of("headline", "standfirst", "slug", "kind", "section", "tags", "authors",
			"sourceName", "sourceUrl", "canonicalUrl", "leadImage", "seoTitle", "seoDescription", "version");

	public EditorForm {
		authors = authors == null ? List.of() : List.copyOf(authors);
	}

	public static EditorForm blank() {
		return new EditorForm("", "", "", "news", "", "", List.of(), "", "", "", "", "", "", "", "");
	}

	public static EditorForm of(ArticleCopy copy, long version) {
		return new EditorForm(text(copy.headline()), text(copy.standfirst()), text(copy.slug()), copy.kind().key(),
				text(copy.sectionSlug()), String.join(", ", copy.tags()), copy.authorSlugs(), copy.bodyMarkdown(),
				copy.source() == null ? "" : text(copy.source().name()), copy.source() == null ? "" : text(copy.source().url()),
				text(copy.canonicalUrl()), copy.leadImageId() == null ? "" : copy.leadImageId().toString(),
				text(copy.seoTitle()), text(copy.seoDescription()), Long.toString(version));
	}

	/** The form as posted; a browser sends a textarea's line breaks as CR LF, kept here as LF. */
	public static EditorForm from(MultiValueMap<String, String> posted) {
		List<String> authors = posted.getOrDefault("authors", List.of()).stream().map(String::strip)
			.filter(slug -> !slug.isEmpty()).distinct().toList();
		return new EditorForm(one(posted, "headline"), one(posted, "standfirst"), one(posted, "slug"),
				one(posted, "kind").isEmpty() ? "news" : one(posted, "kind"), one(posted, "section"), one(posted, "tags"),
				authors, one(posted, "bodyMarkdown").replace("\r\n", "\n"), one(posted, "sourceName"),
				one(posted, "sourceUrl"), one(posted, "canonicalUrl"), one(posted, "leadImage"), one(posted, "seoTitle"),
				one(posted, "seoDescription"), one(posted, "version"));
	}

	public static EditorForm from(Autosave saved) {
		Map<String, String> f = saved.fields();
		List<String> authors = Arrays.stream(f.getOrDefault("authors", "").split("\n"))
			.filter(slug -> !slug.isBlank())
			.toList();
		return new EditorForm(f.getOrDefault("headline", ""), f.getOrDefault("standfirst", ""), f.getOrDefault("slug", ""),
				f.getOrDefault("kind", "news"), f.getOrDefault("section", ""), f.getOrDefault("tags", ""), authors,
				saved.body(), f.getOrDefault("sourceName", ""), f.getOrDefault("sourceUrl", ""),
				f.getOrDefault("canonicalUrl", ""), f.getOrDefault("leadImage", ""), f.getOrDefault("seoTitle", ""),
				f.getOrDefault("seoDescription", ""), Long.toString(saved.version()));
	}

	/** Everything but the body, by field name, as an autosave keeps it (authors one per line). */
	public Map<String, String> fields() {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("headline", headline);
		fields.put("standfirst", standfirst);
		fields.put("slug", slug);
		fields.put("kind", kind);
		fields.put("section", section);
		fields.put("tags", tags);
		fields.put("authors", String.join("\n", authors));
		fields.put("sourceName", sourceName);
		fields.put("sourceUrl", sourceUrl);
		fields.put("canonicalUrl", canonicalUrl);
		fields.put("leadImage", leadImage);
		fields.put("seoTitle", seoTitle);
		fields.put("seoDescription", seoDescription);
		fields.put("version", version);
		return fields;
	}

	/**
	 * The change this form asks for: every field, as the API would send it. A blank slug is made from the headline.
	 * @throws NewsroomException (bad input) for a lead image that is not a number
	 */
	public ArticlePatch patch() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("headline", headline);
		json.put("standfirst", standfirst);
		json.put("slug", slug.isBlank() ? null : slug);
		json.put("kind", kind);
		json.put("section", section);
		json.put("tags", Arrays.stream(tags.split(",")).map(String::strip).filter(tag -> !tag.isEmpty()).toList());
		json.put("authors", authors);
		json.put("bodyMarkdown", bodyMarkdown);
		if (sourceName.isBlank() && sourceUrl.isBlank()) {
			json.put("source", null);
		}
		else {
			Map<String, Object> source = new LinkedHashMap<>();
			source.put("name", sourceName);
			source.put("url", sourceUrl.isBlank() ? null : sourceUrl);
			json.put("source", source);
		}
		json.put("canonicalUrl", canonicalUrl);
		json.put("leadImage", leadImageId());
		json.put("seoTitle", seoTitle);
		json.put("seoDescription", seoDescription);
		return ArticlePatch.of(json);
	}

	/** The version the form was read at. */
	public long readVersion() {
		try {
			return Long.parseLong(version.strip());
		}
		catch (NumberFormatException ex) {
			throw NewsroomException.badInput("version", "The form lost track of the piece's version; reload the page.");
		}
	}

	/** The bylines to offer: the chosen authors, then one empty choice to add another. */
	public List<String> bylineChoices() {
		List<String> choices = new ArrayList<>(authors);
		choices.add("");
		return choices;
	}

	public Long leadImageValue() {
		try {
			return noLeadImage() ? null : Long.valueOf(leadImage.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** The picker's "No lead image" choice says {@code none}; an empty value means the same. */
	private boolean noLeadImage() {
		return leadImage.isBlank() || leadImage.strip().equals("none");
	}

	private Long leadImageId() {
		if (noLeadImage()) {
			return null;
		}
		try {
			long id = Long.parseLong(leadImage.strip());
			if (id > 0) {
				return id;
			}
		}
		catch (NumberFormatException ex) {
			// below
		}
		throw NewsroomException.badInput("leadImage", "The lead image is the number of an image in the media library.");
	}

	private static String one(MultiValueMap<String, String> posted, String name) {
		String value = posted.getFirst(name);
		return value == null ? "" : value;
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}
}
