package dev.gazette.moderation.internal;

import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.gazette.account.AccountPrincipal;
import dev.gazette.article.Article;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.article.DiscussionSettings;
import dev.gazette.comment.Comment;
import dev.gazette.comment.Screening.Concern;
import dev.gazette.moderation.internal.QueueView.Queue;
import dev.gazette.moderation.classifier.LabelledComment;
import dev.gazette.moderation.classifier.LabelledData;
import dev.gazette.moderation.classifier.LabelledDataException;
import dev.gazette.refusal.ProblemJson;
import dev.gazette.moderation.AuditLog;
import dev.gazette.moderation.ClassifierModels;
import dev.gazette.moderation.Decision;
import dev.gazette.moderation.ModerationPipeline;
import dev.gazette.moderation.ModerationQueues;
import dev.gazette.moderation.ModerationService;
import dev.gazette.moderation.QueueItem;
import dev.gazette.moderation.Reports;
import dev.gazette.moderation.Signal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpHeaders;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Moderation over the API, with a personal access token. */
@RestController
@Tag(name = "Moderation")
public class ModerationApi {

	private final ModerationQueues queues;

	private final ModerationService moderation;

	private final Reports reports;

	private final ModerationPipeline pipeline;

	private final ClassifierModels models;

	private final DiscussionControls discussions;

	private final ArticleCatalog articles;

	private final AuditLog audit;

	public ModerationApi(ModerationQueues queues, ModerationService moderation, Reports reports, ModerationPipeline pipeline,
			ClassifierModels models, DiscussionControls discussions, ArticleCatalog articles, AuditLog audit) {
		this.models = models;
		this.discussions = discussions;
		this.articles = articles;
		this.audit = audit;
		this.queues = queues;
		this.moderation = moderation;
		this.reports = reports;
		this.pipeline = pipeline;
	}

	@GetMapping("/api/v1/moderation/queue")
	@PreAuthorize("hasAnyRole('MODERATOR', 'ADMIN')")
	@Operation(summary = "A moderation queue (moderators)", description = "state: pending (held by the system) or "
			+ "reported; oldest first, 25 a page. Each item carries the signals and scores that held it.")
	public QueueJson queue(@RequestParam(defaultValue = "pending") @Pattern(regexp = "pending|reported",
			message = "state must be pending or reported") String state, @RequestParam(defaultValue = "1") int page) {
		QueueView view = queues.view(Queue.fromKey(state), null, page, null);
		return new QueueJson(state, view.page(), view.total(), view.items().stream().map(ItemJson::of).toList());
	}

	@PostMapping(path = "/api/v1/comments/{id}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasAnyRole('MODERATOR', 'ADMIN')")
	@Operation(summary = "Approve or reject a comment (moderators)", description = "{\"action\": \"approve|reject\", "
			+ "\"reason\": \"...\"}; a rejection needs a reason. Recorded in the audit log.")
	public ItemJson decide(@PathVariable long id, @Valid @RequestBody DecisionRequest request,
			@AuthenticationPrincipal AccountPrincipal moderator) {
		if (request.action().equals("approve")) {
			moderation.approve(id, moderator.id());
		}
		else {
			moderation.reject(id, moderator.id(), request.reason(), Set.of());
		}
		return queues.item(id).map(ItemJson::of).orElseThrow();
	}

	@PostMapping(path = "/api/v1/comments/{id}/reports", consumes = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "Report a comment", description = "reason: abuse, hate, spam, off-topic or other (other needs "
			+ "detail). A comment reaching the report threshold is held for moderators.")
	public ResponseEntity<Map<String, String>> report(@PathVariable long id, @Valid @RequestBody ReportRequest request,
			@AuthenticationPrincipal AccountPrincipal reader) {
		Reports.Outcome outcome = reports.report(id, reader.id(), Reports.Reason.fromKey(request.reason()), request.detail());
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("outcome", outcome.name().toLowerCase()));
	}

	@PostMapping(path = "/api/v1/moderation/score", consumes = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "What the pipeline would decide about a text", description = "Word lists, classifier and "
			+ "links only (no author or article context); nothing is stored. decision is publish, nudge, hold or "
			+ "reject; each signal has name, detail, action and, from the word lists and the classifier, a concern; "
			+ "concerns is what a reader posting this text would be told, as in the comment API's 422: for each "
			+ "guideline, the quoted parts of the text that triggered it (parts; empty for the text as a whole), what "
			+ "it may read as (reason), the guideline (guideline, a key such as personal-attacks; guidelineText; "
			+ "guidelineUrl).")
	public ScoreJson score(@Valid @RequestBody ScoreRequest request) {
		Decision decision = pipeline.assess(request.body());
		return new ScoreJson(decision.action().key(), decision.signals(), decision.scores(), decision.concerns());
	}

	@GetMapping("/api/v1/moderation/model")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "The classifier's versions (admins)", description = "Newest first; the newest is in use. "
			+ "Each with when it was trained, on how many examples, why, and its hold thresholds.")
	public List<ClassifierModels.Version> modelVersions() {
		return models.versions();
	}

	@PostMapping(path = "/api/v1/moderation/model",
			consumes = { "text/csv", "application/x-ndjson", "application/jsonl", MediaType.ALL_VALUE })
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Retrain the classifier from scratch (admins)", description = "Trains a new version on the "
			+ "shipped data, every moderator decision kept on this site and, when the request has a body, the labelled "
			+ "comments in it: text/csv in the id,comment_text,toxic,severe_toxic,obscene,threat,insult,identity_hate "
			+ "layout, or application/x-ndjson (JSON lines). Answers 202 at once; training runs in the background and "
			+ "the new version shows in GET /api/v1/moderation/model. A file that cannot be read is refused with 400 "
			+ "and nothing starts.")
	@ApiResponse(responseCode = "202", description = "Training started")
	public ResponseEntity<Map<String, Object>> retrain(@RequestBody(required = false) String body,
			@RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
			@AuthenticationPrincipal AccountPrincipal admin) {
		List<LabelledComment> extra = List.of();
		if (body != null && !body.isBlank()) {
			boolean jsonLines = contentType != null && (contentType.contains("ndjson") || contentType.contains("jsonl"));
			try {
				extra = jsonLines ? LabelledData.readJsonLines(new StringReader(body), "the request")
						: LabelledData.readCsv(new StringReader(body), "the request");
			}
			catch (LabelledDataException ex) {
				throw new IllegalArgumentException("The labelled comments cannot be read: " + ex.getMessage());
			}
			if (extra.isEmpty()) {
				throw new IllegalArgumentException("The request has no labelled comments.");
			}
		}
		String why = "retrained over the API from the shipped data, this site's decisions"
				+ (extra.isEmpty() ? "" : " and " + extra.size() + " examples sent with the request");
		audit.record(null, null, admin.id(), "classifier-retrained", null, why);
		models.retrainInBackground(why, extra);
		return ResponseEntity.accepted()
			.location(URI.create("/api/v1/moderation/model"))
			.body(Map.of("status", "training", "extraExamples", extra.size()));
	}

	@PutMapping(path = "/api/v1/articles/{slug}/discussion", consumes = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasAnyRole('MODERATOR', 'EDITOR', 'ADMIN')")
	@Operation(summary = "How an article's discussion is run (moderators, editors)", description = "{\"open\": true, "
			+ "\"premoderated\": false, \"closeAfterDays\": 14, \"guestsAllowed\": null}: closeAfterDays null for never, "
			+ "guestsAllowed null for the site's default. 404 for an unknown article, 400 for a bad value. Recorded in "
			+ "the audit log.")
	public DiscussionJson discussion(@PathVariable String slug, @RequestBody DiscussionJson request,
			@AuthenticationPrincipal AccountPrincipal moderator) {
		if (articles.find(slug).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no published article '" + slug + "'.");
		}
		if (request.open() == null) {
			throw new IllegalArgumentException("open is required: true or false");
		}
		Article changed = discussions.change(slug, request.open(), new DiscussionSettings(
				Boolean.TRUE.equals(request.premoderated()), request.closeAfterDays(), request.guestsAllowed()),
				moderator.id());
		return DiscussionJson.of(changed);
	}

	/**
	 * The moderation services refuse a bad value (an unknown report reason, a rejection without a reason, a discussion
	 * setting out of range) with an {@link IllegalArgumentException} whose message is written for the client.
	 */
	@ExceptionHandler(IllegalArgumentException.class)
	public ResponseEntity<ProblemDetail> bad(IllegalArgumentException ex) {
		return ProblemJson.badRequest(ex.getMessage(), List.of());
	}

	public record DecisionRequest(
			@NotNull(message = "action must be approve or reject") @Pattern(regexp = "approve|reject",
					message = "action must be approve or reject") String action,
			String reason) {
	}

	public record DiscussionJson(Boolean open, Boolean premoderated, Integer closeAfterDays, Boolean guestsAllowed) {

		static DiscussionJson of(Article article) {
			DiscussionSettings s = article.discussion();
			return new DiscussionJson(article.commentsOpen(), s.premoderated(), s.closeAfterDays(), s.guestsAllowed());
		}
	}

	public record ReportRequest(@NotNull(message = "reason is required") String reason, String detail) {
	}

	public record ScoreRequest(@NotBlank(message = "body must be 1 to 10,000 characters")
			@Size(max = 10_000, message = "body must be 1 to 10,000 characters") String body) {
	}

	public record ScoreJson(String decision, List<Signal> signals, Map<String, Double> scores, List<Concern> concerns) {
	}

	public record QueueJson(String state, int page, long total, List<ItemJson> items) {
	}

	public record ItemJson(long id, String articleSlug, Long parentId, String authorName, String body, Instant createdAt,
			String status, List<Signal> signals, Map<String, Double> scores, List<String> reports) {

		static ItemJson of(QueueItem item) {
			Comment c = item.comment();
			return new ItemJson(c.id(), item.article() == null ? null : item.article().slug(), c.parentId(),
					c.displayName(), c.body(), c.createdAt(), c.status().key(), item.signals(), item.scores(),
					item.reports());
		}
	}
}
