package dev.gazette.media.internal;

import dev.gazette.media.MediaLibrary;

import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /media/{id}/{width}.jpg} (or {@code .png}): a rendition. Its bytes never change under that address (new
 * metadata changes no pixel; a new picture is a new item), so browsers and CDNs keep it for a year.
 */
@Controller
public class MediaFiles {

	private static final CacheControl FOREVER = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	private final MediaLibrary library;

	public MediaFiles(MediaLibrary library) {
		this.library = library;
	}

	@GetMapping("/media/{id:\\d{1,18}}/{width:\\d{1,5}}.{extension:jpg|png}")
	public ResponseEntity<byte[]> rendition(@PathVariable long id, @PathVariable int width, @PathVariable String extension,
			WebRequest request) {
		String etag = library.etag(id, width).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (request.checkNotModified(etag)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(FOREVER).build();
		}
		MediaLibrary.RenditionFile file = library.rendition(id, width, extension)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return ResponseEntity.ok()
			.cacheControl(FOREVER)
			.eTag(file.etag())
			.contentType(MediaType.parseMediaType(file.contentType()))
			.body(file.bytes());
	}
}
