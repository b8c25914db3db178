package dev.gazette.media.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.gazette.account.AccountPrincipal;
import dev.gazette.media.MediaException;
import dev.gazette.media.MediaItem;
import dev.gazette.media.MediaLibrary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The media library API, {@code /api/v1/media}: upload (multipart), list, read, describe and delete images. Every call
 * needs a personal access token of a contributor, author, editor or admin; {@link MediaLibrary} decides the rest.
 */
@RestController
@RequestMapping("/api/v1/media")
@PreAuthorize("isAuthenticated()")
@Tag(name = "Media")
public class MediaApi {

	private static final Set<String> FIELDS = Set.of("alt", "caption", "credit");

	private final MediaLibrary library;

	public MediaApi(MediaLibrary library) {
		this.library = library;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Upload an image (contributors, authors, editors)", description = "Multipart: file (JPEG, PNG, "
			+ "GIF or WebP, decided from its content; up to gazette.media.max-upload-size, 20 MB by default, and 60 "
			+ "megapixels), and optional alt, caption and credit. Renditions are made at once. 201 with Location; 400 "
			+ "when the file is not an image, 413 when too large.")
	public ResponseEntity<MediaJson> upload(@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(required = false) String alt, @RequestParam(required = false) String caption,
			@RequestParam(required = false) String credit, @AuthenticationPrincipal AccountPrincipal who) {
		permitBrowsing(who);
		if (file == null) {
			throw MediaException.badInput("file", "Send the image as the multipart field ‘file’.");
		}
		MediaItem item = library.upload(new MediaLibrary.Upload(file.getOriginalFilename(), bytes(file), alt, caption,
				credit), who);
		return ResponseEntity.created(URI.create("/api/v1/media/" + item.id())).body(MediaJson.of(item));
	}

	@GetMapping
	@Operation(summary = "Images, newest first", description = "q matches alt text, caption, credit or file name; page "
			+ "from 1, size 1 to 100.")
	public MediaListJson list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "20") int size, @AuthenticationPrincipal AccountPrincipal who) {
		permitBrowsing(who);
		int clamped = Math.max(1, Math.min(100, size));
		return new MediaListJson(library.recent(q, page, clamped).stream().map(MediaJson::of).toList(),
				Math.max(1, page), clamped, library.count(q));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One image: its renditions, size, type and metadata")
	public MediaJson one(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal who) {
		permitBrowsing(who);
		return MediaJson.of(library.find(id).orElseThrow(() -> MediaException.notFound(id)));
	}

	@PatchMapping(path = "/{id}", consumes = { MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json" })
	@Operation(summary = "Change an image's alt text, caption or credit (its uploader or an editor)", description = "JSON "
			+ "with any of alt, caption, credit (strings; null or blank clears one). Fields not sent keep their value.")
	public MediaJson describe(@PathVariable long id, @RequestBody Map<String, Object> fields,
			@AuthenticationPrincipal AccountPrincipal who) {
		for (Map.Entry<String, Object> field : fields.entrySet()) {
			if (!FIELDS.contains(field.getKey())) {
				throw MediaException.badInput(field.getKey(), "Unknown field ‘" + field.getKey()
						+ "’: an image has alt, caption and credit.");
			}
			if (field.getValue() != null && !(field.getValue() instanceof String)) {
				throw MediaException.badInput(field.getKey(), field.getKey() + " must be a string or null.");
			}
		}
		MediaItem item = library.find(id).orElseThrow(() -> MediaException.notFound(id));
		return MediaJson.of(library.describe(id, value(fields, "alt", item.alt()), value(fields, "caption", item.caption()),
				value(fields, "credit", item.credit()), who));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete an image and its files (editors)", description = "409 while an article uses it.")
	public ResponseEntity<Void> delete(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal who) {
		library.delete(id, who);
		return ResponseEntity.noContent().build();
	}

	private void permitBrowsing(AccountPrincipal who) {
		if (!library.mayUpload(who)) {
			throw MediaException.forbidden("Your account may not use the media library: contributors, authors and "
					+ "editors may.");
		}
	}

	private static String value(Map<String, Object> fields, String name, String current) {
		return fields.containsKey(name) ? (String) fields.get(name) : current;
	}

	private static byte[] bytes(MultipartFile file) {
		try {
			return file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** One rendition: its width, height and address. */
	public record RenditionJson(int width, int height, String url) {
	}

	public record MediaJson(long id, String fileName, String type, String contentType, int width, int height, long byteSize,
			List<RenditionJson> renditions, String alt, String caption, String credit, List<String> missingMetadata,
			Long uploadedBy, Instant createdAt, Instant updatedAt) {

		static MediaJson of(MediaItem item) {
			return new MediaJson(item.id(), item.fileName(), item.sourceType(), item.contentType(), item.width(),
					item.height(), item.byteSize(),
					item.widths().stream().map(w -> new RenditionJson(w, item.heightAt(w), item.url(w))).toList(),
					item.alt(), item.caption(), item.credit(), item.missingMetadata(), item.uploadedBy(), item.createdAt(),
					item.updatedAt());
		}
	}

	public record MediaListJson(List<MediaJson> items, int page, int size, long total) {
	}
}
