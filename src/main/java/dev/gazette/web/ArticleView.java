package dev.gazette.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.gazette.article.Article;
import dev.gazette.article.Author;
import dev.gazette.publication.Publication;
import dev.gazette.publication.Timestamps;

import org.springframework.web.util.UriUtils;

/**
 * An article as its page shows it: times written in the publication's zone, the canonical address, the
 * syndication credit and the share links.
 */
public record ArticleView(Article article, String publishedText, String publishedIso, String updatedText,
		String updatedIso, String url, String canonicalUrl, String opinionDisclaimer, String contributorInvitation,
		int commentCount) {

	public static ArticleView of(Article article, Publication publication, String baseUrl, int commentCount) {
		String url = baseUrl + "/articles/" + article.slug();
		boolean updated = article.updatedAt() != null && article.updatedAt().isAfter(article.publishedAt());
		return new ArticleView(article, Timestamps.articleTime(article.publishedAt(), publication.timeZone()),
				article.publishedAt().toString(),
				updated ? Timestamps.articleTime(article.updatedAt(), publication.timeZone()) : null,
				updated ? article.updatedAt().toString() : null, url,
				article.canonicalUrl() != null ? article.canonicalUrl() : url, publication.opinionDisclaimer(),
				publication.contributorInvitation(), commentCount);
	}

	public String path() {
		return "/articles/" + article.slug();
	}

	public List<Author> authors() {
		return article.authors();
	}

	/** {@code Email a copy of “HEADLINE” to a friend}: the form that sends it from Gazette. */
	public String emailToFriendHref() {
		return path() + "/email";
	}

	public String facebookShareHref() {
		return "https://www.facebook.com/sharer/sharer.php?u=" + encode(url);
	}

	public String xShareHref() {
		return "https://x.com/intent/post?url=" + encode(url) + "&text=" + encode(article.headline());
	}

	public String emailShareHref() {
		return "mailto:?subject=" + encode(article.headline()) + "&body=" + encode(url);
	}

	private static String encode(String text) {
		return UriUtils.encode(text, StandardCharsets.UTF_8);
	}

}
