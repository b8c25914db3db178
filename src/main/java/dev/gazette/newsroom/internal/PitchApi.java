package dev.gazette.newsroom.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.gazette.refusal.FieldProblem;
import dev.gazette.newsroom.Pitch;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/pitches}: anyone may send a pitch (throttled per client address, like the form); editors list them.
 */
@RestController
@RequestMapping("/api/v1/pitches")
@Tag(name = "Pitches")
public class PitchApi {

	private final Pitches pitches;

	public PitchApi(Pitches pitches) {
		this.pitches = pitches;
	}

	/** A pitch as sent: name, email and summary are required; sample (text) and sampleUrl are optional. */
	public record PitchRequest(String name, String email, String summary, String sample, String sampleUrl) {
	}

	/** A pitch as the API shows it. */
	public record PitchJson(long id, String name, String email, String summary, String sample, String sampleUrl, String status,
			Instant createdAt, Instant decidedAt, String decidedBy, String decisionMessage) {

		static PitchJson of(Pitch p) {
			return new PitchJson(p.id(), p.name(), p.email(), p.summary(), p.sample(), p.sampleUrl(), p.status(),
					p.createdAt(), p.decidedAt(), p.decidedByName(), p.decisionMessage());
		}
	}

	/** What the sender learns: that it was received. */
	public record ReceivedJson(long id, String status) {
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Send a pitch (anyone)", description = "Fields: name, email, summary (up to 2,000 characters), "
			+ "sample (optional text up to 20,000 characters), sampleUrl (optional http(s) address). 201; 400 problem JSON "
			+ "naming the fields at fault; 429 with Retry-After when the address sent too many (gazette.pitches.*).")
	public ResponseEntity<ReceivedJson> send(@RequestBody PitchRequest body, HttpServletRequest request) {
		Pitch pitch = pitches.submit(new Pitches.Submission(body.name(), body.email(), body.summary(), body.sample(),
				body.sampleUrl()), request.getRemoteAddr());
		return ResponseEntity.status(HttpStatus.CREATED).body(new ReceivedJson(pitch.id(), pitch.status()));
	}

	@GetMapping
	@PreAuthorize("hasAnyRole('EDITOR', 'ADMIN')")
	@Operation(summary = "Pitches, newest first (editors)", description = "status: open, invited or declined (all when "
			+ "absent); at most 200.")
	public List<PitchJson> list(@RequestParam(required = false) String status) {
		if (status != null && !status.isBlank() && !PitchPages.STATUSES.contains(status)) {
			String message = "status must be one of open, invited, declined.";
			throw new Pitches.Invalid(message, List.of(new FieldProblem("status", message)));
		}
		return pitches.list(status == null || status.isBlank() ? null : status, 200).stream().map(PitchJson::of).toList();
	}
}
