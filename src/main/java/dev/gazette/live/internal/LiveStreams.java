package dev.gazette.live.internal;

import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The event streams and their polling twins. A stream answers {@code text/event-stream}; when the node holds
 * {@code gazette.live.max-connections} streams already it answers 503 (problem JSON naming the polling address), and
 * the page's script polls that address instead.
 */
@RestController
@Tag(name = "Live updates")
class LiveStreams {

	/** The most missed events one reconnection or one poll answers (the page then offers to show them all). */
	static final int MAX_MISSED = 500;

	private static final int MAX_SLUG = 200;

	private final LiveHub hub;

	private final LiveChanges changes;

	private final LiveProperties properties;

	LiveStreams(LiveHub hub, LiveChanges changes, LiveProperties properties) {
		this.hub = hub;
		this.changes = changes;
		this.properties = properties;
	}

	@GetMapping("/api/v1/live/articles/{slug}")
	@Operation(summary = "An article's newly published comments, as Server-Sent Events",
			description = "A text/event-stream: each comment published on the article (posted and published, or "
					+ "approved by a moderator, on any node) is an event named comment whose id is its place in the "
					+ "live feed and whose data is JSON {comment, parent, article}. Send Last-Event-ID (browsers do on "
					+ "reconnecting) or after=<id> (a page's data-live-after) to get first what came after that id, at "
					+ "most 500. Idle streams get a comment line every gazette.live.heartbeat; the server ends a stream "
					+ "after gazette.live.stream-timeout and the browser reconnects. 503 (problem JSON, Retry-After) "
					+ "when the node holds gazette.live.max-connections streams: poll the changes address instead.")
	@ApiResponse(responseCode = "200", description = "The stream")
	@ApiResponse(responseCode = "400", description = "after or Last-Event-ID is not a whole number of 0 or more")
	@ApiResponse(responseCode = "503", description = "Too many streams on this node: poll .../changes")
	ResponseEntity<?> article(@PathVariable String slug,
			@Parameter(description = "Events after this id") @RequestParam(required = false) String after,
			@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
		Optional<ResponseEntity<?>> bad = badSlug(slug);
		if (bad.isPresent()) {
			return bad.get();
		}
		return stream(slug, lastEventId != null ? lastEventId : after, "/api/v1/live/articles/" + slug + "/changes",
				from -> changes.publishedAfter(slug, from, MAX_MISSED));
	}

	@GetMapping("/api/v1/live/articles/{slug}/changes")
	@Operation(summary = "An article's comments published after a feed id (polling, for when a stream is refused)",
			description = "JSON {last, changes: [{id, comment, parent, article}], pollAfterSeconds}: send last as "
					+ "after next time. At most 500 changes per answer.")
	@ApiResponse(responseCode = "400", description = "after is not a whole number of 0 or more")
	ResponseEntity<?> articleChanges(@PathVariable String slug, @RequestParam(defaultValue = "0") String after) {
		Optional<ResponseEntity<?>> bad = badSlug(slug);
		if (bad.isPresent()) {
			return bad.get();
		}
		return poll(after, from -> changes.publishedAfter(slug, from, MAX_MISSED));
	}

	@GetMapping("/admin/moderation/live")
	@PreAuthorize("hasAnyRole('MODERATOR', 'ADMIN')")
	ResponseEntity<?> moderation(@RequestParam(required = false) String after,
			@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
		return stream(null, lastEventId != null ? lastEventId : after, "/admin/moderation/live/changes",
				from -> changes.pendingAfter(from, MAX_MISSED));
	}

	@GetMapping("/admin/moderation/live/changes")
	@PreAuthorize("hasAnyRole('MODERATOR', 'ADMIN')")
	ResponseEntity<?> moderationChanges(@RequestParam(defaultValue = "0") String after) {
		return poll(after, from -> changes.pendingAfter(from, MAX_MISSED));
	}

	private ResponseEntity<?> stream(String slug, String from, String pollPath, Missed missed) {
		Long after = null;
		if (from != null) {
			Optional<Long> parsed = feedId(from);
			if (parsed.isEmpty()) {
				return badFeedId();
			}
			after = parsed.get();
		}
		Optional<LiveStream> opened = hub.open(slug);
		if (opened.isEmpty()) {
			ProblemDetail full = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
					"This server holds as many live connections as it may. Poll " + pollPath + " instead.");
			full.setProperty("poll", pollPath);
			full.setProperty("pollAfterSeconds", properties.clientPollInterval().toSeconds());
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header(HttpHeaders.RETRY_AFTER, Long.toString(properties.clientPollInterval().toSeconds()))
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(full);
		}
		LiveStream stream = opened.get();
		if (after != null) {
			hub.replay(stream, missed.after(after));
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.header("X-Accel-Buffering", "no")
			.contentType(MediaType.TEXT_EVENT_STREAM)
			.body(stream.emitter());
	}

	private ResponseEntity<?> poll(String from, Missed missed) {
		Optional<Long> after = feedId(from);
		if (after.isEmpty()) {
			return badFeedId();
		}
		List<LiveChange> rows = missed.after(after.get());
		long last = rows.isEmpty() ? after.get() : rows.get(rows.size() - 1).id();
		List<PolledChange> polled = rows.stream()
			.map(row -> new PolledChange(row.id(), row.commentId(), row.parentId(), row.articleSlug()))
			.toList();
		return ResponseEntity.ok()
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(new Polled(last, polled, properties.clientPollInterval().toSeconds()));
	}

	private static Optional<Long> feedId(String text) {
		if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
			return Optional.empty();
		}
		return Optional.of(Long.parseLong(text));
	}

	private static ResponseEntity<?> badFeedId() {
		return problem(HttpStatus.BAD_REQUEST,
				"after and Last-Event-ID must be a feed id: a whole number of 0 or more, as the events carry.");
	}

	private static Optional<ResponseEntity<?>> badSlug(String slug) {
		if (slug.isBlank() || slug.length() > MAX_SLUG) {
			return Optional.of(problem(HttpStatus.BAD_REQUEST, "That is not an article's address."));
		}
		return Optional.empty();
	}

	private static ResponseEntity<?> problem(HttpStatus status, String detail) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ProblemDetail.forStatusAndDetail(status, detail));
	}

	@FunctionalInterface
	private interface Missed {

		List<LiveChange> after(long id);
	}

	/** A polling answer: the changes after the id asked for, and the id to ask after next. */
	record Polled(long last, List<PolledChange> changes, long pollAfterSeconds) {
	}

	/** One change: its feed id, the comment, the one it replies to ({@code null} for a thread) and the article. */
	record PolledChange(long id, long comment, Long parent, String article) {
	}
}
