package dev.gazette.newsroom.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.gazette.account.AccountPrincipal;
import dev.gazette.article.ArticleState;
import dev.gazette.article.Manuscript;
import dev.gazette.article.ManuscriptList;
import dev.gazette.search.NewsroomSearch;
import dev.gazette.publication.Publications;
import dev.gazette.publication.Timestamps;
import dev.gazette.newsroom.Autosave;
import dev.gazette.newsroom.NewsroomException;
import dev.gazette.newsroom.Revision;
import dev.gazette.newsroom.Workflow;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The article editor for people: {@code /admin/articles} (the pieces one may see), {@code /admin/articles/new} and
 * {@code /admin/articles/{id}} (one form with every field, the preview, the workflow's buttons and the editors' notes),
 * and the unsaved form kept aside. Every change goes through {@link Workflow}; a refused one shows the form again with
 * the writer's text and the reason, and changes nothing. The editor's scripts talk to {@link EditorScripts}; the page's
 * view is built by {@link EditorViews}.
 * <p>
 * Longer than most controllers because its endpoints share one way of answering a refusal (which refusals leave the
 * form for the error page, the status, the form again with the writer's text) and one {@link NewsroomErrorPages}
 * advice, which is bound to this class: kept together, every answer of the editor is read in one file.
 */
@Controller
public class ArticlePages {

	static final int PAGE_SIZE = 20;

	private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

	private final Workflow workflow;

	private final Publications publications;

	private final Clock clock;

	private final NewsroomSearch search;

	private final Previews previews;

	private final EditorViews editorViews;

	public ArticlePages(Workflow workflow, Publications publications, Clock clock, NewsroomSearch search,
			Previews previews, EditorViews editorViews) {
		this.previews = previews;
		this.workflow = workflow;
		this.search = search;
		this.publications = publications;
		this.clock = clock;
		this.editorViews = editorViews;
	}

	// --- the list ---

	@GetMapping("/admin/articles")
	public String list(@RequestParam(defaultValue = "") String state, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "") String q, @AuthenticationPrincipal AccountPrincipal who,
			HttpServletResponse response, Model model) {
		noStore(response);
		ArticleState shown = state(state);
		String words = q.strip();
		// The engine says which pieces match; the workflow still decides which of them this person may see.
		List<Long> among = words.isEmpty() ? null : search.matching(words);
		List<ListView.Tab> tabs = new ArrayList<>();
		tabs.add(new ListView.Tab("", "All", workflow.pieces(null, among, 1, 1, who).total(), shown == null, words));
		for (ArticleState each : ArticleState.values()) {
			tabs.add(new ListView.Tab(each.key(), label(each), workflow.pieces(each, among, 1, 1, who).total(),
					each == shown, words));
		}
		ManuscriptList list = workflow.pieces(shown, among, page, PAGE_SIZE, who);
		ZoneId zone = zone();
		List<ListView.Line> lines = list.items().stream().map(piece -> new ListView.Line(piece.id(), piece.headline(),
				piece.state().key(), label(piece.state()), piece.publishedAt() != null ? time(piece.publishedAt(), zone)
						: piece.createdAt() != null ? time(piece.createdAt(), zone) : ""))
			.toList();
		model.addAttribute("list", new ListView(shown == null ? "" : shown.key(), tabs, lines, list.page(),
				(long) list.page() * list.size() < list.total(), words));
		return "newsroom/list";
	}

	// --- the editor ---

	@GetMapping("/admin/articles/new")
	public String blank(@AuthenticationPrincipal AccountPrincipal who, HttpServletResponse response, Model model) {
		if (!workflow.writes(who)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		noStore(response);
		return editor(model, null, EditorForm.blank(), Map.of(), null, null, null, who);
	}

	@PostMapping("/admin/articles")
	public String start(@RequestParam MultiValueMap<String, String> posted, @AuthenticationPrincipal AccountPrincipal who,
			HttpServletResponse response, Model model) {
		noStore(response);
		EditorForm form = EditorForm.from(posted);
		if (previewOnly(posted)) {
			return editor(model, null, form, Map.of(), null, null, null, who);
		}
		try {
			Manuscript started = workflow.start(form.patch(), who);
			return "redirect:/admin/articles/" + started.id() + "?saved";
		}
		catch (NewsroomException ex) {
			forbiddenOrMissing(ex);
			response.setStatus(refusedFormStatus(ex));
			return editor(model, null, form, errors(ex), null, null, null, who);
		}
		catch (DuplicateKeyException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return editor(model, null, form, Map.of("slug", "Another article took this slug at the same moment."), null,
					null, null, who);
		}
	}

	@GetMapping("/admin/articles/{id}")
	public String piece(@PathVariable long id, @RequestParam(required = false) String saved,
			@RequestParam(required = false) String done, @RequestParam(required = false) String restore,
			@AuthenticationPrincipal AccountPrincipal who, HttpServletResponse response, Model model) {
		noStore(response);
		Manuscript piece = read(id, who);
		Optional<Autosave> autosave = workflow.autosaveOf(id, who);
		if (restore != null && autosave.isPresent()) {
			return editor(model, piece, EditorForm.from(autosave.get()), Map.of(), null,
					"Your unsaved changes from " + clockTime(autosave.get().savedAt()) + " are back in the form; save to keep them.",
					null, who);
		}
		String notice = saved != null ? "Saved at " + clockTime(clock.instant()) + "."
				: done != null ? doneNotice(done, piece) : null;
		String offer = autosave.map(kept -> clockTime(kept.savedAt())).orElse(null);
		return editor(model, piece, EditorForm.of(piece.copy(), piece.version()), Map.of(), null, notice, offer, who);
	}

	@PostMapping("/admin/articles/{id}")
	public String save(@PathVariable long id, @RequestParam MultiValueMap<String, String> posted,
			@AuthenticationPrincipal AccountPrincipal who, HttpServletResponse response, Model model) {
		noStore(response);
		Manuscript piece = read(id, who);
		EditorForm form = EditorForm.from(posted);
		if (previewOnly(posted)) {
			return editor(model, piece, form, Map.of(), null, null, null, who);
		}
		try {
			workflow.edit(id, form.readVersion(), form.patch(), who);
			return "redirect:/admin/articles/" + id + "?saved";
		}
		catch (NewsroomException ex) {
			forbiddenOrMissing(ex);
			if ("version".equals(ex.field())) {
				return stale(response, model, read(id, who), form, ex.getMessage(), who);
			}
			response.setStatus(refusedFormStatus(ex));
			return editor(model, piece, form, errors(ex), null, null, null, who);
		}
		catch (OptimisticLockingFailureException ex) {
			return stale(response, model, read(id, who), form, "Someone else saved this piece while you were editing "
					+ "it. Your text is below, not saved: compare it with the current version, then save again.", who);
		}
		catch (DuplicateKeyException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return editor(model, piece, form, Map.of("slug", "Another article took this slug at the same moment."), null,
					null, null, who);
		}
	}

	/**
	 * The whole article as readers will see it, on a page of its own (the editor's "Preview in a new tab"), from the
	 * form as posted: nothing is saved.
	 */
	@PostMapping("/admin/articles/preview/page")
	public String previewPage(@RequestParam MultiValueMap<String, String> posted, @RequestParam(required = false) Long piece,
			@AuthenticationPrincipal AccountPrincipal who, HttpServletResponse response, Model model) {
		if (!workflow.writes(who)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		noStore(response);
		EditorForm form = EditorForm.from(posted);
		model.addAttribute("story", previews.lenient(form, piece == null ? null : read(piece, who), who));
		return "newsroom/preview-page";
	}

	// --- the workflow's moves ---

	@PostMapping("/admin/articles/{id}/{move:submit|review|publish|unpublish|draft}")
	public String move(@PathVariable long id, @PathVariable String move, @AuthenticationPrincipal AccountPrincipal who,
			HttpServletResponse response, Model model) {
		return moved(id, move, who, response, model, () -> switch (move) {
			case "submit" -> workflow.submit(id, who);
			case "review" -> workflow.review(id, who);
			case "publish" -> workflow.publish(id, who);
			case "unpublish" -> workflow.unpublish(id, who);
			default -> workflow.returnToDraft(id, who);
		});
	}

	@PostMapping("/admin/articles/{id}/schedule")
	public String schedule(@PathVariable long id, @RequestParam(defaultValue = "") String at,
			@AuthenticationPrincipal AccountPrincipal who, HttpServletResponse response, Model model) {
		return moved(id, "schedule", who, response, model, () -> workflow.schedule(id, at, who));
	}

	@PostMapping("/admin/articles/{id}/notes")
	public String note(@PathVariable long id, @RequestParam(defaultValue = "") String body,
			@AuthenticationPrincipal AccountPrincipal who, HttpServletResponse response, Model model) {
		try {
			workflow.addNote(id, body, who);
			return "redirect:/admin/articles/" + id + "?done=note#notes";
		}
		catch (NewsroomException ex) {
			forbiddenOrMissing(ex);
			noStore(response);
			response.setStatus(refusedFormStatus(ex));
			Manuscript piece = read(id, who);
			return editor(model, piece, EditorForm.of(piece.copy(), piece.version()), Map.of("note", ex.getMessage()), null,
					null, null, who);
		}
	}

	// --- the unsaved form ---

	@PostMapping("/admin/articles/{id}/autosave/discard")
	public String discard(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal who) {
		workflow.discardAutosave(id, who);
		return "redirect:/admin/articles/" + id;
	}

	// --- helpers ---

	private String moved(long id, String move, AccountPrincipal who, HttpServletResponse response, Model model,
			java.util.function.Supplier<Manuscript> change) {
		try {
			change.get();
			return "redirect:/admin/articles/" + id + "?done=" + move;
		}
		catch (NewsroomException ex) {
			forbiddenOrMissing(ex);
			noStore(response);
			response.setStatus(ex.kind().status().value());
			Manuscript piece = read(id, who);
			Map<String, String> errors = "at".equals(ex.field()) ? Map.of("at", ex.getMessage()) : Map.of();
			return editor(model, piece, EditorForm.of(piece.copy(), piece.version()), errors,
					errors.isEmpty() ? ex.getMessage() : null, null, null, who);
		}
		catch (OptimisticLockingFailureException ex) {
			noStore(response);
			response.setStatus(409);
			Manuscript piece = read(id, who);
			return editor(model, piece, EditorForm.of(piece.copy(), piece.version()), Map.of(),
					"The piece changed in the meantime; here it is as it is now.", null, null, who);
		}
	}

	private String stale(HttpServletResponse response, Model model, Manuscript current, EditorForm theirs,
			String message, AccountPrincipal who) {
		response.setStatus(HttpStatus.CONFLICT.value());
		// Their text stays in the form, at the version they have now seen, so saving again is a deliberate overwrite.
		EditorForm form = new EditorForm(theirs.headline(), theirs.standfirst(), theirs.slug(), theirs.kind(),
				theirs.section(), theirs.tags(), theirs.authors(), theirs.bodyMarkdown(), theirs.sourceName(),
				theirs.sourceUrl(), theirs.canonicalUrl(), theirs.leadImage(), theirs.seoTitle(), theirs.seoDescription(),
				Long.toString(current.version()));
		return editor(model, current, form, Map.of(), message, null, null, who);
	}

	private String editor(Model model, Manuscript piece, EditorForm form, Map<String, String> errors, String problem,
			String notice, String autosaveOffer, AccountPrincipal who) {
		model.addAttribute("editor", editorViews.of(piece, form, errors, problem, notice, autosaveOffer, who));
		return "newsroom/editor";
	}

	private Manuscript read(long id, AccountPrincipal who) {
		return workflow.piece(id, who);
	}

	/**
	 * A refusal that is not about the form (the writer may not touch the piece, or it is gone) leaves the form for
	 * the error page; one about a field (a contributor's byline that is not theirs) stays on the form, as a 403, ({@link NewsroomErrorPages}).
	 */
	private static void forbiddenOrMissing(NewsroomException ex) {
		if (ex.kind() == NewsroomException.Kind.FORBIDDEN && ex.field() == null
				|| ex.kind() == NewsroomException.Kind.NOT_FOUND) {
			throw ex;
		}
	}

	/**
	 * The status of a form shown again with its refusal: 400 whatever the refusal's kind (a slug another piece has
	 * is a conflict, but the writer fixes it in the form), save a field this person may not fill (403). A move has no
	 * form to fix and answers its kind's own status ({@link NewsroomException.Kind#status()}), as the error pages do.
	 */
	private static int refusedFormStatus(NewsroomException ex) {
		return ex.kind() == NewsroomException.Kind.FORBIDDEN ? HttpStatus.FORBIDDEN.value()
				: HttpStatus.BAD_REQUEST.value();
	}

	private static Map<String, String> errors(NewsroomException ex) {
		String field = ex.field() == null ? "form" : ex.field();
		return Map.of(switch (field) {
			case "source" -> "sourceName";
			default -> field;
		}, ex.getMessage());
	}

	private static boolean previewOnly(MultiValueMap<String, String> posted) {
		return "preview".equals(posted.getFirst("intent"));
	}

	private String doneNotice(String done, Manuscript piece) {
		return switch (done) {
			case "submit" -> "Submitted for review.";
			case "review" -> "Taken into review.";
			case "publish" -> "Published.";
			case "schedule" -> "Scheduled for " + time(piece.publishedAt(), zone()) + ".";
			case "unpublish" -> "Unpublished: readers no longer see it.";
			case "draft" -> "Back to draft.";
			case "note" -> "Note added.";
			case "restored" -> "Revision restored.";
			default -> null;
		};
	}

	public static String label(ArticleState state) {
		return switch (state) {
			case DRAFT -> "Draft";
			case SUBMITTED -> "Submitted";
			case IN_REVIEW -> "In review";
			case SCHEDULED -> "Scheduled";
			case PUBLISHED -> "Published";
			case UNPUBLISHED -> "Unpublished";
		};
	}

	private static ArticleState state(String key) {
		if (key.isBlank()) {
			return null;
		}
		try {
			return ArticleState.fromKey(key);
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
	}

	private ZoneId zone() {
		return publications.current().timeZone();
	}

	private String clockTime(Instant at) {
		return CLOCK_TIME.format(at.atZone(zone()));
	}

	public static String time(Instant instant, ZoneId zone) {
		return instant == null ? "" : Timestamps.articleTime(instant, zone);
	}

	public static void noStore(HttpServletResponse response) {
		response.setHeader("Cache-Control", "no-store");
	}
}
