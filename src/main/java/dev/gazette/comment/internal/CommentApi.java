package dev.gazette.comment.internal;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import dev.gazette.account.AccountPrincipal;
import dev.gazette.article.Article;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.comment.ClientKeys;
import dev.gazette.comment.Comment;
import dev.gazette.comment.CommentDraft;
import dev.gazette.comment.CommentNode;
import dev.gazette.comment.CommentOutcome;
import dev.gazette.comment.CommentStatus;
import dev.gazette.comment.Commenter;
import dev.gazette.comment.Commenting;
import dev.gazette.comment.DiscussionSort;
import dev.gazette.comment.Discussions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The discussion as JSON: {@code /api/v1/articles/{slug}/comments}. */
@RestController
@RequestMapping("/api/v1/articles/{slug}/comments")
@Tag(name = "Comments")
class CommentApi {

	/** The header (IETF draft-ietf-httpapi-idempotency-key-header) that makes a retried post safe. */
	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private final Commenting commenting;

	private final Discussions discussions;

	private final ArticleCatalog articles;

	private final ClientKeys clientKeys;

	CommentApi(Commenting commenting, ArticleCatalog articles, ClientKeys clientKeys, Discussions discussions) {
		this.clientKeys = clientKeys;
		this.commenting = commenting;
		this.discussions = discussions;
		this.articles = articles;
	}

	@GetMapping
	@Operation(summary = "The public discussion as a tree of threads",
			description = "Top-level threads in pages (page counts from 1; size 1 to 200, default 50), each with all "
					+ "its replies nested. Pending and rejected comments are never included; an unpublished comment "
					+ "with published replies appears as a placeholder with status 'removed' or 'deleted', no "
					+ "author and no body. The Link header points to the next page; X-Total-Count counts threads.")
	ResponseEntity<List<CommentJson>> discussion(@PathVariable String slug,
			@RequestParam(defaultValue = "oldest") String sort, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "50") int size) {
		Article article = articles.find(slug).orElseThrow(() -> unknownArticle(slug));
		int pageSize = Math.max(1, Math.min(200, size));
		int current = Math.max(1, page);
		List<CommentNode> threads = discussions.discussion(article.id()).tree(DiscussionSort.fromKey(sort));
		int from = (int) Math.min(threads.size(), (long) (current - 1) * pageSize);
		List<CommentJson> body = threads.subList(from, Math.min(threads.size(), from + pageSize))
			.stream()
			.map(CommentJson::of)
			.toList();
		ResponseEntity.BodyBuilder response = ResponseEntity.ok().header("X-Total-Count", String.valueOf(threads.size()));
		if ((long) current * pageSize < threads.size()) {
			response.header(HttpHeaders.LINK, "</api/v1/articles/" + slug + "/comments?sort="
					+ DiscussionSort.fromKey(sort).key() + "&page=" + (current + 1) + "&size=" + pageSize + ">; rel=\"next\"");
		}
		return response.body(body);
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Post a comment or a reply",
			description = "Answers 201 with the stored comment and its status. Errors are RFC 9457 problem JSON: "
					+ "400 for a blank or oversized body or name, an unknown parent, a parent on another article or "
					+ "malformed JSON; 404 for an unknown article; 403 when comments are closed or guests are not "
					+ "allowed. A refused request stores nothing. 422 is the nudge: the comment would be held for a "
					+ "moderator; detail says why in a sentence and concerns lists, for each reason, the quoted parts "
					+ "of the comment that triggered it (parts, empty for the comment as a whole), what it may read as "
					+ "(reason), the guideline (guideline, a key such as personal-attacks; guidelineText, one "
					+ "sentence; guidelineUrl). Send it again with acknowledgeNudge to post it anyway. With an Idempotency-Key "
					+ "header (any 1 to 200 visible ASCII characters, a UUID for example), a retry of the same request "
					+ "within 24 hours answers what the first attempt answered and stores nothing; the same key with a "
					+ "different request answers 422.")
	@ApiResponse(responseCode = "422", description = "The nudge: nothing stored; problem JSON with concerns")
	@ApiResponse(responseCode = "201", description = "Stored (or, for a retry with the same Idempotency-Key, stored by "
			+ "the first attempt: the same answer, with Idempotent-Replayed: true)")
	ResponseEntity<?> post(@PathVariable String slug, @RequestBody CommentRequest request,
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
			@AuthenticationPrincipal AccountPrincipal viewer, HttpServletRequest http) {
		CommentDraft draft = new CommentDraft(request.body(), request.parentId(),
				Boolean.TRUE.equals(request.acknowledgeNudge()));
		Commenter commenter = Commenter.of(viewer, request.authorName(), request.guestEmail(), clientKeys.of(http));
		CommentOutcome outcome;
		if (idempotencyKey == null) {
			outcome = commenting.submit(slug, draft, commenter);
		}
		else if (!SubmissionKey.wellFormed(idempotencyKey)) {
			return CommentAnswers.problem(HttpStatus.BAD_REQUEST,
					"The Idempotency-Key header must be 1 to " + SubmissionKey.MAX_LENGTH + " visible ASCII characters.");
		}
		else {
			SubmissionKey key = SubmissionKey.api(idempotencyKey, commenter, slug, request.authorName(),
					request.guestEmail(), request.body(), request.parentId(), request.acknowledgeNudge());
			outcome = commenting.submitOnce(slug, draft, commenter, key);
		}
		return outcome.<ResponseEntity<?>>fold(posted -> created(slug, posted.comment(), posted.replayed()),
				held -> created(slug, held.comment(), held.replayed()), CommentAnswers::problem,
				CommentAnswers::problem);
	}

	/** The 201 answer for a stored comment: the same for its first request and for a retry with the same key. */
	private static ResponseEntity<CommentJson> created(String slug, Comment comment, boolean replayed) {
		ResponseEntity.BodyBuilder answer = ResponseEntity
			.created(URI.create("/articles/" + slug + "/comments/" + comment.id()));
		if (replayed) {
			answer.header("Idempotent-Replayed", "true");
		}
		return answer.body(CommentJson.stored(comment));
	}

	private static ResponseStatusException unknownArticle(String slug) {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no published article at '" + slug + "'.");
	}

	/**
	 * A new comment. For a guest, {@code authorName} may be blank (shown as "Anonymous") and {@code guestEmail} is
	 * optional and never shown; for a request signed in with a token both are ignored: the account's display name
	 * is used. {@code parentId} is null for a top-level comment.
	 */
	record CommentRequest(@Schema(maxLength = 60) String authorName,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = 5000) String body,
			Long parentId, @Schema(format = "email") String guestEmail,
			@Schema(description = "Post even though a first attempt answered 422 (the nudge): the comment is then held") Boolean acknowledgeNudge) {
	}

	record CommentJson(long id, Long parentId, String authorName, String bodyHtml, Instant createdAt,
			@Schema(allowableValues = { "published", "pending", "removed", "deleted" }) String status,
			List<CommentJson> replies) {

		/** The comment as its author just stored it, whatever its status. */
		static CommentJson stored(Comment c) {
			return new CommentJson(c.id(), c.parentId(), c.displayName(), c.bodyHtml(), c.createdAt(), c.status().key(),
					List.of());
		}

		/** A node of the public tree: unpublished comments only as placeholders. */
		static CommentJson of(CommentNode node) {
			Comment c = node.comment();
			List<CommentJson> replies = node.replies().stream().map(CommentJson::of).toList();
			if (c.isPublished()) {
				return new CommentJson(c.id(), c.parentId(), c.displayName(), c.bodyHtml(), c.createdAt(),
						c.status().key(), replies);
			}
			String placeholder = c.status() == CommentStatus.DELETED ? "deleted" : "removed";
			return new CommentJson(c.id(), c.parentId(), null, null, c.createdAt(), placeholder, replies);
		}
	}
}
