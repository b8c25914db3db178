package dev.gazette.comment;

import java.util.List;

import dev.gazette.comment.CommentRejectedException.FieldProblem;

/**
 * The comment form's state: what the reader typed and, after a failed attempt, what to fix. {@code message} is a
 * problem with the whole attempt (comments closed, guests not allowed). {@code nudge} asks the reader to reconsider
 * before posting; {@code concerns} say what in their comment may break which guideline.
 */
public record CommentForm(String authorName, String guestEmail, String body, Long parentId, List<FieldProblem> errors,
		String message, String nudge, List<Screening.Concern> concerns) {

	public CommentForm {
		concerns = concerns == null ? List.of() : List.copyOf(concerns);
	}

	public static CommentForm empty(Long parentId) {
		return new CommentForm("", "", "", parentId, List.of(), null, null, List.of());
	}

	public String errorFor(String field) {
		return errors.stream().filter(e -> e.field().equals(field)).map(FieldProblem::message).findFirst().orElse(null);
	}

	public boolean hasErrors() {
		return !errors.isEmpty() || message != null;
	}
}
