package dev.gazette.newsroom.internal;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.gazette.refusal.ProblemJson;
import dev.gazette.newsroom.NewsroomException;

/**
 * Two database refusals that mean something in the newsroom, answered as the newsroom's own conflicts (problem JSON
 * like every other refusal, {@link ProblemJson}), for the API and the editor's scripts alike. A
 * {@link NewsroomException} itself needs nothing here: it is a refusal, which {@code web.ApiProblems} answers.
 * <p>
 * Ordered first, ahead of {@code web.ApiProblems}, whose catch-all would otherwise answer these with 500.
 */
@RestControllerAdvice(assignableTypes = { NewsroomApi.class, EditorScripts.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
public class NewsroomProblems {

	/** Two requests claimed one slug at the same moment: the unique index refused the second. */
	@ExceptionHandler(DuplicateKeyException.class)
	public ResponseEntity<ProblemDetail> clash(DuplicateKeyException ex) {
		return ProblemJson.of(NewsroomException.conflict("slug", "Another article took this slug at the same moment."));
	}

	/** Someone else changed the piece between this request's reading it and writing it. */
	@ExceptionHandler(OptimisticLockingFailureException.class)
	public ResponseEntity<ProblemDetail> changedMeanwhile(OptimisticLockingFailureException ex) {
		return ProblemJson.of(NewsroomException.conflict(null,
				"The piece changed in the meantime; read it again and retry."));
	}
}
