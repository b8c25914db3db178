package dev.gazette.newsroom.internal;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.gazette.account.AccountPrincipal;
import dev.gazette.article.ArticleState;
import dev.gazette.article.Manuscript;
import dev.gazette.article.ManuscriptList;
import dev.gazette.article.ManuscriptSummary;
import dev.gazette.article.Source;
import dev.gazette.newsroom.ArticlePatch;
import dev.gazette.newsroom.NewsroomException;
import dev.gazette.newsroom.Note;
import dev.gazette.newsroom.Revision;
import dev.gazette.newsroom.RevisionDiff;
import dev.gazette.newsroom.RevisionFields;
import dev.gazette.newsroom.Workflow;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The writing API, {@code /api/v1/newsroom/articles/{id}}: pieces by numeric id, in any state, apart from the reading
 * API's {@code /api/v1/articles/{slug}} (so a slug that looks like a number never meets a writing path). Every call
 * needs a personal access token; what each account may do is decided by {@link Workflow}.
 */
@RestController
@RequestMapping("/api/v1/newsroom/articles")
@PreAuthorize("isAuthenticated()")
@Tag(name = "Newsroom")
public class NewsroomApi {

	private final Workflow workflow;

	public NewsroomApi(Workflow workflow) {
		this.workflow = workflow;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Start a draft (contributors, authors, editors)", description = "Fields: headline (required), "
			+ "standfirst, slug (made from the headline when absent), kind (news|opinion), section (slug), tags (names), "
			+ "authors (slugs; a contributor may name only their own author profile, 403 on the field authors otherwise), "
			+ "bodyMarkdown (library images as ![alt](media:ID), each of which must exist), source {name, url}, "
			+ "canonicalUrl, leadImage (a media library id), seoTitle, seoDescription. 201 with Location.")
	public ResponseEntity<PieceJson> start(@RequestBody Map<String, Object> fields, @AuthenticationPrincipal AccountPrincipal who) {
		Manuscript piece = workflow.start(ArticlePatch.of(fields), who);
		return ResponseEntity.created(URI.create("/api/v1/newsroom/articles/" + piece.id()))
			.body(PieceJson.of(piece, List.of()));
	}

	@GetMapping
	@Operation(summary = "Pieces, newest first: everyone's for editors, one's own for writers", description = "state: "
			+ "draft, submitted, in_review, scheduled, published or unpublished (all when absent); page from 1, size 1 to 100.")
	public PieceListJson pieces(@RequestParam(required = false) String state, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "20") int size, @AuthenticationPrincipal AccountPrincipal who) {
		ManuscriptList list = workflow.pieces(state(state), page, size, who);
		return new PieceListJson(list.items().stream().map(SummaryJson::of).toList(), list.page(), list.size(),
				list.total());
	}

	@GetMapping("/{id}")
	@Operation(summary = "A piece in any state, with the editors' notes")
	public PieceJson piece(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal who) {
		return PieceJson.of(workflow.piece(id, who), workflow.notes(id, who));
	}

	@PatchMapping(path = "/{id}", consumes = { MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json" })
	@Operation(summary = "Change a piece's fields", description = "Only the fields sent change; null clears one (a null "
			+ "slug is made again from the headline). Every save that changes something keeps a revision.")
	public PieceJson edit(@PathVariable long id, @RequestBody Map<String, Object> fields,
			@AuthenticationPrincipal AccountPrincipal who) {
		return PieceJson.of(workflow.edit(id, ArticlePatch.of(fields), who), workflow.notes(id, who));
	}

	@PostMapping("/{id}/submit")
	@Operation(summary = "Submit a draft for review")
	public PieceJson submit(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal who) {
		return view(workflow.submit(id, who), who);
	}

	@PostMapping("/{id}/review")
	@Operation(summary = "Take a submitted piece into review (editors)")
	public PieceJson review(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal who) {
		return view(workflow.review(id, who), who);
	}

	@PostMapping("/{id}/publish")
	@Operation(summary = "Publish now (authors their own, editors any)")
	public PieceJson publish(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal who) {
		return view(workflow.publish(id, who), who);
	}

	@PostMapping("/{id}/unpublish")
	@Operation(summary = "Take a published piece off the site (editors)")
	public PieceJson unpublish(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal who) {
		return view(workflow.unpublish(id, who), who);
	}

	@PostMapping("/{id}/draft")
	@Operation(summary = "Send a piece back to draft", description = "Editors from any state but draft and published; "
			+ "writers withdraw their own submitted piece.")
	public PieceJson returnToDraft(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal who) {
		return view(workflow.returnToDraft(id, who), who);
	}

	@PostMapping(path = "/{id}/schedule", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Schedule a piece (editors)", description = "{\"at\": \"2018-07-23T09:00\"}: a local date-time "
			+ "in the publication's time zone, or an instant with an offset (2018-07-23T06:00:00Z); must be in the future.")
	public PieceJson schedule(@PathVariable long id, @RequestBody ScheduleRequest request,
			@AuthenticationPrincipal AccountPrincipal who) {
		return view(workflow.schedule(id, request.at(), who), who);
	}

	@PostMapping(path = "/{id}/notes", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Leave a note to the writer (editors)", description = "{\"body\": \"…\"}, 1 to 4,000 characters.")
	public ResponseEntity<NoteJson> note(@PathVariable long id, @RequestBody NoteRequest request,
			@AuthenticationPrincipal AccountPrincipal who) {
		return ResponseEntity.status(HttpStatus.CREATED).body(NoteJson.of(workflow.addNote(id, request.body(), who)));
	}

	@GetMapping("/{id}/revisions")
	@Operation(summary = "A piece's revisions, newest first", description = "Each with who saved it, when, what the save "
			+ "was, and its fields and body.")
	public List<RevisionJson> revisions(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal who) {
		return workflow.revisions(id, who).stream().map(RevisionJson::of).toList();
	}

	@GetMapping("/{id}/revisions/diff")
	@Operation(summary = "What changed from one revision to another", description = "The fields that differ, and the "
			+ "body line by line: a unified diff and a list of changes.")
	public RevisionDiff diff(@PathVariable long id, @RequestParam int from, @RequestParam int to,
			@AuthenticationPrincipal AccountPrincipal who) {
		return workflow.diff(id, from, to, who);
	}

	@PostMapping("/{id}/revisions/{number}/restore")
	@Operation(summary = "Bring back an old revision", description = "Its fields and body become the piece's, as a new "
			+ "revision.")
	public PieceJson restore(@PathVariable long id, @PathVariable int number, @AuthenticationPrincipal AccountPrincipal who) {
		return view(workflow.restore(id, number, who), who);
	}

	private PieceJson view(Manuscript piece, AccountPrincipal who) {
		return PieceJson.of(piece, workflow.notes(piece.id(), who));
	}

	private static ArticleState state(String key) {
		if (key == null || key.isBlank()) {
			return null;
		}
		try {
			return ArticleState.fromKey(key);
		}
		catch (IllegalArgumentException ex) {
			throw NewsroomException.badInput("state", "state is one of draft, submitted, in_review, scheduled, "
					+ "published, unpublished.");
		}
	}

	public record PieceListJson(List<SummaryJson> items, int page, int size, long total) {
	}

	public record SummaryJson(long id, String state, String slug, String headline, Long ownerId, Instant createdAt,
			Instant publishedAt, Instant updatedAt) {

		static SummaryJson of(ManuscriptSummary s) {
			return new SummaryJson(s.id(), s.state().key(), s.slug(), s.headline(), s.ownerId(), s.createdAt(),
					s.publishedAt(), s.updatedAt());
		}
	}

	public record ScheduleRequest(String at) {
	}

	public record NoteRequest(String body) {
	}

	public record PieceJson(long id, String state, String slug, String headline, String standfirst, String kind,
			String section, List<String> tags, List<String> authors, String bodyMarkdown, Source source,
			String canonicalUrl, Long leadImage, String seoTitle, String seoDescription, Long ownerId, Instant createdAt,
			Instant publishedAt, Instant updatedAt, long version, String readerPath, List<NoteJson> notes) {

		static PieceJson of(Manuscript m, List<Note> notes) {
			var c = m.copy();
			return new PieceJson(m.id(), m.state().key(), c.slug(), c.headline(), c.standfirst(), c.kind().key(),
					c.sectionSlug(), c.tags(), c.authorSlugs(), c.bodyMarkdown(), c.source(), c.canonicalUrl(),
					c.leadImageId(), c.seoTitle(), c.seoDescription(), m.ownerId(),
					m.createdAt(), m.publishedAt(), m.updatedAt(), m.version(),
					m.state() == ArticleState.PUBLISHED ? "/articles/" + c.slug() : null,
					notes.stream().map(NoteJson::of).toList());
		}
	}

	public record NoteJson(long id, Long byId, String by, Instant at, String body) {

		static NoteJson of(Note note) {
			return new NoteJson(note.id(), note.accountId(), note.accountName(), note.createdAt(), note.body());
		}
	}

	public record RevisionJson(int number, Long byId, String by, Instant at, String summary, RevisionFields fields,
			String bodyMarkdown) {

		static RevisionJson of(Revision r) {
			return new RevisionJson(r.number(), r.accountId(), r.accountName(), r.createdAt(), r.summary(), r.fields(),
					r.bodyMarkdown());
		}
	}
}
