package dev.gazette.newsroom.internal;

import java.util.List;
import java.util.Map;

import dev.gazette.media.MediaItem;
import dev.gazette.newsroom.PieceActions;

/**
 * The article editor page: the form as the writer sees it (their own text after a refused save), messages, what they
 * may do with the piece now, the preview, the editors' notes and the offer of an unsaved autosave. Times are already
 * written out in the publication's time zone. Public for the template.
 *
 * @param id the piece, or {@code null} for a new one
 * @param errors messages by form field
 * @param problem a message about the whole page (a stale save, a refused move), or {@code null}
 * @param notice what just happened ("Saved at 14:02."), or {@code null}
 * @param autosaveOffer when the writer's unsaved changes were kept, if they left some and this form is not them
 * @param scheduleValue the datetime-local value offered for scheduling
 * @param leadImageChoices the media library's images the lead image picker offers
 * @param preview the whole article as readers will see it, from the form as it stands
 * @param bodyImageChoices the library's newest images, to insert into the body
 */
public record EditorView(Long id, String state, EditorForm form, Map<String, String> errors, String problem,
		String notice, PieceActions actions, List<Option> sections, List<Option> authors, String previewHtml,
		int words, int minutes, List<NoteLine> notes, String autosaveOffer, String zone, String scheduleValue,
		String scheduledFor, String readerPath, int autosaveSeconds, int headlineMax, int seoTitleMax,
		int seoDescriptionMax, List<MediaItem> leadImageChoices, PreviewView preview, List<MediaItem> bodyImageChoices) {

	/** The media library page to upload from, which comes back here; {@code null} for a piece not saved yet. */
	public String uploadHref() {
		return id == null ? null : "/admin/media?returnTo=/admin/articles/" + id;
	}

	/** The line that shows a library image in the body. */
	public static String snippet(MediaItem item) {
		String alt = item.alt() == null ? "" : item.alt().replace("\\", "\\\\").replace("]", "\\]").replace("[", "\\[")
			.replaceAll("\\s+", " ");
		return "![" + alt + "](media:" + item.id() + ")";
	}

	public boolean isNew() {
		return id == null;
	}

	public String action() {
		return id == null ? "/admin/articles" : "/admin/articles/" + id;
	}

	public String error(String field) {
		return errors.get(field);
	}

	/** Whether a posted value is one of these choices (one that is not is still shown, so the writer's choice stays). */
	public static boolean offers(List<Option> options, String value) {
		return value.isEmpty() || options.stream().anyMatch(option -> option.value().equals(value));
	}

	/** The text shown as the search result's title: the SEO title, else the headline. */
	public String searchTitle() {
		return form.seoTitle().isBlank() ? form.headline() : form.seoTitle();
	}

	public String searchDescription() {
		return form.seoDescription().isBlank() ? form.standfirst() : form.seoDescription();
	}

	/** A choice in a select: its value and what it says. */
	public record Option(String value, String label) {
	}

	public record NoteLine(String by, String at, String body) {
	}
}
