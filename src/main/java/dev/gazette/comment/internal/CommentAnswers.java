package dev.gazette.comment.internal;

import dev.gazette.comment.CommentOutcome.Nudged;
import dev.gazette.comment.CommentOutcome.Reason;
import dev.gazette.comment.CommentOutcome.Refused;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The one place where a comment that stored nothing becomes an HTTP status, for the JSON API and the pages alike,
 * and, for the API, RFC 9457 problem JSON ({@code errors} field by field, {@code concerns} for a nudge).
 */
final class CommentAnswers {

	private CommentAnswers() {
	}

	static HttpStatus status(Reason reason) {
		return switch (reason) {
			case UNKNOWN_ARTICLE -> HttpStatus.NOT_FOUND;
			case INVALID -> HttpStatus.BAD_REQUEST;
			case CLOSED, GUESTS_NOT_ALLOWED, NOT_YOURS, SUSPENDED -> HttpStatus.FORBIDDEN;
			case KEY_REUSED -> HttpStatus.UNPROCESSABLE_CONTENT;
		};
	}

	/**
	 * The nudge's status in the API: 422, so a client cannot mistake it for a stored comment. (The page answers
	 * 200: it shows the form again, which is what a reader asked for.)
	 */
	static final HttpStatus NUDGE = HttpStatus.UNPROCESSABLE_CONTENT;

	static ResponseEntity<ProblemDetail> problem(Refused refused) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status(refused.reason()), refused.message());
		if (!refused.errors().isEmpty()) {
			problem.setProperty("errors", refused.errors());
		}
		return answer(problem);
	}

	static ResponseEntity<ProblemDetail> problem(Nudged nudged) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(NUDGE, nudged.message());
		if (!nudged.concerns().isEmpty()) {
			problem.setProperty("concerns", nudged.concerns());
		}
		return answer(problem);
	}

	static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
		return answer(ProblemDetail.forStatusAndDetail(status, detail));
	}

	private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}
}
