package dev.gazette.newsroom;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.gazette.account.AccountPrincipal;
import dev.gazette.account.Role;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.article.ArticleCopy;
import dev.gazette.article.ArticleState;
import dev.gazette.article.Contributors;
import dev.gazette.article.Manuscript;
import dev.gazette.article.ManuscriptList;
import dev.gazette.article.ManuscriptSummary;
import dev.gazette.article.Manuscripts;
import dev.gazette.newsroom.internal.Autosaves;
import dev.gazette.newsroom.internal.CopyChecks;
import dev.gazette.newsroom.internal.Notes;
import dev.gazette.newsroom.internal.PieceSaves;
import dev.gazette.newsroom.internal.Revisions;
import dev.gazette.newsroom.internal.ScheduleTimes;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The newsroom's one door: every change to a piece goes through here, and here alone decides who may make it
 * ({@link Action}). A refused request throws {@link NewsroomException} before anything is written (and each method is
 * one transaction, so nothing half-done stays either).
 * <p>
 * What does not depend on who asks lives beside it in {@code internal}: what a piece's copy must be
 * ({@link CopyChecks}), when a schedule's time is ({@link ScheduleTimes}), a save and its revision
 * ({@link PieceSaves}). What stays is every entry point with its permission check, the moves through the workflow
 * and the notices they send, and the byline rule for contributors: it is a rule of who may do what, so it stays with
 * the others. The class is longer than most for that reason: splitting the door would put a permission check in
 * every piece of it, and a reader could no longer see every way into a piece in one file.
 */
@Service
public class Workflow {

	public static final int HEADLINE_MAX = 300;

	static final int NOTE_MAX = 4_000;

	public static final int SEO_TITLE_MAX = 300;

	public static final int SEO_DESCRIPTION_MAX = 500;

	private final Manuscripts manuscripts;

	private final ArticleCatalog catalog;

	private final Revisions revisions;

	private final Notes notes;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Autosaves autosaves;

	private final Contributors contributors;

	private final CopyChecks checks;

	private final ScheduleTimes times;

	private final PieceSaves saves;

	Workflow(Manuscripts manuscripts, ArticleCatalog catalog, Revisions revisions, Notes notes, Clock clock,
			Autosaves autosaves, Contributors contributors, CopyChecks checks, ScheduleTimes times, PieceSaves saves,
			ApplicationEventPublisher events) {
		this.events = events;
		this.contributors = contributors;
		this.autosaves = autosaves;
		this.manuscripts = manuscripts;
		this.catalog = catalog;
		this.revisions = revisions;
		this.notes = notes;
		this.clock = clock;
		this.checks = checks;
		this.times = times;
		this.saves = saves;
	}

	/** Starts a draft owned by {@code who}; its first revision. */
	@Transactional
	public Manuscript start(ArticlePatch patch, AccountPrincipal who) {
		permit(Action.START, who, null);
		ArticleCopy copy = patch.applyTo(null);
		if (patch.slugFromHeadline(true)) {
			copy = copy.withSlug(checks.freeSlug(copy.slug(), null));
		}
		checks.check(copy, null);
		bylines(copy, List.of(), who);
		long id = manuscripts.startDraft(copy, who.id());
		Manuscript started = manuscripts.find(id).orElseThrow();
		saves.record(started, who, "started");
		return started;
	}

	/**
	 * A page of pieces, newest first, optionally in one state: every piece for editors, one's own for writers.
	 */
	@Transactional(readOnly = true)
	public ManuscriptList pieces(ArticleState state, int page, int size, AccountPrincipal who) {
		return pieces(state, null, page, size, who);
	}

	/** The same among these pieces only (a search's matches; {@code null}: all): still only one's own for writers. */
	@Transactional(readOnly = true)
	public ManuscriptList pieces(ArticleState state, java.util.Collection<Long> among, int page, int size,
			AccountPrincipal who) {
		permit(Action.START, who, null);
		Long owner = who.has(Role.EDITOR) ? null : who.id();
		return manuscripts.list(state, owner, among, page, size);
	}

	/** A piece, to someone who may read it. */
	@Transactional(readOnly = true)
	public Manuscript piece(long id, AccountPrincipal who) {
		Manuscript piece = piece(id);
		permit(Action.READ, who, piece);
		return piece;
	}

	/** Changes the fields the patch names; a save that changes nothing keeps no revision. */
	@Transactional
	public Manuscript edit(long id, ArticlePatch patch, AccountPrincipal who) {
		Manuscript piece = piece(id);
		permit(Action.EDIT, who, piece);
		ArticleCopy copy = patch.applyTo(piece.copy());
		if (patch.slugFromHeadline(false)) {
			copy = copy.withSlug(checks.freeSlug(copy.slug(), id));
		}
		checks.check(copy, id);
		bylines(copy, piece.copy().authorSlugs(), who);
		if (copy.equals(piece.copy())) {
			return piece;
		}
		return saves.save(piece, copy, who, "edited");
	}

	/**
	 * Changes the fields the patch names if the piece is still at {@code version}, the version the writer's form was
	 * read at: a save over someone else's newer save is refused (a conflict on the field {@code version}), so neither
	 * is lost. A save clears the writer's autosave of the piece.
	 */
	@Transactional
	public Manuscript edit(long id, long version, ArticlePatch patch, AccountPrincipal who) {
		Manuscript piece = piece(id);
		permit(Action.EDIT, who, piece);
		if (piece.version() != version) {
			throw NewsroomException.conflict("version", "Someone else saved this piece while you were editing it. "
					+ "Your text is below, not saved: compare it with the current version, then save again.");
		}
		Manuscript saved = edit(id, patch, who);
		autosaves.discard(id, who.id());
		return saved;
	}

	/** What {@code who} may do with {@code piece} now: each action they are allowed that its state allows. */
	public PieceActions actions(Manuscript piece, AccountPrincipal who) {
		return new PieceActions(may(Action.EDIT, who, piece), may(Action.SUBMIT, who, piece),
				may(Action.REVIEW, who, piece), may(Action.PUBLISH, who, piece), may(Action.SCHEDULE, who, piece),
				may(Action.UNPUBLISH, who, piece), may(Action.RETURN_TO_DRAFT, who, piece), may(Action.NOTE, who, piece));
	}

	/** Whether {@code who} may write at all (start pieces). */
	public boolean writes(AccountPrincipal who) {
		return who != null && Action.START.allowedFor(who, null);
	}

	/**
	 * Pieces in a state, the longest waiting first (by when each entered it), at most {@code limit}: everyone's for
	 * editors, one's own for writers.
	 */
	@Transactional(readOnly = true)
	public List<ManuscriptSummary> waiting(ArticleState state, int limit, AccountPrincipal who) {
		permit(Action.START, who, null);
		return manuscripts.longestIn(state, who.has(Role.EDITOR) ? null : who.id(), limit);
	}

	/** A body's Markdown rendered as readers will see it, for the editor's preview. */
	public String preview(String markdown, AccountPrincipal who) {
		permit(Action.START, who, null);
		checks.body(markdown);
		return catalog.renderBody(markdown);
	}

	/**
	 * Keeps what a writer has typed and not saved, apart from the piece (readers never see it), replacing their
	 * previous autosave of it. Answers when it was kept.
	 */
	@Transactional
	public Instant autosave(long id, long version, Map<String, String> fields, String body, AccountPrincipal who) {
		Manuscript piece = piece(id);
		permit(Action.EDIT, who, piece);
		String text = body == null ? "" : body;
		checks.bodyLength(text);
		if (Autosaves.size(fields) > 19_000) {
			throw NewsroomException.badInput(null, "The fields other than the body are too long to keep.");
		}
		Instant now = clock.instant();
		autosaves.save(id, who.id(), version, fields, text, now);
		return now;
	}

	/** The writer's own unsaved text of a piece, if they left some. */
	@Transactional(readOnly = true)
	public Optional<Autosave> autosaveOf(long id, AccountPrincipal who) {
		permit(Action.READ, who, piece(id));
		return autosaves.find(id, who.id());
	}

	@Transactional
	public void discardAutosave(long id, AccountPrincipal who) {
		permit(Action.READ, who, piece(id));
		autosaves.discard(id, who.id());
	}

	@Transactional
	public Manuscript submit(long id, AccountPrincipal who) {
		return move(id, Action.SUBMIT, who, null);
	}

	@Transactional
	public Manuscript review(long id, AccountPrincipal who) {
		return move(id, Action.REVIEW, who, null);
	}

	@Transactional
	public Manuscript publish(long id, AccountPrincipal who) {
		return move(id, Action.PUBLISH, who, null);
	}

	@Transactional
	public Manuscript unpublish(long id, AccountPrincipal who) {
		return move(id, Action.UNPUBLISH, who, null);
	}

	@Transactional
	public Manuscript returnToDraft(long id, AccountPrincipal who) {
		return move(id, Action.RETURN_TO_DRAFT, who, null);
	}

	/**
	 * Schedules a piece to go live at {@code at}: an ISO-8601 instant with an offset ({@code 2018-07-23T06:00:00Z},
	 * {@code 2018-07-23T09:00+03:00}) or a local date-time ({@code 2018-07-23T09:00}) in the publication's time zone.
	 */
	@Transactional
	public Manuscript schedule(long id, String at, AccountPrincipal who) {
		Manuscript piece = piece(id);
		permit(Action.SCHEDULE, who, piece);
		return move(id, Action.SCHEDULE, who, times.future(at));
	}

	@Transactional
	public Note addNote(long id, String body, AccountPrincipal who) {
		Manuscript piece = piece(id);
		permit(Action.NOTE, who, piece);
		if (body == null || body.isBlank() || body.length() > NOTE_MAX) {
			throw NewsroomException.badInput("body", "A note is 1 to 4,000 characters.");
		}
		Note note = notes.add(id, who.id(), who.displayName(), body.strip(), clock.instant());
		events.publishEvent(new PieceNoticeDue(id, Notice.NOTE.key(), who.id(), who.displayName(), clock.instant()));
		return note;
	}

	@Transactional(readOnly = true)
	public List<Note> notes(long id, AccountPrincipal who) {
		permit(Action.READ, who, piece(id));
		return notes.of(id);
	}

	/** A piece's revisions, newest first. */
	@Transactional(readOnly = true)
	public List<Revision> revisions(long id, AccountPrincipal who) {
		permit(Action.READ, who, piece(id));
		return revisions.of(id);
	}

	@Transactional(readOnly = true)
	public RevisionDiff diff(long id, int from, int to, AccountPrincipal who) {
		permit(Action.READ, who, piece(id));
		return RevisionDiff.between(saves.revision(id, from), saves.revision(id, to));
	}

	/** Brings back an old revision's fields and body, as a new revision. */
	@Transactional
	public Manuscript restore(long id, int number, AccountPrincipal who) {
		Manuscript piece = piece(id);
		permit(Action.EDIT, who, piece);
		Revision old = saves.revision(id, number);
		ArticleCopy copy = old.fields().withBody(old.bodyMarkdown());
		checks.check(copy, id);
		bylines(copy, piece.copy().authorSlugs(), who);
		return saves.save(piece, copy, who, "restored revision " + number);
	}

	// --- the rules ---

	private Manuscript move(long id, Action action, AccountPrincipal who, Instant scheduledAt) {
		Manuscript piece = piece(id);
		permit(action, who, piece);
		if (!piece.canMoveTo(action.target())) {
			throw NewsroomException.conflict(null, "You cannot " + action.description() + ": it is "
					+ piece.state().key().replace('_', ' ') + ".");
		}
		if (action == Action.PUBLISH || action == Action.SCHEDULE) {
			checks.readyForReaders(piece);
		}
		Manuscript moved = manuscripts.moveTo(id, piece.version(), action.target(), scheduledAt);
		Notice notice = switch (action) {
			case SUBMIT -> Notice.SUBMITTED;
			case RETURN_TO_DRAFT -> Notice.RETURNED;
			case SCHEDULE -> Notice.SCHEDULED;
			case PUBLISH -> Notice.PUBLISHED;
			default -> null;
		};
		if (notice != null) {
			events.publishEvent(new PieceNoticeDue(id, notice.key(), who.id(), who.displayName(), clock.instant()));
		}
		return moved;
	}

	private static boolean may(Action action, AccountPrincipal who, Manuscript piece) {
		return action.allowedFor(who, piece) && (action.target() == null || action.startsFrom(piece.state()));
	}

	private static void permit(Action action, AccountPrincipal who, Manuscript piece) {
		if (!action.allowedFor(who, piece)) {
			throw NewsroomException.forbidden("Your account may not " + action.description() + ".");
		}
	}

	/**
	 * A contributor (who is not also an author or editor) may put only their own byline on a piece: every byline a
	 * change adds must be the author profile linked to their account. Bylines already on the piece (an editor put
	 * them there) may stay, move or go. Authors and editors byline anyone.
	 */
	private void bylines(ArticleCopy copy, List<String> before, AccountPrincipal who) {
		if (who.has(Role.EDITOR) || who.has(Role.AUTHOR)) {
			return;
		}
		List<String> added = copy.authorSlugs().stream().filter(slug -> !before.contains(slug)).toList();
		if (added.isEmpty()) {
			return;
		}
		String own = contributors.authorOfAccount(who.id()).map(profile -> profile.author().slug()).orElse(null);
		for (String slug : added) {
			if (!slug.equals(own)) {
				throw NewsroomException.forbidden("authors", own == null
						? "A contributor may put only their own byline on a piece, and your account has no author "
								+ "profile yet: leave the byline empty and an editor will add it."
						: "A contributor may put only their own byline on a piece: choose your own name, and an editor "
								+ "can add anyone else's.");
			}
		}
	}

	/** The byline a contributor may give their pieces (their own author profile), or {@code null} for someone else. */
	public String ownBylineOnly(AccountPrincipal who) {
		if (who == null || who.has(Role.EDITOR) || who.has(Role.AUTHOR)) {
			return null;
		}
		return contributors.authorOfAccount(who.id()).map(profile -> profile.author().slug()).orElse("");
	}

	// --- helpers ---

	private Manuscript piece(long id) {
		return manuscripts.find(id).orElseThrow(() -> NewsroomException.notFound("There is no piece " + id + "."));
	}
}
