package dev.gazette.article;

import java.time.Instant;
import java.util.List;

/**
 * A published piece with everything its page shows. {@code bodyHtml} is rendered from {@code bodyMarkdown} once,
 * when the article is loaded, and sanitised; {@code leadImage}, {@code source}, {@code seoTitle} and {@code seoDescription} are {@code null} when absent.
 */
public record Article(long id, String slug, String headline, String standfirst, String bodyMarkdown, String bodyHtml,
		ArticleKind kind, Section section, List<Author> authors, List<Tag> tags, Instant publishedAt,
		Instant updatedAt, LeadImage leadImage, Source source, String canonicalUrl, boolean commentsOpen,
		long version, DiscussionSettings discussion, String seoTitle, String seoDescription) {

	/** The title for search engines and share cards: the SEO title when the newsroom set one, else the headline. */
	public String searchTitle() {
		return seoTitle != null && !seoTitle.isBlank() ? seoTitle : headline;
	}

	/** The description for search engines and share cards: the SEO description, else the standfirst (may be null). */
	public String searchDescription() {
		return seoDescription != null && !seoDescription.isBlank() ? seoDescription : standfirst;
	}

	/** Whether the discussion takes comments at {@code now}: open, and not past its closing day. */
	public boolean takesCommentsAt(Instant now) {
		return commentsOpen && (discussion.closeAfterDays() == null
				|| now.isBefore(publishedAt.plus(java.time.Duration.ofDays(discussion.closeAfterDays()))));
	}

	public boolean isOpinion() {
		return kind == ArticleKind.OPINION;
	}

	/** The same article with another lead image (a media library picture, resolved when it is read). */
	Article withLeadImage(LeadImage image) {
		return new Article(id, slug, headline, standfirst, bodyMarkdown, bodyHtml, kind, section, authors, tags,
				publishedAt, updatedAt, image, source, canonicalUrl, commentsOpen, version, discussion, seoTitle, seoDescription);
	}

	public ArticleSummary summary() {
		return new ArticleSummary(id, slug, headline, standfirst, kind, section, authors, publishedAt, leadImage);
	}
}
