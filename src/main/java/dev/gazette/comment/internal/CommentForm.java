package dev.gazette.comment.internal;

import java.util.List;
import java.util.UUID;

import dev.gazette.comment.Screening;
import dev.gazette.refusal.FieldProblem;


/**
 * The comment form's state: what the reader typed and, after a failed attempt, what to fix. {@code message} is a
 * problem with the whole attempt (comments closed, guests not allowed). {@code nudge} asks the reader to reconsider
 * before posting; {@code concerns} say what in their comment may break which guideline. {@code submissionId} is the
 * form's one-time id (a hidden field), given to a form shown again after a failed attempt and kept across further
 * attempts, since those stored nothing. The form on the article page has none, so that every reader who is not
 * signed in gets the same page; a retry of it is recognised by what it sends ({@link SubmissionKey#sameContent}).
 */
public record CommentForm(String authorName, String guestEmail, String body, Long parentId, List<FieldProblem> errors,
		String message, String nudge, List<Screening.Concern> concerns, String submissionId) {

	public CommentForm {
		concerns = concerns == null ? List.of() : List.copyOf(concerns);
		submissionId = SubmissionKey.wellFormed(submissionId) ? submissionId : null;
	}

	public static CommentForm empty(Long parentId) {
		return new CommentForm("", "", "", parentId, List.of(), null, null, List.of(), null);
	}

	/**
	 * A new one-time id for a form about to be shown: the form sends it back with the comment, and a form sent again
	 * with it (a double click, the browser resending after a timeout) lands on the comment it already made.
	 */
	static String newSubmissionId() {
		return UUID.randomUUID().toString();
	}

	public String errorFor(String field) {
		return errors.stream().filter(e -> e.field().equals(field)).map(FieldProblem::message).findFirst().orElse(null);
	}

	public boolean hasErrors() {
		return !errors.isEmpty() || message != null;
	}
}
