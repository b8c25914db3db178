package dev.gazette.search;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.web.util.UriComponentsBuilder;

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

	public String pageUrl(int page) {
		UriComponentsBuilder url = UriComponentsBuilder.fromPath("/admin/moderation/search");
		add(url, "q", form.q());
		add(url, "status", form.status());
		add(url, "article", form.article());
		add(url, "author", form.author());
		add(url, "from", form.from());
		add(url, "to", form.to());
		add(url, "sort", form.sort());
		if (page > 1) {
			url.queryParam("page", page);
		}
		return url.encode().build().toUriString();
	}

	private static void add(UriComponentsBuilder url, String name, String value) {
		if (value != null && !value.isBlank()) {
			url.queryParam(name, value);
		}
	}
}
