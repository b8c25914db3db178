package dev.gazette.article.internal;

import dev.gazette.article.Contributors;
import dev.gazette.article.Pages;

import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The editable pages readers read ({@code /about}, {@code /contact}, {@code /guidelines}, {@code /privacy}, {@code /terms}; {@code /write-for-us} is
 * the newsroom's, with its pitch form) and authors' uploaded pictures.
 */
@Controller
public class SitePagesController {

	private static final CacheControl PICTURE_CACHE = CacheControl.maxAge(Duration.ofDays(30)).cachePublic();

	private final Pages pages;

	private final Contributors contributors;

	public SitePagesController(Pages pages, Contributors contributors) {
		this.pages = pages;
		this.contributors = contributors;
	}

	@GetMapping("/{slug:about|contact|guidelines|privacy|terms}")
	public String page(@PathVariable String slug, Model model) {
		model.addAttribute("page", pages.find(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		return "article/site-page";
	}

	/** Links carry the picture's version, so the answer can be cached for a long time. */
	@GetMapping("/author-pictures/{id}.png")
	public ResponseEntity<byte[]> picture(@PathVariable long id) {
		return contributors.picture(id)
			.map(png -> ResponseEntity.ok().cacheControl(PICTURE_CACHE).contentType(MediaType.IMAGE_PNG).body(png))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}
}
