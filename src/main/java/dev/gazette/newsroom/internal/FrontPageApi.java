package dev.gazette.newsroom.internal;

import java.time.Instant;
import java.util.List;

import dev.gazette.account.AccountPrincipal;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.article.ArticleSummary;
import dev.gazette.article.FrontPages;
import dev.gazette.article.Section;
import dev.gazette.newsroom.NewsroomException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/front-page} and {@code /api/v1/front-page/sections/{slug}}: the editors' picks for the front page and
 * each section's page (editors and admins, with a personal access token). The first pick is the lead.
 */
@RestController
@RequestMapping("/api/v1/front-page")
@PreAuthorize("hasAnyRole('EDITOR', 'ADMIN')")
@Tag(name = "Front page")
public class FrontPageApi {

	private final FrontPages frontPages;

	private final ArticleCatalog catalog;

	public FrontPageApi(FrontPages frontPages, ArticleCatalog catalog) {
		this.frontPages = frontPages;
		this.catalog = catalog;
	}

	/** A page's picks, lead first. */
	public record PicksJson(String page, int slots, List<PickJson> picks) {

		static PicksJson of(Section section, List<ArticleSummary> picks) {
			List<PickJson> items = new java.util.ArrayList<>();
			for (int i = 0; i < picks.size(); i++) {
				ArticleSummary a = picks.get(i);
				items.add(new PickJson(i == 0 ? "lead" : "top", a.id(), a.slug(), a.headline(), a.kind().key(),
						a.section() == null ? null : a.section().slug(), a.publishedAt()));
			}
			return new PicksJson(section == null ? "front" : section.slug(), FrontPages.SLOTS, List.copyOf(items));
		}
	}

	public record PickJson(String slot, long id, String slug, String headline, String kind, String section,
			Instant publishedAt) {
	}

	static final String NAME_THE_PIECE = "Name the piece to pin: {\"article\": id}.";

	static final String GIVE_THE_PICKS = "Give the picks in order: {\"articles\": [id, …]}.";

	static final String UP_OR_DOWN = "direction is up or down.";

	/** A piece to pin. */
	public record PinRequest(@NotNull(message = NAME_THE_PIECE) Long article) {
	}

	/** The direction to move a pick. */
	public record MoveRequest(@NotNull(message = UP_OR_DOWN) @Pattern(regexp = "up|down", message = UP_OR_DOWN)
			String direction) {

		int step() {
			return direction.equals("up") ? -1 : 1;
		}
	}

	/**
	 * The whole ordered list of picks. A {@code null} among the ids is refused by {@link FrontPageApi#articles}: a
	 * constraint on the list's elements would name the field {@code articles[1]}, and clients read {@code articles}.
	 */
	public record PicksRequest(@NotNull(message = GIVE_THE_PICKS) List<Long> articles) {
	}

	@GetMapping
	@Operation(summary = "The front page's picks, lead first (editors)")
	public PicksJson front() {
		return PicksJson.of(null, frontPages.picks(null));
	}

	@GetMapping("/sections/{slug}")
	@Operation(summary = "A section page's picks, lead first (editors)", description = "404 for an unknown section.")
	public PicksJson section(@PathVariable String slug) {
		Section section = sectionNamed(slug);
		return PicksJson.of(section, frontPages.picks(section));
	}

	@PostMapping(value = "/picks", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Pin a published piece to the front page, after the other picks", description = "Body: "
			+ "{\"article\": id}. 200 with the picks; 404 for a piece readers cannot see; 409 when the page has "
			+ FrontPages.SLOTS + " picks.")
	public PicksJson pinFront(@Valid @RequestBody PinRequest body, @AuthenticationPrincipal AccountPrincipal who) {
		return PicksJson.of(null, frontPages.pin(null, body.article(), who.id()));
	}

	@PostMapping(value = "/sections/{slug}/picks", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Pin a published piece to a section's page", description = "As for the front page; 400 when "
			+ "the piece is not listed on that page (the Opinion page lists opinion pieces of any section).")
	public PicksJson pinSection(@PathVariable String slug, @Valid @RequestBody PinRequest body,
			@AuthenticationPrincipal AccountPrincipal who) {
		Section section = sectionNamed(slug);
		return PicksJson.of(section, frontPages.pin(section, body.article(), who.id()));
	}

	@PutMapping(value = "/picks", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Set the front page's picks, in order", description = "Body: {\"articles\": [id, …]}, at most "
			+ FrontPages.SLOTS + ", the lead first; [] unpins all.")
	public PicksJson replaceFront(@Valid @RequestBody PicksRequest body, @AuthenticationPrincipal AccountPrincipal who) {
		return PicksJson.of(null, frontPages.replace(null, articles(body), who.id()));
	}

	@PutMapping(value = "/sections/{slug}/picks", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Set a section page's picks, in order")
	public PicksJson replaceSection(@PathVariable String slug, @Valid @RequestBody PicksRequest body,
			@AuthenticationPrincipal AccountPrincipal who) {
		Section section = sectionNamed(slug);
		return PicksJson.of(section, frontPages.replace(section, articles(body), who.id()));
	}

	@DeleteMapping("/picks/{id}")
	@Operation(summary = "Unpin a piece from the front page", description = "Its place goes to the newest piece.")
	public PicksJson unpinFront(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal who) {
		return PicksJson.of(null, frontPages.unpin(null, id, who.id()));
	}

	@DeleteMapping("/sections/{slug}/picks/{id}")
	@Operation(summary = "Unpin a piece from a section's page")
	public PicksJson unpinSection(@PathVariable String slug, @PathVariable long id,
			@AuthenticationPrincipal AccountPrincipal who) {
		Section section = sectionNamed(slug);
		return PicksJson.of(section, frontPages.unpin(section, id, who.id()));
	}

	@PostMapping(value = "/picks/{id}/move", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Move a front page pick one place up (towards the lead) or down", description = "Body: "
			+ "{\"direction\": \"up\"|\"down\"}. 404 when the piece is not pinned.")
	public PicksJson moveFront(@PathVariable long id, @Valid @RequestBody MoveRequest body,
			@AuthenticationPrincipal AccountPrincipal who) {
		return PicksJson.of(null, frontPages.move(null, id, body.step(), who.id()));
	}

	@PostMapping(value = "/sections/{slug}/picks/{id}/move", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Move a section page's pick one place up or down")
	public PicksJson moveSection(@PathVariable String slug, @PathVariable long id, @Valid @RequestBody MoveRequest body,
			@AuthenticationPrincipal AccountPrincipal who) {
		Section section = sectionNamed(slug);
		return PicksJson.of(section, frontPages.move(section, id, body.step(), who.id()));
	}

	private Section sectionNamed(String slug) {
		return catalog.section(slug).orElseThrow(() -> NewsroomException.notFound("There is no section ‘" + slug + "’."));
	}

	private static List<Long> articles(PicksRequest body) {
		if (body.articles().stream().anyMatch(java.util.Objects::isNull)) {
			throw NewsroomException.badInput("articles", GIVE_THE_PICKS);
		}
		return body.articles();
	}
}
