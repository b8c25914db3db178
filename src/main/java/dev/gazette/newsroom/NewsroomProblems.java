package dev.gazette.newsroom;

import java.util.List;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The newsroom's JSON answers to a refusal, as RFC 9457 problem JSON with the field at fault in {@code errors}:
 * for the API and for the editor's scripts alike, so a refusal reads the same wherever it comes from. The status is
 * the refusal's kind's ({@link NewsroomException.Kind#status()}).
 * <p>
 * Ordered first, ahead of {@code web.ApiProblems}, whose catch-all would otherwise answer these with 500.
 */
@RestControllerAdvice(assignableTypes = { NewsroomApi.class, EditorScripts.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class NewsroomProblems {

	@ExceptionHandler(NewsroomException.class)
	ResponseEntity<ProblemDetail> refused(NewsroomException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.kind().status(), ex.getMessage());
		if (ex.field() != null) {
			problem.setProperty("errors", List.of(Map.of("field", ex.field(), "message", ex.getMessage())));
		}
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/** Two requests claimed one slug at the same moment: the unique index refused the second. */
	@ExceptionHandler(DuplicateKeyException.class)
	ResponseEntity<ProblemDetail> clash(DuplicateKeyException ex) {
		return refused(NewsroomException.conflict("slug", "Another article took this slug at the same moment."));
	}

	/** Someone else changed the piece between this request's reading it and writing it. */
	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<ProblemDetail> changedMeanwhile(OptimisticLockingFailureException ex) {
		return refused(NewsroomException.conflict(null, "The piece changed in the meantime; read it again and retry."));
	}
}
