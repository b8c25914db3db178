package dev.gazette.newsroom.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.gazette.account.AccountPrincipal;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.article.ArticleState;
import dev.gazette.article.Manuscript;
import dev.gazette.media.MediaItem;
import dev.gazette.media.MediaLibrary;
import dev.gazette.newsroom.Note;
import dev.gazette.newsroom.PieceActions;
import dev.gazette.newsroom.Workflow;
import dev.gazette.publication.Publications;

import org.springframework.stereotype.Component;

import static dev.gazette.newsroom.internal.ArticlePages.label;
import static dev.gazette.newsroom.internal.ArticlePages.time;

/**
 * The article editor's page as one {@link EditorView}: the form with its errors and notices, the buttons the viewer may
 * use ({@link Workflow#actions}), the notes, the sections and the bylines they may choose, the schedule's default, the
 * preview and the lead image picker. {@link ArticlePages} decides which form and which message to show; this builds
 * the rest, the same for every answer.
 */
@Component
public class EditorViews {

	/** How many of the library's newest images the lead image picker offers (besides the piece's own). */
	private static final int PICKER_SIZE = 24;

	private final Workflow workflow;

	private final ArticleCatalog catalog;

	private final Publications publications;

	private final NewsroomProperties properties;

	private final Clock clock;

	private final MediaLibrary media;

	private final Previews previews;

	EditorViews(Workflow workflow, ArticleCatalog catalog, Publications publications, NewsroomProperties properties,
			Clock clock, MediaLibrary media, Previews previews) {
		this.workflow = workflow;
		this.catalog = catalog;
		this.publications = publications;
		this.properties = properties;
		this.clock = clock;
		this.media = media;
		this.previews = previews;
	}

	/** The editor for {@code piece} ({@code null}: a new one) showing {@code form}. */
	public EditorView of(Manuscript piece, EditorForm form, Map<String, String> errors, String problem, String notice,
			String autosaveOffer, AccountPrincipal who) {
		ZoneId zone = publications.current().timeZone();
		Words words = Words.in(form.bodyMarkdown());
		PieceActions actions = piece == null ? new PieceActions(true, false, false, false, false, false, false, false)
				: workflow.actions(piece, who);
		List<EditorView.NoteLine> notes = piece == null ? List.of()
				: workflow.notes(piece.id(), who).stream()
					.sorted(java.util.Comparator.comparing(Note::createdAt).thenComparing(Note::id).reversed())
					.map(note -> new EditorView.NoteLine(note.accountName(), time(note.createdAt(), zone), note.body()))
					.toList();
		List<EditorView.Option> sections = catalog.sections().stream()
			.map(section -> new EditorView.Option(section.slug(), section.name()))
			.toList();
		// A contributor is offered only their own byline (and those already on the piece); the workflow enforces it.
		String own = workflow.ownBylineOnly(who);
		List<EditorView.Option> authors = catalog.authors().stream()
			.filter(author -> own == null || author.slug().equals(own) || form.authors().contains(author.slug())
					|| piece != null && piece.copy().authorSlugs().contains(author.slug()))
			.map(author -> new EditorView.Option(author.slug(), author.displayName()))
			.toList();
		Instant scheduleAt = piece != null && piece.state() == ArticleState.SCHEDULED ? piece.publishedAt()
				: clock.instant().plus(1, ChronoUnit.DAYS);
		String scheduleValue = LocalDateTime.ofInstant(scheduleAt, zone).truncatedTo(ChronoUnit.MINUTES).toString();
		String scheduledFor = piece != null && piece.state() == ArticleState.SCHEDULED ? time(piece.publishedAt(), zone)
				: null;
		PreviewView preview = previews.lenient(form, piece, who);
		String html = preview.bodyHtml();
		return new EditorView(piece == null ? null : piece.id(),
				piece == null ? "new" : label(piece.state()), form, errors, problem, notice, actions, sections, authors, html,
				words.count(), words.minutes(), notes, autosaveOffer, zone.getId() + " (" + zone.getDisplayName(TextStyle.FULL,
						Locale.ENGLISH) + ")", scheduleValue, scheduledFor,
				piece != null && piece.state() == ArticleState.PUBLISHED ? "/articles/" + piece.copy().slug() : null,
				(int) Math.max(1, properties.autosaveInterval().toSeconds()), Workflow.HEADLINE_MAX,
				Workflow.SEO_TITLE_MAX, Workflow.SEO_DESCRIPTION_MAX, leadImageChoices(form.leadImageValue()), preview,
				media.recent("", 1, PICKER_SIZE));
	}

	/** The library's newest images, with the piece's own lead image first when it is older than those. */
	private List<MediaItem> leadImageChoices(Long chosen) {
		List<MediaItem> newest = media.recent("", 1, PICKER_SIZE);
		if (chosen == null || newest.stream().anyMatch(item -> item.id() == chosen)) {
			return newest;
		}
		return media.find(chosen).map(item -> java.util.stream.Stream.concat(java.util.stream.Stream.of(item),
				newest.stream()).toList()).orElse(newest);
	}
}
