package dev.gazette.syndication.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /robots.txt}, {@code /sitemap.xml} and the sitemaps it lists. Each carries an ETag; the news sitemap may be
 * kept for five minutes, the others for an hour.
 */
@Controller
public class SitemapPages {

	private static final MediaType XML = new MediaType(MediaType.APPLICATION_XML, StandardCharsets.UTF_8);

	private static final CacheControl HOUR = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();

	private final Sitemaps sitemaps;

	public SitemapPages(Sitemaps sitemaps) {
		this.sitemaps = sitemaps;
	}

	@GetMapping("/robots.txt")
	public ResponseEntity<String> robots() {
		return answer(sitemaps.robots(), new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8), HOUR);
	}

	@GetMapping("/sitemap.xml")
	public ResponseEntity<String> index() {
		return answer(sitemaps.index(), XML, HOUR);
	}

	@GetMapping("/sitemaps/articles-{file}.xml")
	public ResponseEntity<String> articles(@PathVariable String file) {
		int number = file.matches("[1-9][0-9]{0,8}") ? Integer.parseInt(file) : 0;
		return answer(sitemaps.articles(number).orElseThrow(FeedPages::notFound), XML, HOUR);
	}

	@GetMapping("/sitemaps/news.xml")
	public ResponseEntity<String> news() {
		return answer(sitemaps.news(), XML, FeedPages.CACHE);
	}

	@GetMapping("/sitemaps/pages.xml")
	public ResponseEntity<String> pages() {
		return answer(sitemaps.pages(), XML, HOUR);
	}

	private static ResponseEntity<String> answer(String body, MediaType type, CacheControl cache) {
		return ResponseEntity.ok().contentType(type).cacheControl(cache).eTag(FeedPages.etag(body)).body(body);
	}
}
