package dev.gazette.media.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.gazette.account.AccountPrincipal;
import dev.gazette.account.Role;
import dev.gazette.media.MediaException;
import dev.gazette.media.MediaItem;
import dev.gazette.media.MediaLibrary;
import dev.gazette.media.Picture;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /admin/media}: the library as a grid of thumbnails (newest first, search, pages) with an upload form, and
 * {@code /admin/media/{id}}: one image, its sizes, and its alt text, caption and credit to edit. Refused input comes
 * back in the form with the problem marked (400), and nothing is stored.
 */
@Controller
@PreAuthorize("hasAnyRole('CONTRIBUTOR', 'AUTHOR', 'EDITOR', 'ADMIN')")
public class MediaPages {

	static final String PATH = "/admin/media";

	static final int PAGE_SIZE = 24;

	private final MediaLibrary library;

	public MediaPages(MediaLibrary library) {
		this.library = library;
	}

	/** The article editor a writer came from to upload ({@code /admin/articles/12}), and goes back to. */
	private static final java.util.regex.Pattern RETURN_TO = java.util.regex.Pattern.compile("/admin/articles/[0-9]{1,18}");

	@GetMapping(PATH)
	public String library(@RequestParam(required = false) String q, @RequestParam(defaultValue = "1") int page,
			@RequestParam(required = false) String returnTo, Model model) {
		keep(model, returnTo);
		return libraryPage(model, q, page, MediaForm.EMPTY);
	}

	@PostMapping(PATH)
	public String upload(@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(required = false) String alt, @RequestParam(required = false) String caption,
			@RequestParam(required = false) String credit, @RequestParam(required = false) String returnTo,
			@AuthenticationPrincipal AccountPrincipal who, HttpServletResponse response, Model model) {
		String back = keep(model, returnTo);
		MediaForm form = new MediaForm(alt, caption, credit, null, null);
		try {
			if (file == null || file.isEmpty()) {
				throw MediaException.badInput("file", "Choose an image file to upload.");
			}
			MediaItem item = library.upload(new MediaLibrary.Upload(file.getOriginalFilename(), file.getBytes(), alt,
					caption, credit), who);
			return "redirect:" + PATH + "/" + item.id() + "?uploaded" + (back == null ? "" : "&returnTo=" + back);
		}
		catch (MediaException refused) {
			response.setStatus(refused.status().value());
			return libraryPage(model, null, 1, form.refused(refused));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@GetMapping(PATH + "/{id}")
	public String item(@PathVariable long id, @RequestParam(required = false) String uploaded,
			@RequestParam(required = false) String saved, @RequestParam(required = false) String returnTo,
			@AuthenticationPrincipal AccountPrincipal who, Model model) {
		keep(model, returnTo);
		MediaItem item = library.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		String notice = uploaded != null ? "Uploaded." : saved != null ? "Saved." : null;
		return itemPage(model, item, who, MediaForm.of(item), notice);
	}

	@PostMapping(PATH + "/{id}")
	public String describe(@PathVariable long id, @RequestParam(required = false) String alt,
			@RequestParam(required = false) String caption, @RequestParam(required = false) String credit,
			@RequestParam(required = false) String returnTo, @AuthenticationPrincipal AccountPrincipal who,
			HttpServletResponse response, Model model) {
		String back = keep(model, returnTo);
		MediaItem item = library.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		try {
			library.describe(id, alt, caption, credit, who);
			return "redirect:" + PATH + "/" + id + "?saved" + (back == null ? "" : "&returnTo=" + back);
		}
		catch (MediaException refused) {
			response.setStatus(refused.status().value());
			return itemPage(model, item, who, new MediaForm(alt, caption, credit, null, null).refused(refused), null);
		}
	}

	@PostMapping(PATH + "/{id}/delete")
	public String delete(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal who, HttpServletResponse response,
			Model model) {
		MediaItem item = library.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		try {
			library.delete(id, who);
			return "redirect:" + PATH + "?deleted";
		}
		catch (MediaException refused) {
			response.setStatus(refused.status().value());
			return itemPage(model, item, who, MediaForm.of(item).refused(refused), null);
		}
	}

	/** The editor to go back to, when it is one (any other address is dropped), for the page's links and forms. */
	private static String keep(Model model, String returnTo) {
		String back = returnTo != null && RETURN_TO.matcher(returnTo).matches() ? returnTo : null;
		model.addAttribute("returnTo", back);
		return back;
	}

	private String libraryPage(Model model, String query, int page, MediaForm form) {
		int current = Math.max(1, page);
		long total = library.count(query);
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		List<MediaLibraryView.Tile> tiles = library.recent(query, current, PAGE_SIZE)
			.stream()
			.map(item -> new MediaLibraryView.Tile(item, Picture.of(item), PATH + "/" + item.id()))
			.toList();
		String q = query == null ? "" : query.strip();
		String base = PATH + "?" + (q.isEmpty() ? "" : "q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&") + "page=";
		model.addAttribute("media", new MediaLibraryView(tiles, q, current, pages, total,
				current > 1 ? base + (current - 1) : null, current < pages ? base + (current + 1) : null, form));
		return "media/library";
	}

	private String itemPage(Model model, MediaItem item, AccountPrincipal who, MediaForm form, String notice) {
		List<MediaItemView.Size> sizes = item.widths()
			.stream()
			.map(width -> new MediaItemView.Size(width, item.heightAt(width), item.url(width)))
			.toList();
		model.addAttribute("media", new MediaItemView(item, Picture.of(item), sizes, library.mayDescribe(who, item),
				who.has(Role.EDITOR), form, notice));
		return "media/item";
	}
}
