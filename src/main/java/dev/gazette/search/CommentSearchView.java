package dev.gazette.search;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The moderators' search page: the form as filled, the hits ready to print (times in UTC, said so), or the field
 * that was wrong. {@code hits} is {@code null} before a search.
 */
public record CommentSearchView(CommentSearchRequest form, CommentHits hits, List<HitView> items, String problemField,
		String problem) {

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	/** A hit as printed; {@code statusLabel} says "held" for pending, as the console does. */
	public record HitView(CommentHits.Hit hit, String statusLabel, String timeText, String timeIso) {
	}

	static CommentSearchView of(CommentSearchRequest form, CommentHits hits) {
		List<HitView> items = hits == null ? List.of()
				: hits.items()
					.stream()
					.map(hit -> new HitView(hit, "pending".equals(hit.status()) ? "held" : hit.status(),
							UTC.format(hit.createdAt()), hit.createdAt().toString()))
					.toList();
		return new CommentSearchView(form, hits, items, null, null);
	}

	static CommentSearchView refused(CommentSearchRequest form, CommentSearchRequest.Invalid invalid) {
		return new CommentSearchView(form, null, List.of(), invalid.field(), invalid.message());
	}

	/** The heading: 12 comments found; More than 1000 comments found when not all were counted. */
	public String found() {
		return SearchFields.found(hits.total(), hits.totalIsLowerBound(), "comment", "comments");
	}

	public String value(String text) {
		return text == null ? "" : text;
	}

	/** {@code "true"} for the field that was refused, else {@code null} (no attribute). */
	public String invalid(String field) {
		return field.equals(problemField) ? "true" : null;
	}

	public boolean statusIs(String key) {
		return key.equals(form.status() == null ? "" : form.status().strip());
	}

	/** This search with another page; the rest of the form kept as it was. */
	public String pageUrl(int page) {
		return SearchFields.link("/admin/moderation/search", page, "q", form.q(), "status", form.status(), "article",
				form.article(), "author", form.author(), "from", form.from(), "to", form.to(), "sort", form.sort());
	}
}
