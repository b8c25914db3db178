package dev.gazette.search;

import dev.gazette.article.Author;
import dev.gazette.article.Section;
import dev.gazette.publication.Timestamps;
import java.time.ZoneId;
import java.util.List;

/**
 * The search page: the form as the reader filled it, the filters' choices, and the hits ready to print, or the field
 * that was wrong. {@code hits} is {@code null} when there was nothing to search for (or the input was refused).
 */
public record SearchView(SearchRequest form, List<Section> sections, List<Author> authors, ArticleHits hits,
		List<HitView> items, String problemField, String problem) {

	/** A hit as printed. */
	public record HitView(ArticleHits.Hit hit, String byline, String dateText, String dateIso) {

		/** "Opinion" on every opinion piece, as the cards have it: the kind decides, not the section. */
		public boolean opinionLabel() {
			return "opinion".equals(hit.kind());
		}
	}

	static SearchView of(SearchRequest form, List<Section> sections, List<Author> authors, ArticleHits hits, ZoneId zone) {
		List<HitView> items = hits == null ? List.of() : hits.items().stream()
			.map(hit -> new HitView(hit, String.join(", ", hit.authors()),
					hit.publishedAt() == null ? "" : Timestamps.date(hit.publishedAt(), zone),
					hit.publishedAt() == null ? "" : hit.publishedAt().toString()))
			.toList();
		return new SearchView(form, sections, authors, hits, items, null, null);
	}

	static SearchView refused(SearchRequest form, List<Section> sections, List<Author> authors,
			SearchRequest.Invalid invalid) {
		return new SearchView(form, sections, authors, null, List.of(), invalid.field(), invalid.message());
	}

	/** The heading: 12 articles found; More than 1000 articles found when not all were counted. */
	public String found() {
		return SearchFields.found(hits.total(), hits.totalIsLowerBound(), "article", "articles");
	}

	public String q() {
		return form.q() == null ? "" : form.q();
	}

	/** {@code "true"} for the field that was refused, else {@code null} (no attribute). */
	public String invalid(String field) {
		return field.equals(problemField) ? "true" : null;
	}

	public boolean is(String value, String expected) {
		return expected.equals(value);
	}

	public String title() {
		return form.q() == null || form.q().isBlank() ? "Search" : "Search: " + form.q();
	}

	/** This search with another page; the rest of the form kept as it was. */
	public String pageUrl(int page) {
		return link(form.q(), page);
	}

	/** This search, spelt as suggested. */
	public String suggestionUrl() {
		return link(hits.suggestion(), 1);
	}

	private String link(String q, int page) {
		return SearchFields.link("/search", page, "q", q, "section", form.section(), "author", form.author(), "tag",
				form.tag(), "kind", form.kind(), "from", form.from(), "to", form.to(), "sort", form.sort());
	}
}
