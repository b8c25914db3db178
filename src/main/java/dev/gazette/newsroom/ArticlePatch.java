package dev.gazette.newsroom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.gazette.article.ArticleCopy;
import dev.gazette.article.ArticleKind;
import dev.gazette.article.Slugs;
import dev.gazette.article.Source;

/**
 * The fields a request changes (JSON merge patch style): a field that is absent stays as it was, {@code null} clears
 * it. A {@code null} or absent slug on a new piece, or a {@code null} slug on an existing one, is made from the
 * headline.
 */
public final class ArticlePatch {

	static final Set<String> FIELDS = Set.of("headline", "standfirst", "slug", "kind", "section", "tags", "authors",
			"bodyMarkdown", "source", "canonicalUrl", "leadImage", "seoTitle", "seoDescription");

	private final Map<String, Object> changes;

	private ArticlePatch(Map<String, Object> changes) {
		this.changes = changes;
	}

	/**
	 * Reads a patch from a JSON object as Jackson reads it into a map.
	 * @throws NewsroomException (bad input) for an unknown field or a value of the wrong type
	 */
	public static ArticlePatch of(Map<String, Object> json) {
		if (json == null) {
			throw NewsroomException.badInput(null, "Send a JSON object with the fields to change.");
		}
		Map<String, Object> changes = new LinkedHashMap<>();
		json.forEach((field, value) -> {
			if (!FIELDS.contains(field)) {
				throw NewsroomException.badInput(field, "There is no field '" + field + "'; the fields are "
						+ String.join(", ", FIELDS.stream().sorted().toList()) + ".");
			}
			changes.put(field, checked(field, value));
		});
		return new ArticlePatch(changes);
	}

	/** The copy with this patch applied; for a new piece {@code current} is {@code null}. */
	ArticleCopy applyTo(ArticleCopy current) {
		ArticleCopy base = current != null ? current
				: new ArticleCopy(null, null, null, ArticleKind.NEWS, null, List.of(), List.of(), "", null, null, null, null,
						null);
		String headline = value("headline", base.headline());
		String slug = value("slug", current == null ? null : base.slug());
		if (slug == null && headline != null) {
			slug = Slugs.of(headline);
		}
		String kind = value("kind", base.kind().key());
		Map<String, Object> source = value("source", base.source() == null ? null
				: sourceMap(base.source()));
		return new ArticleCopy(headline, value("standfirst", base.standfirst()), slug, ArticleKind.fromKey(kind),
				value("section", base.sectionSlug()), value("tags", base.tags()), value("authors", base.authorSlugs()),
				value("bodyMarkdown", base.bodyMarkdown()), source == null ? null
						: new Source((String) source.get("name"), (String) source.get("url")),
				value("canonicalUrl", base.canonicalUrl()), value("leadImage", base.leadImageId()),
				value("seoTitle", base.seoTitle()), value("seoDescription", base.seoDescription()));
	}

	/** Whether the slug is to be made from the headline: absent or {@code null} on a new piece, {@code null} later. */
	boolean slugFromHeadline(boolean newPiece) {
		return changes.get("slug") == null && (newPiece || changes.containsKey("slug"));
	}

	boolean isEmpty() {
		return changes.isEmpty();
	}

	@SuppressWarnings("unchecked")
	private <T> T value(String field, T current) {
		return changes.containsKey(field) ? (T) changes.get(field) : current;
	}

	private static Map<String, Object> sourceMap(Source source) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("name", source.name());
		map.put("url", source.url());
		return map;
	}

	private static Object checked(String field, Object value) {
		if (value == null) {
			if (field.equals("bodyMarkdown") || field.equals("tags") || field.equals("authors")) {
				return field.equals("bodyMarkdown") ? "" : List.of();
			}
			return null;
		}
		return switch (field) {
			case "tags", "authors" -> strings(field, value);
			case "kind" -> kind(value);
			case "source" -> source(value);
			case "leadImage" -> mediaId(value);
			default -> {
				if (!(value instanceof String text)) {
					throw NewsroomException.badInput(field, field + " must be a string.");
				}
				if (field.equals("bodyMarkdown")) {
					yield text;
				}
				boolean optional = field.equals("standfirst") || field.equals("section") || field.equals("canonicalUrl")
						|| field.equals("seoTitle") || field.equals("seoDescription");
				yield optional && text.isBlank() ? null : text.strip();
			}
		};
	}

	private static Long mediaId(Object value) {
		if (value instanceof Number number && number.doubleValue() == number.longValue() && number.longValue() > 0) {
			return number.longValue();
		}
		throw NewsroomException.badInput("leadImage", "leadImage must be null or the id of an image in the media library.");
	}

	private static String kind(Object value) {
		if (value instanceof String text) {
			String key = text.strip().toLowerCase(Locale.ROOT);
			if (key.equals("news") || key.equals("opinion")) {
				return key;
			}
		}
		throw NewsroomException.badInput("kind", "kind must be news or opinion.");
	}

	private static List<String> strings(String field, Object value) {
		if (!(value instanceof List<?> list)) {
			throw NewsroomException.badInput(field, field + " must be a list of strings.");
		}
		List<String> strings = new ArrayList<>();
		for (Object item : list) {
			if (!(item instanceof String text) || text.isBlank()) {
				throw NewsroomException.badInput(field, field + " must be a list of non-blank strings.");
			}
			strings.add(text.strip());
		}
		return List.copyOf(strings);
	}

	private static Map<String, Object> source(Object value) {
		if (value instanceof Map<?, ?> map && map.get("name") instanceof String name && !name.isBlank()
				&& (map.get("url") == null || map.get("url") instanceof String)) {
			Map<String, Object> source = new LinkedHashMap<>();
			source.put("name", name.strip());
			source.put("url", map.get("url") == null ? null : ((String) map.get("url")).strip());
			return source;
		}
		throw NewsroomException.badInput("source", "source must be null or {\"name\": \"…\", \"url\": \"…\"} with a name.");
	}
}
