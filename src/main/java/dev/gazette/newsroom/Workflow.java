package dev.gazette.newsroom;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
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
import dev.gazette.article.MarkdownNesting;
import dev.gazette.article.Slugs;
import dev.gazette.article.WebAddresses;
import dev.gazette.media.MediaLibrary;
import dev.gazette.publication.Publications;
import dev.gazette.article.ArticleKind;
import dev.gazette.article.Section;
import dev.gazette.newsroom.internal.Autosaves;
import dev.gazette.newsroom.internal.Notes;
import dev.gazette.newsroom.internal.Revisions;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The newsroom's one door: every change to a piece goes through here, and here alone decides who may make it
 * ({@link Action}). A refused request throws {@link NewsroomException} before anything is written (and each method is
 * one transaction, so nothing half-done stays either).
 */
@Service
public class Workflow {

	public static final int HEADLINE_MAX = 300;

	static final int BODY_MAX = 200_000;

	static final int NOTE_MAX = 4_000;

	public static final int SEO_TITLE_MAX = 300;

	public static final int SEO_DESCRIPTION_MAX = 500;

	private final Manuscripts manuscripts;

	private final ArticleCatalog catalog;

	private final Revisions revisions;

	private final Notes notes;

	private final Publications publications;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Autosaves autosaves;

	private final MediaLibrary media;

	private final Contributors contributors;

	Workflow(Manuscripts manuscripts, ArticleCatalog catalog, Revisions revisions, Notes notes,
			Publications publications, Clock clock, Autosaves autosaves, MediaLibrary media, Contributors contributors,
			ApplicationEventPublisher events) {
		this.events = events;
		this.contributors = contributors;
		this.autosaves = autosaves;
		this.media = media;
		this.manuscripts = manuscripts;
		this.catalog = catalog;
		this.revisions = revisions;
		this.notes = notes;
		this.publications = publications;
		this.clock = clock;
	}

	/** Starts a draft owned by {@code who}; its first revision. */
	@Transactional
	public Manuscript start(ArticlePatch patch, AccountPrincipal who) {
		permit(Action.START, who, null);
		ArticleCopy copy = patch.applyTo(null);
		if (patch.slugFromHeadline(true)) {
			copy = copy.withSlug(freeSlug(copy.slug(), null));
		}
		validate(copy, null);
		bylines(copy, List.of(), who);
		long id = manuscripts.startDraft(copy, who.id());
		Manuscript started = manuscripts.find(id).orElseThrow();
		record(started, who, "started");
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
			copy = copy.withSlug(freeSlug(copy.slug(), id));
		}
		validate(copy, id);
		bylines(copy, piece.copy().authorSlugs(), who);
		if (copy.equals(piece.copy())) {
			return piece;
		}
		return save(piece, copy, who, "edited");
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
		if (markdown != null && markdown.length() > BODY_MAX) {
			throw NewsroomException.badInput("bodyMarkdown", "The body is at most 200,000 characters; this one has "
					+ markdown.length() + ".");
		}
		if (catalog.nestsTooDeep(markdown)) {
			throw NewsroomException.badInput("bodyMarkdown", MarkdownNesting.PROBLEM);
		}
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
		if (text.length() > BODY_MAX) {
			throw NewsroomException.badInput("bodyMarkdown", "The body is at most 200,000 characters; this one has "
					+ text.length() + ".");
		}
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
		Instant when = instant(at);
		if (!when.isAfter(clock.instant())) {
			throw NewsroomException.badInput("at", "The time " + at + " has passed; schedule a piece for the future.");
		}
		return move(id, Action.SCHEDULE, who, when);
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
		return RevisionDiff.between(revision(id, from), revision(id, to));
	}

	/** Brings back an old revision's fields and body, as a new revision. */
	@Transactional
	public Manuscript restore(long id, int number, AccountPrincipal who) {
		Manuscript piece = piece(id);
		permit(Action.EDIT, who, piece);
		Revision old = revision(id, number);
		ArticleCopy copy = old.fields().withBody(old.bodyMarkdown());
		validate(copy, id);
		bylines(copy, piece.copy().authorSlugs(), who);
		return save(piece, copy, who, "restored revision " + number);
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
			readyForReaders(piece);
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

	private void readyForReaders(Manuscript piece) {
		if (piece.copy().authorSlugs().isEmpty()) {
			throw NewsroomException.conflict("authors", "A piece needs at least one author in its byline before readers see it.");
		}
		if (piece.copy().bodyMarkdown().isBlank()) {
			throw NewsroomException.conflict("bodyMarkdown", "A piece needs a body before readers see it.");
		}
		for (Long image : catalog.bodyMediaIdsWithoutAlt(piece.copy().bodyMarkdown())) {
			if (media.find(image).map(item -> item.alt() == null).orElse(true)) {
				throw NewsroomException.conflict("bodyMarkdown", "Image " + image + " in the body needs alt text before "
						+ "readers see it: write it in the body (![What it shows](media:" + image + ")) or add it in the "
						+ "media library.");
			}
		}
		if (piece.copy().leadImageId() != null) {
			media.missingForPublication(piece.copy().leadImageId()).ifPresent(missing -> {
				throw NewsroomException.conflict("leadImage", missing);
			});
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

	private void validate(ArticleCopy copy, Long id) {
		if (copy.headline() == null || copy.headline().isBlank()) {
			throw NewsroomException.badInput("headline", "A headline is required.");
		}
		if (copy.headline().length() > HEADLINE_MAX) {
			throw NewsroomException.badInput("headline", "A headline is at most 300 characters.");
		}
		String slug = copy.slug();
		if (slug == null || slug.isEmpty() || slug.length() > 200 || !Slugs.of(slug).equals(slug)) {
			throw NewsroomException.badInput("slug", "A slug is 1 to 200 lower-case letters and digits joined by "
					+ "single hyphens, like ‘river-commission-to-reopen’.");
		}
		manuscripts.holderOfSlug(slug).filter(holder -> !holder.equals(id)).ifPresent(holder -> {
			throw NewsroomException.conflict("slug", "Another article already has the slug ‘" + slug + "’.");
		});
		atMost("standfirst", copy.standfirst(), 1_000);
		if (copy.bodyMarkdown().length() > BODY_MAX) {
			throw NewsroomException.badInput("bodyMarkdown", "The body is at most 200,000 characters; this one has "
					+ copy.bodyMarkdown().length() + ".");
		}
		if (catalog.nestsTooDeep(copy.bodyMarkdown())) {
			throw NewsroomException.badInput("bodyMarkdown", MarkdownNesting.PROBLEM);
		}
		if (copy.sectionSlug() != null && catalog.section(copy.sectionSlug()).isEmpty()) {
			throw NewsroomException.badInput("section", "There is no section ‘" + copy.sectionSlug() + "’.");
		}
		// The kind says what a piece is, and the Opinion section lists opinion by its kind: a news piece filed there
		// would be on no page of that section.
		if (copy.sectionSlug() != null && copy.kind() != ArticleKind.OPINION
				&& catalog.section(copy.sectionSlug()).filter(Section::listsOpinion).isPresent()) {
			throw NewsroomException.badInput("kind", "A piece in the Opinion section is an opinion piece: choose the "
					+ "kind Opinion, or another section.");
		}
		for (String author : copy.authorSlugs()) {
			if (catalog.author(author).isEmpty()) {
				throw NewsroomException.badInput("authors", "There is no author ‘" + author + "’.");
			}
		}
		for (String tag : copy.tags()) {
			if (tag.length() > 120 || Slugs.of(tag).isEmpty()) {
				throw NewsroomException.badInput("tags", "A tag is up to 120 characters with at least one letter or digit.");
			}
		}
		if (copy.source() != null) {
			atMost("source", copy.source().name(), 200);
			webAddress("source", copy.source().url());
		}
		webAddress("canonicalUrl", copy.canonicalUrl());
		for (Long image : catalog.bodyMediaIds(copy.bodyMarkdown())) {
			if (media.find(image).isEmpty()) {
				throw NewsroomException.badInput("bodyMarkdown", "The body shows image " + image + " (media:" + image
						+ "), which is not in the media library: pick it again from the library.");
			}
		}
		if (copy.leadImageId() != null && media.find(copy.leadImageId()).isEmpty()) {
			throw NewsroomException.badInput("leadImage", "There is no image " + copy.leadImageId()
					+ " in the media library.");
		}
		atMost("seoTitle", copy.seoTitle(), SEO_TITLE_MAX);
		atMost("seoDescription", copy.seoDescription(), SEO_DESCRIPTION_MAX);
	}

	private static void atMost(String field, String value, int max) {
		if (value != null && value.length() > max) {
			throw NewsroomException.badInput(field, field + " is at most " + max + " characters.");
		}
	}

	private static void webAddress(String field, String url) {
		if (url != null && !WebAddresses.isWebAddress(url, 1_000)) {
			throw NewsroomException.badInput(field, field + " must be an http or https address of up to 1,000 characters.");
		}
	}

	// --- helpers ---

	private Manuscript save(Manuscript piece, ArticleCopy copy, AccountPrincipal who, String summary) {
		if (!revisions.any(piece.id())) {
			Instant then = piece.updatedAt() != null ? piece.updatedAt()
					: piece.publishedAt() != null ? piece.publishedAt() : clock.instant();
			revisions.add(piece.id(), null, null, then, "as it was before the newsroom", RevisionFields.of(piece.copy()),
					piece.copy().bodyMarkdown());
		}
		Manuscript saved = manuscripts.revise(piece.id(), piece.version(), copy);
		record(saved, who, summary);
		return saved;
	}

	private void record(Manuscript piece, AccountPrincipal who, String summary) {
		revisions.add(piece.id(), who.id(), who.displayName(), clock.instant(), summary, RevisionFields.of(piece.copy()),
				piece.copy().bodyMarkdown());
	}

	private Manuscript piece(long id) {
		return manuscripts.find(id).orElseThrow(() -> NewsroomException.notFound("There is no piece " + id + "."));
	}

	private Revision revision(long id, int number) {
		return revisions.find(id, number)
			.orElseThrow(() -> NewsroomException.notFound("Piece " + id + " has no revision " + number + "."));
	}

	/** A slug made from the headline that no other article has: {@code slug}, {@code slug-2}, {@code slug-3}, … */
	private String freeSlug(String generated, Long id) {
		String base = generated == null || generated.isEmpty() ? "article" : generated;
		base = base.length() > 190 ? base.substring(0, 190).replaceAll("-+$", "") : base;
		String candidate = base;
		for (int n = 2; manuscripts.holderOfSlug(candidate).filter(holder -> !holder.equals(id)).isPresent(); n++) {
			candidate = base + "-" + n;
		}
		return candidate;
	}

	private Instant instant(String at) {
		if (at == null || at.isBlank()) {
			throw NewsroomException.badInput("at", "Say when: an ISO-8601 time such as 2018-07-23T09:00 (the "
					+ "publication's time zone) or 2018-07-23T06:00:00Z.");
		}
		try {
			return OffsetDateTime.parse(at.strip()).toInstant();
		}
		catch (DateTimeParseException notWithAnOffset) {
			try {
				return LocalDateTime.parse(at.strip()).atZone(publications.current().timeZone()).toInstant();
			}
			catch (DateTimeParseException ex) {
				throw NewsroomException.badInput("at", "‘" + at + "’ is not a time: use 2018-07-23T09:00 (the "
						+ "publication's time zone) or 2018-07-23T06:00:00Z.");
			}
		}
	}
}
