package dev.gazette.search;

import java.time.Instant;
import java.util.List;

import dev.gazette.refusal.FieldProblem;
import dev.gazette.refusal.ProblemJson;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/search}: the readers' search as JSON, published articles only. */
@RestController
@Tag(name = "Search")
class SearchApi {

	private final ReaderSearch search;

	private final SearchProperties properties;

	SearchApi(ReaderSearch search, SearchProperties properties) {
		this.search = search;
		this.properties = properties;
	}

	@GetMapping("/api/v1/search")
	@Operation(summary = "Published articles matching words, best match first",
			description = "q takes words (all must match), \"quoted phrases\", -exclusions and OR; matching ignores case and "
					+ "accents (Aliyev finds Əliyev) and English endings (rivers finds river). Filters: section, author and "
					+ "tag by slug, kind news or opinion, from and to as dates (inclusive, UTC). sort is relevance (default) "
					+ "or date. Pages count from 1 (at most 100). total counts the matches; totalIsLowerBound true means more "
					+ "than total match (counting stops at the last page that can be asked for: 100 pages, 1,000 matches at "
					+ "the default page size). snippet is HTML: matched words in <mark>, all else escaped. "
					+ "Bad input answers 400 problem JSON naming the field.")
	ResponseEntity<?> search(@RequestParam(required = false) String q,
			@RequestParam(required = false) @Parameter(description = "a section's slug") String section,
			@RequestParam(required = false) @Parameter(description = "an author's slug") String author,
			@RequestParam(required = false) @Parameter(description = "a tag's slug") String tag,
			@RequestParam(required = false) @Parameter(description = "news or opinion") String kind,
			@RequestParam(required = false) @Parameter(description = "first day, YYYY-MM-DD") String from,
			@RequestParam(required = false) @Parameter(description = "last day, YYYY-MM-DD") String to,
			@RequestParam(required = false) @Parameter(description = "relevance or date") String sort,
			@RequestParam(required = false) @Parameter(description = "from 1") String page) {
		SearchRequest.Checked checked = new SearchRequest(q, section, author, tag, kind, from, to, sort, page)
			.check(properties.pageSize());
		if (checked instanceof SearchRequest.Invalid invalid) {
			return ProblemJson.badRequest(invalid.message(), List.of(new FieldProblem(invalid.field(), invalid.message())));
		}
		ArticleQuery query = ((SearchRequest.Valid) checked).query();
		if (!query.hasText() && !query.hasFilter()) {
			String message = "Give q, or at least one filter.";
			return ProblemJson.badRequest(message, List.of(new FieldProblem("q", message)));
		}
		ArticleHits hits = search.search(query);
		return ResponseEntity.ok(new SearchPageJson(hits.items().stream().map(HitJson::of).toList(), hits.page(),
				hits.size(), hits.total(), hits.totalIsLowerBound(), hits.suggestion()));
	}

	/** @param totalIsLowerBound whether more than {@code total} match (added after {@code total}; old clients ignore it) */
	record SearchPageJson(List<HitJson> items, int page, int size, long total, boolean totalIsLowerBound,
			String suggestion) {
	}

	record HitJson(String slug, String headline, String standfirst, String kind, String section, List<String> authors,
			Instant publishedAt, String snippet) {
		static HitJson of(ArticleHits.Hit hit) {
			return new HitJson(hit.slug(), hit.headline(), hit.standfirst(), hit.kind(), hit.sectionSlug(), hit.authors(),
					hit.publishedAt(), hit.snippetHtml());
		}
	}
}
