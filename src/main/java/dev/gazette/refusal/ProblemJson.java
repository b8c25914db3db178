package dev.gazette.refusal;

import java.time.Duration;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The one way the API writes a refusal: RFC 9457 problem JSON with {@code status}, {@code title}, {@code detail}, and
 * {@code errors: [{field, message}]} when fields are at fault, plus {@code Retry-After} (whole seconds, at least 1)
 * when waiting helps.
 */
public final class ProblemJson {

	private ProblemJson() {
	}

	public static ResponseEntity<ProblemDetail> of(Refusal refusal) {
		ProblemDetail problem = problem(refusal.status(), refusal.getMessage(), refusal.errors());
		if (refusal.title() != null) {
			problem.setTitle(refusal.title());
		}
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(refusal.status())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		Duration retryAfter = refusal.retryAfter();
		if (retryAfter != null) {
			long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
			answer.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		}
		return answer.body(problem);
	}

	/** A 400 about fields, for refusals found before any feature's code ran (binding, Bean Validation, JSON). */
	public static ResponseEntity<ProblemDetail> badRequest(String detail, List<FieldProblem> errors) {
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem(HttpStatus.BAD_REQUEST, detail, errors));
	}

	private static ProblemDetail problem(HttpStatus status, String detail, List<FieldProblem> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		if (!errors.isEmpty()) {
			problem.setProperty("errors", errors);
		}
		return problem;
	}
}
