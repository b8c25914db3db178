package dev.gazette.web;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import dev.gazette.availability.DatabaseOutage;
import dev.gazette.refusal.FieldProblem;
import dev.gazette.refusal.ProblemJson;
import dev.gazette.refusal.Refusal;

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
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * RFC 9457 problem JSON for everything that goes wrong in the JSON API ({@code @RestController}s), in one place:
 * <ul>
 * <li>every feature's {@link Refusal} (its status, message, fields at fault and {@code Retry-After}), written by
 * {@link ProblemJson};</li>
 * <li>a request body that breaks its record's Bean Validation constraints, or a parameter that breaks its own: 400
 * with each field's message in {@code errors};</li>
 * <li>a body that is not JSON, has a field of the wrong type or a field the endpoint does not know: 400 naming the
 * field where Jackson can tell which;</li>
 * <li>Spring MVC's other exceptions (unsupported media, missing parameters) through the base class;</li>
 * <li>a database outage as 503 with {@code Retry-After} (nothing was done, and the same request may well succeed in
 * a moment); anything else as a bare 500 with no detail, logged here.</li>
 * </ul>
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	private final DatabaseOutage outage;

	ApiProblems(DatabaseOutage outage) {
		this.outage = outage;
	}

	@ExceptionHandler(Refusal.class)
	ResponseEntity<ProblemDetail> refused(Refusal refusal) {
		return ProblemJson.of(refusal);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String field = ex.getCause() instanceof JacksonException json ? fieldOf(json) : null;
		if (field == null) {
			return widen(ProblemJson.badRequest(
					"The request body is not valid JSON, or one of its fields has the wrong type.", List.of()));
		}
		String message = ex.getCause() instanceof UnrecognizedPropertyException
				? "There is no field ‘" + field + "’ in this request."
				: field + " has the wrong type or format.";
		return widen(ProblemJson.badRequest(message, List.of(new FieldProblem(field, message))));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = new ArrayList<>();
		for (FieldError error : ex.getBindingResult().getFieldErrors()) {
			errors.add(new FieldProblem(error.getField(), error.getDefaultMessage()));
		}
		return widen(ProblemJson.badRequest(summary(errors), errors));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = new ArrayList<>();
		ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error -> errors
			.add(new FieldProblem(result.getMethodParameter().getParameterName(), error.getDefaultMessage()))));
		return widen(ProblemJson.badRequest(summary(errors), errors));
	}

	/** The JSON property at fault, dotted for nested ones ({@code source.url}), or {@code null} when none is named. */
	private static String fieldOf(JacksonException json) {
		String path = json.getPath().stream().map(JacksonException.Reference::getPropertyName)
			.filter(name -> name != null).collect(Collectors.joining("."));
		return path.isEmpty() ? null : path;
	}

	private static String summary(List<FieldProblem> errors) {
		return errors.size() == 1 ? errors.get(0).message()
				: errors.stream().map(FieldProblem::message).collect(Collectors.joining(" "));
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static ResponseEntity<Object> widen(ResponseEntity<ProblemDetail> answer) {
		return (ResponseEntity) answer;
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
