package dev.gazette.web;

import dev.gazette.availability.DatabaseOutage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457 problem JSON for everything that goes wrong in the JSON API ({@code @RestController}s): Spring MVC's
 * own exceptions (malformed JSON, wrong types, unsupported media) through the base class, anything unexpected as a
 * bare 500 with no detail, logged here; a database outage as 503 with {@code Retry-After} (nothing was done, and the
 * same request may well succeed in a moment).
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	private final DatabaseOutage outage;

	ApiProblems(DatabaseOutage outage) {
		this.outage = outage;
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request body is not valid JSON, or one of its fields has the wrong type.");
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	/**
	 * A refusal by method security ({@code @PreAuthorize}) goes back to Spring Security, which answers 401 to a guest
	 * and 403 to an account, as problem JSON; it is not unexpected.
	 */
	@ExceptionHandler(AccessDeniedException.class)
	void refusedBySecurity(AccessDeniedException ex) {
		throw ex;
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		if (DatabaseOutage.explains(ex)) {
			log.warn("API request failed: the database is unavailable ({})", ex.getMessage());
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
					"Gazette cannot reach its database just now. Nothing was changed; please try again shortly.");
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header(HttpHeaders.RETRY_AFTER, outage.retryAfter())
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(problem);
		}
		log.error("Unexpected error in the API", ex);
		return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
			.body(ProblemDetail.forStatus(HttpStatus.INTERNAL_SERVER_ERROR));
	}
}
