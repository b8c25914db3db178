package dev.gazette.web;

import dev.gazette.article.ArticleSummary;
import dev.gazette.publication.Publication;
import dev.gazette.publication.Timestamps;

/** An article in a list: the summary plus its date and comment count, ready to print. */
public record CardView(ArticleSummary article, String publishedText, String publishedIso, int commentCount) {

	public static CardView of(ArticleSummary article, Publication publication, int commentCount) {
		return new CardView(article, Timestamps.date(article.publishedAt(), publication.timeZone()),
				article.publishedAt().toString(), commentCount);
	}

	public String path() {
		return "/articles/" + article.slug();
	}
}
