package dev.gazette.moderation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.gazette.account.AccountPrincipal;
import dev.gazette.comment.Comment;
import dev.gazette.moderation.QueueView.Queue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Moderation over the API, with a personal access token. */
@RestController
@Tag(name = "Moderation")
class ModerationApi {

	private final ModerationQueues queues;

	private final ModerationService moderation;

	private final Reports reports;

	private final ModerationPipeline pipeline;

	ModerationApi(ModerationQueues queues, ModerationService moderation, Reports reports, ModerationPipeline pipeline) {
		this.queues = queues;
		this.moderation = moderation;
		this.reports = reports;
		this.pipeline = pipeline;
	}

	@GetMapping("/api/v1/moderation/queue")
	@PreAuthorize("hasAnyRole('MODERATOR', 'ADMIN')")
	@Operation(summary = "A moderation queue (moderators)", description = "state: pending (held by the system) or "
			+ "reported; oldest first, 25 a page. Each item carries the signals and scores that held it.")
	QueueJson queue(@RequestParam(defaultValue = "pending") String state, @RequestParam(defaultValue = "1") int page) {
		if (!state.equals("pending") && !state.equals("reported")) {
			throw new IllegalArgumentException("state must be pending or reported");
		}
		QueueView view = queues.view(Queue.fromKey(state), null, page, null);
		return new QueueJson(state, view.page(), view.total(), view.items().stream().map(ItemJson::of).toList());
	}

	@PostMapping(path = "/api/v1/comments/{id}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasAnyRole('MODERATOR', 'ADMIN')")
	@Operation(summary = "Approve or reject a comment (moderators)", description = "{\"action\": \"approve|reject\", "
			+ "\"reason\": \"...\"}; a rejection needs a reason. Recorded in the audit log.")
	ItemJson decide(@PathVariable long id, @RequestBody DecisionRequest request,
			@AuthenticationPrincipal AccountPrincipal moderator) {
		switch (request.action() == null ? "" : request.action()) {
			case "approve" -> moderation.approve(id, moderator.id());
			case "reject" -> moderation.reject(id, moderator.id(), request.reason(), Set.of());
			default -> throw new IllegalArgumentException("action must be approve or reject");
		}
		return queues.item(id).map(ItemJson::of).orElseThrow();
	}

	@PostMapping(path = "/api/v1/comments/{id}/reports", consumes = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "Report a comment", description = "reason: abuse, hate, spam, off-topic or other (other needs "
			+ "detail). A comment reaching the report threshold is held for moderators.")
	ResponseEntity<Map<String, String>> report(@PathVariable long id, @RequestBody ReportRequest request,
			@AuthenticationPrincipal AccountPrincipal reader) {
		if (request.reason() == null) {
			throw new IllegalArgumentException("reason is required");
		}
		Reports.Outcome outcome = reports.report(id, reader.id(), Reports.Reason.fromKey(request.reason()), request.detail());
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("outcome", outcome.name().toLowerCase()));
	}

	@PostMapping(path = "/api/v1/moderation/score", consumes = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "What the pipeline would decide about a text", description = "Word lists, classifier and "
			+ "links only (no author or article context); nothing is stored.")
	ScoreJson score(@RequestBody ScoreRequest request) {
		if (request.body() == null || request.body().isBlank() || request.body().length() > 10_000) {
			throw new IllegalArgumentException("body must be 1 to 10,000 characters");
		}
		Decision decision = pipeline.assess(request.body());
		return new ScoreJson(decision.action().key(), decision.signals(), decision.scores());
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<ProblemDetail> bad(IllegalArgumentException ex) {
		return ResponseEntity.badRequest()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage()));
	}

	record DecisionRequest(String action, String reason) {
	}

	record ReportRequest(String reason, String detail) {
	}

	record ScoreRequest(String body) {
	}

	record ScoreJson(String decision, List<Signal> signals, Map<String, Double> scores) {
	}

	record QueueJson(String state, int page, long total, List<ItemJson> items) {
	}

	record ItemJson(long id, String articleSlug, Long parentId, String authorName, String body, Instant createdAt,
			String status, List<Signal> signals, Map<String, Double> scores, List<String> reports) {

		static ItemJson of(QueueItem item) {
			Comment c = item.comment();
			return new ItemJson(c.id(), item.article() == null ? null : item.article().slug(), c.parentId(),
					c.displayName(), c.body(), c.createdAt(), c.status().key(), item.signals(), item.scores(),
					item.reports());
		}
	}
}
