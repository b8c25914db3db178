package dev.gazette.newsroom.internal;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import dev.gazette.account.AccountPrincipal;
import dev.gazette.media.MediaItem;
import dev.gazette.media.MediaLibrary;
import dev.gazette.publication.Publications;
import dev.gazette.newsroom.NewsroomException;
import dev.gazette.newsroom.Workflow;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * What the article editor's scripts ask while a writer types: the live preview (of the whole article), autosave, and
 * the media library's images to insert into the body (listed, searched and uploaded without leaving the editor). JSON, apart from the
 * editor's pages ({@link ArticlePages}) because it answers a script, not a person; a refusal is problem JSON, as in
 * the API.
 */
@RestController
public class EditorScripts {

	private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

	private final Workflow workflow;

	private final Publications publications;

	private final Previews previews;

	private final MediaLibrary media;

	public EditorScripts(Workflow workflow, Publications publications, Previews previews, MediaLibrary media) {
		this.previews = previews;
		this.media = media;
		this.workflow = workflow;
		this.publications = publications;
	}

	/**
	 * The live preview: the body as readers will see it ({@code html}), its length, and the whole article as its page
	 * will show it ({@code page}: headline, standfirst, section, bylines, lead image and body) from the rest of the
	 * form, when sent. {@code piece} (optional) is the piece's id, for its dateline.
	 */
	@PostMapping("/admin/articles/preview")
	public ResponseEntity<Preview> preview(@RequestParam MultiValueMap<String, String> posted,
			@RequestParam(required = false) Long piece, @AuthenticationPrincipal AccountPrincipal who) {
		EditorForm form = EditorForm.from(posted);
		Words words = Words.in(form.bodyMarkdown());
		PreviewView view = previews.of(form, piece == null ? null : workflow.piece(piece, who), who);
		return json(new Preview(view.bodyHtml(), words.count(), words.minutes(), previews.html(view)));
	}

	/** The media library's images for the editor's picker, newest first; {@code q} searches as the library does. */
	@GetMapping("/admin/articles/media")
	public ResponseEntity<Images> images(@RequestParam(defaultValue = "") String q, @AuthenticationPrincipal AccountPrincipal who) {
		permitLibrary(who);
		String query = q.strip();
		return json(new Images(media.recent(query, 1, 24).stream().map(Image::of).toList(), media.count(query)));
	}

	/**
	 * An upload from inside the editor: the media library's own upload (the same checks, renditions and limits as
	 * {@code POST /api/v1/media}), for the signed-in writer's session. 201 with the image; refusals are problem JSON.
	 */
	@PostMapping(path = "/admin/articles/media", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	public ResponseEntity<Image> upload(@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(required = false) String alt, @RequestParam(required = false) String caption,
			@RequestParam(required = false) String credit, @AuthenticationPrincipal AccountPrincipal who) throws IOException {
		permitLibrary(who);
		if (file == null || file.isEmpty()) {
			throw NewsroomException.badInput("file", "Choose an image file to upload.");
		}
		MediaItem item = media.upload(new MediaLibrary.Upload(file.getOriginalFilename(), file.getBytes(), alt, caption,
				credit), who);
		return ResponseEntity.created(URI.create("/api/v1/media/" + item.id())).contentType(MediaType.APPLICATION_JSON)
			.body(Image.of(item));
	}

	private void permitLibrary(AccountPrincipal who) {
		if (!media.mayUpload(who)) {
			throw NewsroomException.forbidden("Your account may not use the media library: contributors, authors and "
					+ "editors may.");
		}
	}

	/** Keeps the writer's unsaved form apart from the piece; readers see nothing of it. */
	@PostMapping("/admin/articles/{id}/autosave")
	public ResponseEntity<Saved> autosave(@PathVariable long id, @RequestParam MultiValueMap<String, String> posted,
			@AuthenticationPrincipal AccountPrincipal who) {
		EditorForm form = EditorForm.from(posted);
		Instant at = workflow.autosave(id, form.readVersion(), form.fields(), form.bodyMarkdown(), who);
		return json(new Saved(CLOCK_TIME.format(at.atZone(publications.current().timeZone())), at.toString()));
	}

	/** JSON whatever the script's Accept header says: it reads nothing else. */
	private static <T> ResponseEntity<T> json(T body) {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
	}

	/**
	 * {@code html}: the body rendered as readers will see it; {@code minutes}: reading time; {@code page}: the whole
	 * article, as its page will show it.
	 */
	public record Preview(String html, int words, int minutes, String page) {
	}

	/** The library's images, and how many match in all. */
	public record Images(List<Image> items, long total) {
	}

	/**
	 * One image for the picker: a thumbnail, what it says, and the Markdown that shows it in the body
	 * ({@code snippet}). {@code missing}: what it still needs before a piece showing it is published.
	 */
	public record Image(long id, String thumbnail, int thumbnailWidth, int thumbnailHeight, String alt, String caption,
			String credit, String fileName, String snippet, List<String> missing) {

		static Image of(MediaItem item) {
			int width = item.widths().get(0);
			return new Image(item.id(), item.url(width), width, item.heightAt(width), item.alt(), item.caption(),
					item.credit(), item.fileName(), EditorView.snippet(item), item.missingMetadata());
		}
	}

	/** {@code savedAt}: the clock time to show the writer; {@code at}: the instant. */
	public record Saved(String savedAt, String at) {
	}
}
