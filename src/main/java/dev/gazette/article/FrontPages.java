package dev.gazette.article;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.gazette.article.internal.PublishedArticleRepository.ArticleRow;
import dev.gazette.article.internal.PublishedArticleRepository;
import dev.gazette.article.internal.FrontPageRepository;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The front page and each section's page as editors make them: a lead story and top stories that editors pick and
 * order, the slots they leave empty filled with the newest pieces, then the newest pieces as a list.
 * <p>
 * Picks are rows ({@code front_pick}) read on every request, like the listings themselves, so a change made on one
 * node shows on every node at the next page view; no node keeps a copy. A pick whose piece readers can no longer see
 * (unpublished, sent back, or scheduled for later) is skipped when read and dropped at the next change.
 */
@Service
public class FrontPages {

	/** The lead and the top stories under it: how many pieces an editor can pick for one page. */
	public static final int SLOTS = 5;

	/** The front page's scope; a section's is its id. */
	static final long FRONT = 0;

	private final FrontPageRepository picks;

	private final PublishedArticleRepository articles;

	private final ArticleCatalog catalog;

	private final Clock clock;

	FrontPages(FrontPageRepository picks, PublishedArticleRepository articles, ArticleCatalog catalog, Clock clock) {
		this.picks = picks;
		this.articles = articles;
		this.catalog = catalog;
		this.clock = clock;
	}

	/**
	 * A front page as readers see it. Page 1 has the lead, the top stories and, under them, the newest pieces not
	 * already shown above; later pages are the newest pieces only, as before.
	 * @param lead {@code null} past page 1, or when nothing is published
	 * @param top the top stories under the lead (up to {@code SLOTS - 1})
	 * @param picked the ids among lead and top stories that an editor pinned
	 * @param rest the newest pieces, less those shown above
	 */
	public record Made(ArticleSummary lead, List<ArticleSummary> top, Set<Long> picked, List<ArticleSummary> rest,
			ArticleList list) {
	}

	/** The front page, {@code page} counting from 1. */
	@Transactional(readOnly = true)
	public Made front(int page) {
		return made(FRONT, catalog.latest(page), page);
	}

	/** A section's page, {@code page} counting from 1 (the Opinion section lists opinion pieces of every section). */
	@Transactional(readOnly = true)
	public Made section(Section section, int page) {
		return made(section.id(), catalog.inSection(section, page), page);
	}

	private Made made(long scope, ArticleList newest, int page) {
		if (newest.page() > 1) {
			return new Made(null, List.of(), Set.of(), newest.items(), newest);
		}
		List<ArticleSummary> pinned = summaries(picks.visiblePicks(scope, clock.instant()));
		Set<Long> pinnedIds = new HashSet<>();
		pinned.forEach(p -> pinnedIds.add(p.id()));
		List<ArticleSummary> slots = new ArrayList<>(pinned.subList(0, Math.min(SLOTS, pinned.size())));
		List<ArticleSummary> rest = new ArrayList<>();
		for (ArticleSummary item : newest.items()) {
			if (pinnedIds.contains(item.id())) {
				continue;
			}
			if (slots.size() < SLOTS) {
				slots.add(item);
			}
			else {
				rest.add(item);
			}
		}
		if (slots.isEmpty()) {
			return new Made(null, List.of(), Set.of(), List.of(), newest);
		}
		return new Made(slots.get(0), List.copyOf(slots.subList(1, slots.size())), Set.copyOf(pinnedIds),
				List.copyOf(rest), newest);
	}

	/** The pinned pieces readers can see, lead first: what the staff page and the API show. */
	@Transactional(readOnly = true)
	public List<ArticleSummary> picks(Section section) {
		return summaries(picks.visiblePicks(scope(section), clock.instant()));
	}

	/**
	 * Pins a published piece after the page's other picks (as the lead when there are none).
	 * @param section {@code null} for the front page
	 * @throws FrontPageRefused 404 when readers cannot see the piece, 400 when it is not in the section, 409 when the
	 * page has {@link #SLOTS} picks already
	 */
	@Transactional
	public List<ArticleSummary> pin(Section section, long articleId, Long by) {
		long scope = scope(section);
		picks.lock(scope);
		List<Long> current = new ArrayList<>(picks.visiblePicks(scope, clock.instant()));
		if (current.contains(articleId)) {
			return picks(section);
		}
		ArticleSummary piece = visible(articleId);
		if (section != null && !belongs(piece, section)) {
			throw new FrontPageRefused(HttpStatus.BAD_REQUEST, "article", "“" + piece.headline() + "” is not in "
					+ section.name() + (section.listsOpinion() ? " (only opinion pieces are)." : "."));
		}
		if (current.size() >= SLOTS) {
			throw new FrontPageRefused(HttpStatus.CONFLICT, null, "A page has a lead and " + (SLOTS - 1)
					+ " top stories: unpin one before pinning another.");
		}
		current.add(articleId);
		picks.replace(scope, current, by, clock.instant());
		return picks(section);
	}

	/** Unpins a piece; its place goes to the newest piece not pinned. Unpinning a piece not pinned changes nothing. */
	@Transactional
	public List<ArticleSummary> unpin(Section section, long articleId, Long by) {
		long scope = scope(section);
		picks.lock(scope);
		List<Long> current = new ArrayList<>(picks.visiblePicks(scope, clock.instant()));
		if (current.remove(articleId)) {
			picks.replace(scope, current, by, clock.instant());
		}
		return picks(section);
	}

	/**
	 * Moves a pinned piece one place up (towards the lead, {@code by} -1) or down (+1).
	 * @throws FrontPageRefused 404 when the piece is not pinned here
	 */
	@Transactional
	public List<ArticleSummary> move(Section section, long articleId, int step, Long by) {
		long scope = scope(section);
		picks.lock(scope);
		List<Long> current = new ArrayList<>(picks.visiblePicks(scope, clock.instant()));
		int at = current.indexOf(articleId);
		if (at < 0) {
			throw new FrontPageRefused(HttpStatus.NOT_FOUND, "article", "Piece " + articleId + " is not pinned to "
					+ (section == null ? "the front page" : section.name()) + ".");
		}
		int to = Math.max(0, Math.min(current.size() - 1, at + Integer.signum(step)));
		current.add(to, current.remove(at));
		picks.replace(scope, current, by, clock.instant());
		return picks(section);
	}

	/**
	 * Sets the page's picks to exactly these, in this order (an empty list unpins all).
	 * @throws FrontPageRefused as {@link #pin} does, for any of them, and 400 when one is named twice
	 */
	@Transactional
	public List<ArticleSummary> replace(Section section, List<Long> articleIds, Long by) {
		long scope = scope(section);
		picks.lock(scope);
		if (articleIds.size() > SLOTS) {
			throw new FrontPageRefused(HttpStatus.BAD_REQUEST, "articles", "A page has a lead and " + (SLOTS - 1)
					+ " top stories: at most " + SLOTS + " picks.");
		}
		if (new HashSet<>(articleIds).size() != articleIds.size()) {
			throw new FrontPageRefused(HttpStatus.BAD_REQUEST, "articles", "A piece is named twice.");
		}
		for (long id : articleIds) {
			ArticleSummary piece = visible(id);
			if (section != null && !belongs(piece, section)) {
				throw new FrontPageRefused(HttpStatus.BAD_REQUEST, "articles", "“" + piece.headline() + "” is not in "
						+ section.name() + ".");
			}
		}
		picks.replace(scope, articleIds, by, clock.instant());
		return picks(section);
	}

	/** Whether a piece is listed on the section's page: the Opinion section lists by kind, the others by section. */
	static boolean belongs(ArticleSummary piece, Section section) {
		if (section.listsOpinion()) {
			return piece.isOpinion();
		}
		return piece.section() != null && piece.section().id() == section.id();
	}

	private ArticleSummary visible(long articleId) {
		List<ArticleSummary> found = summaries(List.of(articleId));
		if (found.isEmpty()) {
			throw new FrontPageRefused(HttpStatus.NOT_FOUND, "article", "There is no published piece " + articleId + ".");
		}
		return found.get(0);
	}

	private static long scope(Section section) {
		return section == null ? FRONT : section.id();
	}

	/** Summaries of these ids that readers can see, in the order given. */
	private List<ArticleSummary> summaries(List<Long> ids) {
		List<ArticleRow> rows = articles.visibleRows(ids, clock.instant());
		Map<Long, ArticleSummary> byId = new LinkedHashMap<>();
		catalog.summariesOf(rows).forEach(summary -> byId.put(summary.id(), summary));
		return ids.stream().filter(byId::containsKey).map(byId::get).toList();
	}
}
