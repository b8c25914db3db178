package dev.gazette.comment;

import dev.gazette.account.AccountPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A signed-in commenter's own comments: {@code /api/v1/comments/{id}}, with a personal access token. */
@RestController
@RequestMapping("/api/v1/comments/{id}")
@Tag(name = "Comments")
@PreAuthorize("isAuthenticated()")
class OwnCommentApi {

	private final Comments comments;

	OwnCommentApi(Comments comments) {
		this.comments = comments;
	}

	@PatchMapping
	@Operation(summary = "Change the text of your own comment (within 15 minutes of posting)",
			description = "400 when the window has passed or the text is invalid, 403 when it is not your comment.")
	CommentApi.CommentJson edit(@PathVariable long id, @RequestBody EditRequest request,
			@AuthenticationPrincipal AccountPrincipal viewer) {
		return CommentApi.CommentJson.stored(comments.edit(id, viewer.id(), request.body()));
	}

	@DeleteMapping
	@Operation(summary = "Delete your own comment", description = "It leaves a 'deleted' mark so replies keep their place.")
	ResponseEntity<Void> delete(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal viewer) {
		comments.deleteOwn(id, viewer.id());
		return ResponseEntity.noContent().build();
	}

	@ExceptionHandler(CommentRejectedException.class)
	ResponseEntity<ProblemDetail> refused(CommentRejectedException ex) {
		return CommentApi.problem(ex);
	}

	record EditRequest(String body) {
	}
}
