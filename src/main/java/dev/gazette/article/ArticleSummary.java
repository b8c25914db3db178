package dev.gazette.article;

import java.time.Instant;
import java.util.List;

/** What a list of articles needs of each: no body. */
public record ArticleSummary(long id, String slug, String headline, String standfirst, ArticleKind kind,
		Section section, List<Author> authors, Instant publishedAt, LeadImage leadImage) {

	public boolean isOpinion() {
		return kind == ArticleKind.OPINION;
	}
}
