package dev.gazette.search;

import java.time.Instant;
import java.util.List;

import dev.gazette.refusal.FieldProblem;
import dev.gazette.refusal.ProblemJson;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/moderation/comments/search}: the moderators' comment search as JSON, every status. */
@RestController
@Tag(name = "Moderation")
class CommentSearchApi {

	private final CommentSearch search;

	private final SearchProperties properties;

	CommentSearchApi(CommentSearch search, SearchProperties properties) {
		this.search = search;
		this.properties = properties;
	}

	@GetMapping("/api/v1/moderation/comments/search")
	@PreAuthorize("hasAnyRole('MODERATOR', 'ADMIN')")
	@Operation(summary = "Comments in any status matching words and filters (moderators)",
			description = "Every parameter is optional; those given must all match; none at all lists every comment, newest "
					+ "first. q searches the text with the readers' syntax (words, \"phrases\", -exclusions, OR; case, "
					+ "accents and English endings ignored). status: published, held, rejected, deleted, several separated "
					+ "by commas. article: the article's slug. author: words of the author's name, or an e-mail address "
					+ "(exact: a guest's given address or an account's), or account:<id>. from and to are days "
					+ "(YYYY-MM-DD, inclusive) in UTC. sort: date (newest first, the default) or relevance. status and "
					+ "authorName in the answer are as the database has them now. totalIsLowerBound true means more than "
					+ "total match (counting stops at the last page that can be asked for). snippet is HTML: matched words in "
					+ "<mark>, all else escaped. Bad input answers 400 problem JSON naming the field; 401 without a token, "
					+ "403 for accounts that do not moderate.")
	ResponseEntity<?> search(@RequestParam(required = false) String q,
			@RequestParam(required = false) @Parameter(description = "published, held, rejected, deleted; comma-separated") String status,
			@RequestParam(required = false) @Parameter(description = "an article's slug") String article,
			@RequestParam(required = false) @Parameter(description = "name words, an e-mail address, or account:<id>") String author,
			@RequestParam(required = false) @Parameter(description = "first day, YYYY-MM-DD, UTC") String from,
			@RequestParam(required = false) @Parameter(description = "last day, YYYY-MM-DD, UTC") String to,
			@RequestParam(required = false) @Parameter(description = "date or relevance") String sort,
			@RequestParam(required = false) @Parameter(description = "from 1 to 100") String page) {
		CommentSearchRequest.Checked checked = new CommentSearchRequest(q, status, article, author, from, to, sort, page)
			.check(properties.pageSize());
		if (checked instanceof CommentSearchRequest.Invalid invalid) {
			return ProblemJson.badRequest(invalid.message(), List.of(new FieldProblem(invalid.field(), invalid.message())));
		}
		CommentHits hits = search.search(((CommentSearchRequest.Valid) checked).query());
		return ResponseEntity.ok(new CommentPageJson(hits.items().stream().map(CommentJson::of).toList(), hits.page(),
				hits.size(), hits.total(), hits.totalIsLowerBound()));
	}

	/** @param totalIsLowerBound whether more than {@code total} match (added after {@code total}; old clients ignore it) */
	record CommentPageJson(List<CommentJson> items, int page, int size, long total, boolean totalIsLowerBound) {
	}

	record CommentJson(long id, String status, String article, String articleHeadline, String authorName,
			Long accountId, Instant createdAt, String snippet, String consolePath) {
		static CommentJson of(CommentHits.Hit hit) {
			return new CommentJson(hit.id(), hit.status(), hit.articleSlug(), hit.articleHeadline(), hit.authorName(),
					hit.accountId(), hit.createdAt(), hit.snippetHtml(), hit.consolePath());
		}
	}
}
