package dev.gazette.account.internal;

import dev.gazette.account.Account;
import dev.gazette.account.Accounts;

import java.time.Duration;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /people/{id}/avatar}: the uploaded picture, or the generated initials. Links carry the account's version,
 * so the answer can be cached for a long time.
 */
@Controller
public class AvatarImages {

	private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofDays(30)).cachePublic();

	private final Accounts accounts;

	private final AccountImages images;

	private final TemplateEngine templates;

	public AvatarImages(Accounts accounts, AccountImages images, TemplateEngine templates) {
		this.accounts = accounts;
		this.images = images;
		this.templates = templates;
	}

	@GetMapping("/people/{id}/avatar")
	public ResponseEntity<?> avatar(@PathVariable long id) {
		Account account = accounts.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (account.hasAvatar()) {
			return images.png(id)
				.<ResponseEntity<?>>map(png -> ResponseEntity.ok().cacheControl(CACHE).contentType(MediaType.IMAGE_PNG).body(png))
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		}
		StringOutput svg = new StringOutput();
		templates.render("account/initials.jte",
				java.util.Map.of("initials", Avatars.initials(account.displayName()), "colour", Avatars.colour(id)), svg);
		return ResponseEntity.ok()
			.cacheControl(CACHE)
			.contentType(MediaType.valueOf("image/svg+xml;charset=UTF-8"))
			.body(svg.toString());
	}
}
