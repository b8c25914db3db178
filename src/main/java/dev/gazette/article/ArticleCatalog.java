package dev.gazette.article;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.gazette.article.internal.PublishedArticleRepository.ArticleRow;
import dev.gazette.article.internal.PublishedArticleRepository.Filter;
import dev.gazette.article.internal.PublishedArticleRepository.SearchRow;
import dev.gazette.media.MediaLibrary;
import dev.gazette.media.Picture;
import dev.gazette.article.internal.ArticleAnnouncements;
import dev.gazette.article.internal.ArticleBodyRenderer;
import dev.gazette.article.internal.ArticleIntake;
import dev.gazette.article.internal.ArticleProperties;
import dev.gazette.article.internal.LabelRepository;
import dev.gazette.article.internal.ManuscriptRepository;
import dev.gazette.article.internal.PublishedArticleRepository;
import dev.gazette.article.internal.SlugRepository;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The published catalogue: what readers can see, newest first. An article is visible when it is published (or
 * scheduled) and its publication time has come (by the injected clock); drafts and unpublished articles are not.
 * <p>
 * Article pages are the hottest read in Gazette, so a loaded article is kept in memory and reused for as long as
 * its row's {@code version} is unchanged: one indexed read per request keeps every node correct without a shared
 * cache.
 * <p>
 * It is the face other features read articles through (pages, feeds, sitemaps, the newsletter, search, moderation,
 * comments), so it stays one class of some forty short public methods over the repositories in {@code internal}, and
 * longer than 300 lines: splitting it would move every caller in those features for no change in what each method
 * does. What is its own is the kept articles, the kept sections and how a list is put together; storing a new article
 * from outside the newsroom is {@link ArticleIntake}'s.
 */
@Service
public class ArticleCatalog {

	private final PublishedArticleRepository repository;

	private final LabelRepository labels;

	private final ManuscriptRepository manuscripts;

	private final SlugRepository addresses;

	private final ArticleIntake intake;

	private final ArticleBodyRenderer bodyRenderer;

	private final Clock clock;

	private final int pageSize;

	static final Duration SECTIONS_TTL = Duration.ofSeconds(30);

	private final Cache<String, Loaded> bySlug = Caffeine.newBuilder().maximumSize(2_000).build();

	/**
	 * A loaded article and its media library lead image's id: the picture (alt text, caption, credit can change without
	 * the article changing) comes from {@link MediaLibrary#pictures}, which keeps its own cache, on every read.
	 */
	private record Loaded(Article article, Long leadMediaId) {
	}

	private final MediaLibrary media;

	private final Cache<Boolean, List<Section>> sections = Caffeine.newBuilder().expireAfterWrite(SECTIONS_TTL).build();

	private final ArticleAnnouncements announcements;

	/** Loads an article not kept, or changed since: its row and what {@link #complete} reads, in one snapshot. */
	private final TransactionTemplate loading;

	ArticleCatalog(PublishedArticleRepository repository, LabelRepository labels, ManuscriptRepository manuscripts,
			SlugRepository addresses, ArticleBodyRenderer bodyRenderer, Clock clock, ArticleProperties properties,
			ArticleAnnouncements announcements, MediaLibrary media, ArticleIntake intake,
			PlatformTransactionManager transactions) {
		this.loading = new TransactionTemplate(transactions);
		this.loading.setReadOnly(true);
		this.announcements = announcements;
		this.media = media;
		this.repository = repository;
		this.labels = labels;
		this.manuscripts = manuscripts;
		this.addresses = addresses;
		this.intake = intake;
		this.bodyRenderer = bodyRenderer;
		this.clock = clock;
		this.pageSize = properties.pageSize();
	}

	/**
	 * Changes how an article's discussion is run (moderators and editors).
	 * @throws IllegalArgumentException when there is no such published article or the days are not positive
	 */
	@Transactional
	public Article changeDiscussion(String slug, boolean open, DiscussionSettings settings) {
		if (settings.closeAfterDays() != null && settings.closeAfterDays() < 1) {
			throw new IllegalArgumentException("A discussion closes at least one day after publication.");
		}
		Article article = find(slug).orElseThrow(() -> new IllegalArgumentException("There is no article '" + slug + "'"));
		manuscripts.updateDiscussion(article.id(), open, settings);
		return find(slug).orElseThrow();
	}

	/**
	 * A published article by its slug; empty when unknown or not yet published. The version is read alone, outside a
	 * transaction (on PostgreSQL a read-only one is two more round trips, and every comment post and page built asks
	 * this); only an article not kept, or changed, is loaded, in one read-only transaction.
	 */
	public Optional<Article> find(String slug) {
		Optional<Long> version = repository.versionOfPublished(slug, clock.instant());
		if (version.isEmpty()) {
			return Optional.empty();
		}
		Loaded cached = bySlug.getIfPresent(slug);
		if (cached == null || cached.article().version() != version.get()) {
			cached = loading.execute(status -> repository.findPublished(slug, clock.instant())
				.map(row -> new Loaded(complete(row), row.leadMediaId()))
				.orElse(null));
			if (cached == null) {
				return Optional.empty();
			}
			bySlug.put(slug, cached);
		}
		if (cached.leadMediaId() == null) {
			return Optional.of(cached.article());
		}
		Picture picture = media.pictures(List.of(cached.leadMediaId())).get(cached.leadMediaId());
		return Optional.of(cached.article().withLeadImage(picture == null ? null : LeadImage.of(picture)));
	}

	/**
	 * The versions a finished page of this published article depends on, in one read; empty when it is not (or no
	 * longer) visible. No transaction: it is one statement, and opening and ending one would cost two more round trips
	 * on every page served from memory.
	 */
	public Optional<PageVersions> pageVersions(String slug) {
		return repository.pageVersions(slug, clock.instant());
	}

	/**
	 * Where a published article that was once at {@code oldSlug} lives now: its current slug, or empty when no visible
	 * article ever had that slug (or it is an article's current slug).
	 */
	@Transactional(readOnly = true)
	public Optional<String> movedTo(String oldSlug) {
		return addresses.movedTo(oldSlug, clock.instant());
	}

	/** The slug of a published article, by id. */
	@Transactional(readOnly = true)
	public Optional<String> slugOf(long articleId) {
		return repository.slugOfPublished(articleId, clock.instant());
	}

	@Transactional(readOnly = true)
	public ArticleList latest(int page) {
		return list(Filter.ALL, page, pageSize);
	}

	/** A page of the latest articles with a page size of the caller's choosing (1 to 100). */
	@Transactional(readOnly = true)
	public ArticleList latest(int page, int size) {
		return list(Filter.ALL, page, clamp(size));
	}

	@Transactional(readOnly = true)
	public ArticleList inSection(Section section, int page) {
		return inSection(section, page, pageSize);
	}

	/**
	 * A page of a section's latest articles, of a size of the caller's choosing (1 to 100). The Opinion section
	 * ({@link Section#OPINION_SLUG}) lists every piece of kind {@link ArticleKind#OPINION}, whatever section it is
	 * filed in: the kind says what a piece is, the section what it is about.
	 */
	@Transactional(readOnly = true)
	public ArticleList inSection(Section section, int page, int size) {
		return list(sectionFilter(section), page, clamp(size));
	}

	private static Filter sectionFilter(Section section) {
		return section.listsOpinion() ? new Filter(null, null, null, null, ArticleKind.OPINION)
				: new Filter(section.slug(), null, null, null);
	}

	@Transactional(readOnly = true)
	public ArticleList byAuthor(Author author, int page) {
		return byAuthor(author, page, pageSize);
	}

	/** A page of an author's latest articles, of a size of the caller's choosing (1 to 100). */
	@Transactional(readOnly = true)
	public ArticleList byAuthor(Author author, int page, int size) {
		return list(new Filter(null, author.slug(), null, null), page, clamp(size));
	}

	@Transactional(readOnly = true)
	public ArticleList tagged(Tag tag, int page) {
		return tagged(tag, page, pageSize);
	}

	/** A page of the latest articles with a tag, of a size of the caller's choosing (1 to 100). */
	@Transactional(readOnly = true)
	public ArticleList tagged(Tag tag, int page, int size) {
		return list(new Filter(null, null, tag.slug(), null), page, clamp(size));
	}

	/** The articles published since {@code since} (and by now), newest first, at most {@code limit} (1 to 1,000). */
	@Transactional(readOnly = true)
	public List<ArticleSummary> publishedSince(Instant since, int limit) {
		return list(new Filter(null, null, null, since), 1, Math.max(1, Math.min(1_000, limit))).items();
	}

	/** How many articles are published by now. */
	@Transactional(readOnly = true)
	public long countPublished() {
		return repository.count(Filter.ALL, clock.instant());
	}

	/**
	 * One page of every published article's address and times, oldest first, so that a page keeps its articles as
	 * new ones are published (sitemaps). Pages count from 1.
	 */
	@Transactional(readOnly = true)
	public List<ArticleStamp> stamps(int page, int size) {
		return repository.stamps(clock.instant(), size, (long) (Math.max(1, page) - 1) * size);
	}

	@Transactional(readOnly = true)
	public Optional<Tag> tag(String slug) {
		return labels.tag(slug);
	}

	/** Every author, by name. */
	@Transactional(readOnly = true)
	public List<Author> authors() {
		return labels.authors();
	}

	@Transactional(readOnly = true)
	public Optional<Section> section(String slug) {
		return labels.section(slug);
	}

	/**
	 * Every section, in the newsroom's order. Every page's navigation shows them, so they are kept for a short while:
	 * a change made on this node shows at once, one made on another node within {@link #SECTIONS_TTL}.
	 */
	public List<Section> sections() {
		return sections.get(Boolean.TRUE, all -> List.copyOf(labels.sections()));
	}

	/** Forgets the cached sections: the newsroom changed them. */
	void sectionsChanged() {
		sections.invalidateAll();
	}

	@Transactional(readOnly = true)
	public Optional<Author> author(String slug) {
		return labels.author(slug);
	}

	/**
	 * An article body's Markdown as readers will see it on the article page: the same renderer and sanitiser, so the
	 * newsroom's preview shows exactly what publishing will.
	 */
	public String renderBody(String markdown) {
		return bodyRenderer.render(markdown == null ? "" : markdown);
	}

	/**
	 * The media library images a body shows ({@code ![alt](media:42)}), in order of appearance: the newsroom checks
	 * each is in the library before it saves.
	 */
	public Set<Long> bodyMediaIds(String markdown) {
		return bodyRenderer.mediaIds(markdown);
	}

	/** The library images a body shows without alt text of its own, which must then have the library's. */
	public Set<Long> bodyMediaIdsWithoutAlt(String markdown) {
		return bodyRenderer.mediaIdsWithoutAlt(markdown);
	}

	/** Whether Markdown nests deeper than {@link MarkdownNesting#MAX_DEPTH}: the newsroom refuses to save it. */
	public boolean nestsTooDeep(String markdown) {
		return bodyRenderer.tooDeep(markdown);
	}

	/** Whether anything has ever been written into this database (the demo content is loaded only when not). */
	@Transactional(readOnly = true)
	public boolean isEmpty() {
		return manuscripts.countArticles() == 0;
	}

	@Transactional
	public Author addAuthor(String slug, String displayName, String title, String bio, String avatarUrl) {
		return addAuthor(slug, displayName, title, bio, avatarUrl, null);
	}

	/** An author profile linked to the account of the person it presents ({@code null}: none). */
	@Transactional
	public Author addAuthor(String slug, String displayName, String title, String bio, String avatarUrl,
			Long accountId) {
		long id = labels.insertAuthor(slug, displayName, title, bio, avatarUrl, accountId);
		return new Author(id, slug, displayName, title, bio, avatarUrl);
	}

	@Transactional
	public Section addSection(String slug, String name, String description, int position) {
		long id = labels.insertSection(slug, name, description, position);
		sections.invalidateAll();
		return new Section(id, slug, name, description);
	}

	/**
	 * Publishes a new article; one whose publication time has come is announced with {@link ArticlePublished} at once.
	 * @throws IllegalArgumentException when the slug is taken or a named author or section does not exist
	 */
	@Transactional
	public long publish(NewArticle article) {
		return intake.publish(article);
	}

	/**
	 * Stores an article brought in by an import (the {@code transfer} module) in the state it had where it came from:
	 * {@link ArticleState#PUBLISHED}, {@link ArticleState#SCHEDULED} or {@link ArticleState#DRAFT}. Unlike
	 * {@link #publish}, a published piece is not announced: subscribers and webhooks heard of it years ago, and a
	 * ten-year archive must not arrive as ten thousand "new article" messages. A scheduled one is announced at its time.
	 * Search indexing follows {@link ArticleChanged} as usual.
	 * @throws IllegalArgumentException when the slug is taken or a named author or section does not exist
	 */
	@Transactional
	public long importArticle(NewArticle article, ArticleState state, Long leadMediaId) {
		return intake.importArticle(article, state, leadMediaId);
	}

	/** Whether an article (in any state) has this slug. */
	@Transactional(readOnly = true)
	public boolean slugTaken(String slug) {
		return addresses.slugTaken(slug);
	}

	/** Whether a section has this slug. */
	@Transactional(readOnly = true)
	public boolean hasSection(String slug) {
		return labels.sectionId(slug).isPresent();
	}

	/** Whether an author profile has this slug. */
	@Transactional(readOnly = true)
	public boolean hasAuthor(String slug) {
		return labels.authorId(slug).isPresent();
	}

	/**
	 * These articles as a search index keeps them, in any state; an id with no article is left out.
	 */
	@Transactional(readOnly = true)
	public List<SearchableArticle> searchable(Collection<Long> ids) {
		List<SearchRow> rows = repository.forSearch(ids);
		List<Long> found = rows.stream().map(r -> r.row().id()).toList();
		Map<Long, List<Author>> authors = labels.authorsOf(found);
		Map<Long, List<Tag>> tags = labels.tagsOf(found);
		return rows.stream().map(r -> {
			ArticleRow row = r.row();
			return new SearchableArticle(row.id(), row.slug(), row.headline(), row.standfirst(),
					bodyRenderer.plainText(row.bodyMarkdown()), row.kind(), r.state(), row.section(),
					authors.getOrDefault(row.id(), List.of()), tags.getOrDefault(row.id(), List.of()), row.publishedAt());
		}).toList();
	}

	/** Ids of every article (any state) above {@code afterId}, ascending, at most {@code limit}: for rebuilding an index. */
	@Transactional(readOnly = true)
	public List<Long> articleIdsAfter(long afterId, int limit) {
		return repository.idsAfter(afterId, limit);
	}

	/**
	 * Which of these articles readers may see at this moment: the last word over an index that may lag the database
	 * by a moment.
	 */
	@Transactional(readOnly = true)
	public Set<Long> visibleAmong(Collection<Long> ids) {
		return Set.copyOf(repository.visibleAmong(ids, clock.instant()));
	}

	/**
	 * Articles whose publication time is from {@code from} up to (not including) {@code to}, and has come, oldest first: what a newsletter
	 * for that period lists.
	 */
	@Transactional(readOnly = true)
	public List<ArticleSummary> publishedBetween(Instant from, Instant to) {
		Instant now = clock.instant();
		List<ArticleRow> rows = repository.publishedBetween(from, to.isAfter(now) ? now : to);
		return summaries(rows);
	}

	/**
	 * Announces, with {@link ArticlePublished}, every future-dated article whose time has come; every node does this on
	 * a schedule ({@code gazette.articles.announce-interval}), and each article is announced once.
	 * @return how many articles this call announced
	 */
	public int announceDue() {
		return announcements.announceDue();
	}

	/** Rows as list items, with their bylines and library lead images (for {@link FrontPages}). */
	List<ArticleSummary> summariesOf(List<ArticleRow> rows) {
		return summaries(rows);
	}

	private List<ArticleSummary> summaries(List<ArticleRow> rows) {
		Map<Long, List<Author>> authors = labels.authorsOf(rows.stream().map(ArticleRow::id).toList());
		Map<Long, Picture> pictures = media.pictures(rows.stream().map(ArticleRow::leadMediaId).filter(id -> id != null).toList());
		return rows.stream()
			.map(row -> new ArticleSummary(row.id(), row.slug(), row.headline(), row.standfirst(), row.kind(),
					row.section(), authors.getOrDefault(row.id(), List.of()), row.publishedAt(), leadImage(row, pictures)))
			.toList();
	}

	private static LeadImage leadImage(ArticleRow row, Map<Long, Picture> pictures) {
		if (row.leadMediaId() == null) {
			return row.leadImage();
		}
		Picture picture = pictures.get(row.leadMediaId());
		return picture == null ? null : LeadImage.of(picture);
	}

	private static int clamp(int size) {
		return Math.max(1, Math.min(100, size));
	}

	private ArticleList list(Filter filter, int page, int pageSize) {
		int current = Math.max(1, page);
		List<ArticleRow> rows = repository.latest(filter, clock.instant(), pageSize, (long) (current - 1) * pageSize);
		long total = repository.count(filter, clock.instant());
		return new ArticleList(summaries(rows), current, pageSize, total);
	}

	private Article complete(ArticleRow row) {
		List<Long> id = List.of(row.id());
		return new Article(row.id(), row.slug(), row.headline(), row.standfirst(), row.bodyMarkdown(),
				bodyRenderer.render(row.bodyMarkdown()), row.kind(), row.section(),
				labels.authorsOf(id).getOrDefault(row.id(), List.of()),
				labels.tagsOf(id).getOrDefault(row.id(), List.of()), row.publishedAt(), row.updatedAt(),
				row.leadImage(), row.source(), row.canonicalUrl(), row.commentsOpen(), row.version(), row.discussion(),
				row.seoTitle(), row.seoDescription());
	}
}
