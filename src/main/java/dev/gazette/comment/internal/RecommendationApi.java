package dev.gazette.comment.internal;

import dev.gazette.account.AccountPrincipal;
import dev.gazette.comment.internal.Recommending.Counted;
import dev.gazette.comment.internal.Recommending.Refused;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Recommending a comment: {@code /api/v1/comments/{id}/recommendation}, with a personal access token. */
@RestController
@RequestMapping("/api/v1/comments/{id}/recommendation")
@Tag(name = "Comments")
class RecommendationApi {

	private final Recommendations recommendations;

	RecommendationApi(Recommendations recommendations) {
		this.recommendations = recommendations;
	}

	@GetMapping
	@Operation(summary = "How many readers recommend a comment",
			description = "Anyone may ask; recommendedByYou is true when the token's account is among them. 404 for "
					+ "a comment the public cannot read.")
	ResponseEntity<?> count(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal viewer) {
		return recommendations.count(id, viewer == null ? null : viewer.id())
			.<ResponseEntity<?>>map(counted -> ResponseEntity.ok(RecommendationJson.of(counted)))
			.orElseGet(() -> problem(HttpStatus.NOT_FOUND, "There is no such comment.", 0));
	}

	@PostMapping
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "Recommend a comment (once; again changes nothing)",
			description = "200 with the new count. 403 for your own comment, 404 for a comment the public cannot "
					+ "read, 400 for a deleted or removed one, 429 with Retry-After when recommending too fast "
					+ "(gazette.comments.recommendations.per-period). A refused request stores nothing.")
	ResponseEntity<?> recommend(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal viewer) {
		return answer(recommendations.recommend(id, viewer.id()));
	}

	@DeleteMapping
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "Take your recommendation of a comment back",
			description = "200 with the new count (also when you had not recommended it); refusals as for POST.")
	ResponseEntity<?> withdraw(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal viewer) {
		return answer(recommendations.withdraw(id, viewer.id()));
	}

	private static ResponseEntity<?> answer(Recommending outcome) {
		if (outcome instanceof Refused refused) {
			return problem(HttpStatus.valueOf(refused.refusal().status()), refused.message(),
					refused.retryAfter().isZero() ? 0 : Math.max(1, refused.retryAfter().toSeconds()));
		}
		return ResponseEntity.ok(RecommendationJson.of((Counted) outcome));
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, long retryAfterSeconds) {
		ResponseEntity.BodyBuilder response = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (retryAfterSeconds > 0) {
			response.header(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
		}
		return response.body(ProblemDetail.forStatusAndDetail(status, detail));
	}

	/** A comment's recommendations as the API answers them. */
	record RecommendationJson(long commentId, int recommendations, boolean recommendedByYou) {

		static RecommendationJson of(Counted counted) {
			return new RecommendationJson(counted.commentId(), counted.recommendations(), counted.yours());
		}
	}
}
