package dev.gazette.comment.internal;

import dev.gazette.account.AccountPrincipal;
import dev.gazette.comment.Commenting;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
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

	private final Commenting commenting;

	OwnCommentApi(Commenting commenting) {
		this.commenting = commenting;
	}

	@PatchMapping
	@Operation(summary = "Change the text of your own comment (within 15 minutes of posting)",
			description = "400 when the window has passed or the text is invalid, 403 when it is not your comment.")
	@ApiResponse(responseCode = "200", description = "The comment as it is now",
			content = @Content(schema = @Schema(implementation = CommentApi.CommentJson.class)))
	ResponseEntity<?> edit(@PathVariable long id, @RequestBody EditRequest request,
			@AuthenticationPrincipal AccountPrincipal viewer) {
		return commenting.edit(id, viewer.id(), request.body())
			.<ResponseEntity<?>>fold(posted -> ResponseEntity.ok(CommentApi.CommentJson.stored(posted.comment())),
					held -> ResponseEntity.ok(CommentApi.CommentJson.stored(held.comment())), CommentAnswers::problem,
					CommentAnswers::problem);
	}

	@DeleteMapping
	@Operation(summary = "Delete your own comment", description = "It leaves a 'deleted' mark so replies keep their place.")
	ResponseEntity<?> delete(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal viewer) {
		return commenting.deleteOwn(id, viewer.id())
			.<ResponseEntity<?>>map(CommentAnswers::problem)
			.orElseGet(() -> ResponseEntity.noContent().build());
	}

	record EditRequest(String body) {
	}
}
