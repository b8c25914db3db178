package dev.gazette.article.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.gazette.article.ArticleChanged;
import dev.gazette.article.ArticleState;
import dev.gazette.article.NewArticle;
import dev.gazette.article.Slugs;
import dev.gazette.article.internal.ManuscriptRepository.ArticleInsert;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * New articles from outside the newsroom, in the caller's transaction: one published at once
 * ({@link dev.gazette.article.ArticleCatalog#publish}, announced when its time has come) and one brought in by an import
 * ({@link dev.gazette.article.ArticleCatalog#importArticle}, settled in the state it had and not announced again).
 * Both check the slug and resolve the section, bylines and tags the same way.
 */
@Component
public class ArticleIntake {

	private final ManuscriptRepository manuscripts;

	private final LabelRepository labels;

	private final SlugRepository addresses;

	private final ArticleAnnouncements announcements;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	public ArticleIntake(ManuscriptRepository manuscripts, LabelRepository labels, SlugRepository addresses,
			ArticleAnnouncements announcements, ApplicationEventPublisher events, Clock clock) {
		this.manuscripts = manuscripts;
		this.labels = labels;
		this.addresses = addresses;
		this.announcements = announcements;
		this.events = events;
		this.clock = clock;
	}

	public long publish(NewArticle article) {
		long id = insert(article, false);
		events.publishEvent(new ArticleChanged(id));
		// Visible now: announced now. A future-dated article is announced by ArticleAnnouncements when its time comes.
		if (article.publishedAt() != null && !article.publishedAt().isAfter(clock.instant())) {
			announcements.announce(id, clock.instant());
		}
		return id;
	}

	public long importArticle(NewArticle article, ArticleState state, Long leadMediaId) {
		long id = insert(article, true);
		Instant created = article.publishedAt() == null ? clock.instant() : article.publishedAt();
		manuscripts.settleImported(id, state, leadMediaId, created, clock.instant());
		events.publishEvent(new ArticleChanged(id));
		return id;
	}

	/**
	 * Inserts the article with its bylines and tags. An import's tags are made distinct (an imported post may name one
	 * tag twice); a publication's are taken as its caller gives them, as they always were.
	 * @throws IllegalArgumentException when the slug is taken or a named author or section does not exist
	 */
	private long insert(NewArticle article, boolean distinctTags) {
		if (addresses.slugTaken(article.slug())) {
			throw new IllegalArgumentException("An article with the slug '" + article.slug() + "' already exists");
		}
		Long sectionId = article.sectionSlug() == null ? null : labels.sectionId(article.sectionSlug())
			.orElseThrow(() -> new IllegalArgumentException("Unknown section '" + article.sectionSlug() + "'"));
		List<Long> authorIds = new ArrayList<>();
		for (String authorSlug : article.authorSlugs()) {
			authorIds.add(labels.authorId(authorSlug)
				.orElseThrow(() -> new IllegalArgumentException("Unknown author '" + authorSlug + "'")));
		}
		Stream<Long> tags = article.tags().stream().map(name -> labels.tagId(Slugs.of(name), name));
		List<Long> tagIds = (distinctTags ? tags.distinct() : tags).toList();
		return manuscripts.insertArticle(new ArticleInsert(article.slug(), article.headline(), article.standfirst(),
				article.bodyMarkdown(), article.kind(), sectionId, authorIds, tagIds, article.publishedAt(),
				article.updatedAt(), article.leadImage(), article.source(), article.canonicalUrl(),
				article.commentsOpen()));
	}
}
