package dev.gazette.syndication.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

import dev.gazette.syndication.Feeds.RenderedFeed;
import dev.gazette.syndication.Feeds;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.DigestUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The feeds at {@code /feeds/...{rss,atom}.xml}. A feed may be kept for five minutes by browsers and caches in
 * front of Gazette, and carries an ETag and Last-Modified, so a feed reader polling an unchanged feed gets a bare
 * 304. An unknown section, author, tag, article or format is a 404 page.
 */
@Controller
public class FeedPages {

	static final CacheControl CACHE = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

	private final Feeds feeds;

	public FeedPages(Feeds feeds) {
		this.feeds = feeds;
	}

	@GetMapping("/feeds/{format}.xml")
	public ResponseEntity<String> site(@PathVariable String format) {
		return answer(format, feeds::site);
	}

	@GetMapping("/feeds/sections/{slug}/{format}.xml")
	public ResponseEntity<String> section(@PathVariable String slug, @PathVariable String format) {
		return answer(format, f -> feeds.section(slug, f));
	}

	@GetMapping("/feeds/authors/{slug}/{format}.xml")
	public ResponseEntity<String> author(@PathVariable String slug, @PathVariable String format) {
		return answer(format, f -> feeds.author(slug, f));
	}

	@GetMapping("/feeds/tags/{slug}/{format}.xml")
	public ResponseEntity<String> tag(@PathVariable String slug, @PathVariable String format) {
		return answer(format, f -> feeds.tag(slug, f));
	}

	@GetMapping("/feeds/articles/{slug}/comments/{format}.xml")
	public ResponseEntity<String> comments(@PathVariable String slug, @PathVariable String format) {
		return answer(format, f -> feeds.comments(slug, f));
	}

	private static ResponseEntity<String> answer(String formatKey, Function<FeedFormat, Optional<RenderedFeed>> feed) {
		FeedFormat format = FeedFormat.fromKey(formatKey).orElseThrow(FeedPages::notFound);
		RenderedFeed rendered = feed.apply(format).orElseThrow(FeedPages::notFound);
		ResponseEntity.BodyBuilder answer = ResponseEntity.ok()
			.contentType(new MediaType(MediaType.parseMediaType(format.mediaType()), StandardCharsets.UTF_8))
			.cacheControl(CACHE)
			.eTag(etag(rendered.xml()));
		if (rendered.lastModified() != null) {
			answer.lastModified(rendered.lastModified());
		}
		return answer.body(rendered.xml());
	}

	public static String etag(String body) {
		return "\"" + DigestUtils.md5DigestAsHex(body.getBytes(StandardCharsets.UTF_8)) + "\"";
	}

	public static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}
}
