package dev.gazette.article;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.gazette.article.internal.ManuscriptRepository.ArticleInsert;
import dev.gazette.article.internal.ManuscriptRepository.ManuscriptRow;
import dev.gazette.article.internal.ArticleAnnouncements;
import dev.gazette.article.internal.LabelRepository;
import dev.gazette.article.internal.ManuscriptRepository;
import dev.gazette.article.internal.SlugRepository;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.annotation.Transactional;

/**
 * Articles in any state, for the newsroom: start a draft, change its copy, move it through the workflow. Who may do
 * what is the newsroom's business; this service keeps the rows consistent: bylines and tags with the copy, the
 * version bumped by every write (so every node's reading cache sees the change), old slugs of a published article
 * remembered for redirects, and {@link ArticlePublished} announced once when an article first becomes visible.
 */
@Service
public class Manuscripts {

	private final ManuscriptRepository repository;

	private final LabelRepository labels;

	private final SlugRepository addresses;

	private final ArticleAnnouncements announcements;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Manuscripts(ManuscriptRepository repository, LabelRepository labels, SlugRepository addresses,
			ArticleAnnouncements announcements, Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.repository = repository;
		this.labels = labels;
		this.addresses = addresses;
		this.announcements = announcements;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Optional<Manuscript> find(long id) {
		return repository.manuscript(id).map(this::complete);
	}

	/**
	 * A page of pieces, newest first (size 1 to 100); {@code state} (as readers experience it) and {@code ownerId}
	 * narrow the list when not {@code null}.
	 */
	@Transactional(readOnly = true)
	public ManuscriptList list(ArticleState state, Long ownerId, int page, int size) {
		return list(state, ownerId, null, page, size);
	}

	/** The same, among these pieces only (a search's matches; {@code null}: all). */
	@Transactional(readOnly = true)
	public ManuscriptList list(ArticleState state, Long ownerId, java.util.Collection<Long> among, int page, int size) {
		int current = Math.max(1, page);
		int limit = Math.max(1, Math.min(100, size));
		Instant now = clock.instant();
		return new ManuscriptList(
				repository.manuscripts(state, ownerId, among, now, limit, (long) (current - 1) * limit, false), current,
				limit, repository.countManuscripts(state, ownerId, among, now));
	}

	/**
	 * Up to {@code limit} pieces in a state (as readers experience it), the longest waiting first: the ones that have
	 * been in it since the earliest time. {@code ownerId} narrows them when not {@code null}.
	 */
	@Transactional(readOnly = true)
	public List<ManuscriptSummary> longestIn(ArticleState state, Long ownerId, int limit) {
		return repository.manuscripts(state, ownerId, clock.instant(), Math.max(1, Math.min(500, limit)), 0, true);
	}

	/** The article that has this slug now, in any state. */
	@Transactional(readOnly = true)
	public Optional<Long> holderOfSlug(String slug) {
		return addresses.holderOfSlug(slug);
	}

	/**
	 * Starts a draft.
	 * @throws IllegalArgumentException when the slug is taken or a named author or section does not exist
	 */
	@Transactional
	public long startDraft(ArticleCopy copy, long ownerId) {
		if (addresses.slugTaken(copy.slug())) {
			throw new IllegalArgumentException("An article with the slug '" + copy.slug() + "' already exists");
		}
		long id = repository.insertArticle(new ArticleInsert(copy.slug(), copy.headline(), copy.standfirst(),
				copy.bodyMarkdown(), copy.kind(), sectionId(copy), authorIds(copy), tagIds(copy), null, null, null,
				copy.source(), copy.canonicalUrl(), true));
		repository.startDraft(id, ownerId, clock.instant(), copy);
		events.publishEvent(new ArticleChanged(id));
		return id;
	}

	/**
	 * Replaces an article's copy. A visible article's update time moves; when a published article's slug changes, the
	 * old slug is remembered and leads to the new one.
	 * @param version the version the change was made to: someone else's change in between refuses this one
	 * @throws IllegalArgumentException when the article does not exist, the slug is another article's or a named
	 * author or section does not exist
	 * @throws OptimisticLockingFailureException when the article changed since {@code version}
	 */
	@Transactional
	public Manuscript revise(long id, long version, ArticleCopy copy) {
		Manuscript before = find(id).orElseThrow(() -> new IllegalArgumentException("There is no article " + id));
		Optional<Long> holder = addresses.holderOfSlug(copy.slug());
		if (holder.isPresent() && holder.get() != id) {
			throw new IllegalArgumentException("An article with the slug '" + copy.slug() + "' already exists");
		}
		Instant now = clock.instant();
		boolean visible = before.state() == ArticleState.PUBLISHED;
		if (before.version() != version
				|| !repository.updateCopy(id, version, copy, sectionId(copy), authorIds(copy), tagIds(copy), visible ? now : null)) {
			throw changedMeanwhile(id);
		}
		// An old slug keeps leading to its article until another article is published at it: a page that exists
		// comes before a redirect.
		boolean wasPublic = visible || before.state() == ArticleState.UNPUBLISHED;
		if (!before.copy().slug().equals(copy.slug()) && wasPublic) {
			addresses.rememberOldSlug(before.copy().slug(), id, now);
		}
		events.publishEvent(new ArticleChanged(id));
		return find(id).orElseThrow();
	}

	/**
	 * Moves an article to another state. Publishing sets the publication time to now for a piece never published
	 * before (one that was published, then unpublished, keeps its original time); scheduling sets it to
	 * {@code scheduledAt}. An article that becomes visible for the first time is announced.
	 * @param version the version the decision was made on: someone else's change in between refuses this one
	 * @throws OptimisticLockingFailureException when the article changed since {@code version}
	 * @throws IllegalStateException for a move the article's state does not allow ({@link ArticleState#canMoveTo})
	 */
	@Transactional
	public Manuscript moveTo(long id, long version, ArticleState state, Instant scheduledAt) {
		ManuscriptRow row = repository.manuscript(id).orElseThrow(() -> new IllegalArgumentException("There is no article " + id));
		if (!stateOf(row).canMoveTo(state)) {
			throw new IllegalStateException("Article " + id + " cannot move from " + stateOf(row).key() + " to "
					+ state.key());
		}
		Instant now = clock.instant();
		Instant publishedAt = switch (state) {
			case PUBLISHED -> row.announced() ? null : now;
			case SCHEDULED -> scheduledAt;
			default -> null;
		};
		if (!repository.moveTo(id, version, state, publishedAt, now)) {
			throw changedMeanwhile(id);
		}
		if (state == ArticleState.PUBLISHED && !row.announced()) {
			announcements.announce(id, now);
		}
		events.publishEvent(new ArticleChanged(id));
		return find(id).orElseThrow();
	}

	private static OptimisticLockingFailureException changedMeanwhile(long id) {
		return new OptimisticLockingFailureException("Article " + id + " changed in the meantime");
	}

	private Manuscript complete(ManuscriptRow row) {
		List<Long> ids = List.of(row.id());
		List<String> authors = labels.authorsOf(ids).getOrDefault(row.id(), List.of()).stream().map(Author::slug).toList();
		List<String> tags = labels.tagsOf(ids).getOrDefault(row.id(), List.of()).stream().map(Tag::name).toList();
		ArticleCopy copy = row.copy().withBylinesAndTags(authors, tags);
		return new Manuscript(row.id(), stateOf(row), copy, row.ownerId(), row.createdAt(), row.publishedAt(), row.updatedAt(),
				row.version());
	}

	/** The state as readers experience it: a scheduled article whose time has come is published. */
	private ArticleState stateOf(ManuscriptRow row) {
		boolean due = row.publishedAt() != null && !row.publishedAt().isAfter(clock.instant());
		return row.state() == ArticleState.SCHEDULED && due ? ArticleState.PUBLISHED : row.state();
	}

	private Long sectionId(ArticleCopy copy) {
		return copy.sectionSlug() == null ? null : labels.sectionId(copy.sectionSlug())
			.orElseThrow(() -> new IllegalArgumentException("Unknown section '" + copy.sectionSlug() + "'"));
	}

	private List<Long> authorIds(ArticleCopy copy) {
		List<Long> ids = new ArrayList<>();
		for (String slug : copy.authorSlugs().stream().distinct().toList()) {
			ids.add(labels.authorId(slug).orElseThrow(() -> new IllegalArgumentException("Unknown author '" + slug + "'")));
		}
		return ids;
	}

	private List<Long> tagIds(ArticleCopy copy) {
		return copy.tags().stream().map(name -> labels.tagId(Slugs.of(name), name)).distinct().toList();
	}
}
