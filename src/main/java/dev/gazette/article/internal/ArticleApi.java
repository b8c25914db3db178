package dev.gazette.article.internal;

import dev.gazette.article.Article;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.article.ArticleList;
import dev.gazette.article.ArticleSummary;
import dev.gazette.article.Author;
import dev.gazette.article.LeadImage;
import dev.gazette.article.Pages;
import dev.gazette.article.Source;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriUtils;

/** Published articles as JSON: {@code /api/v1/articles}. */
@RestController
@RequestMapping("/api/v1/articles")
@Tag(name = "Articles")
public class ArticleApi {

	private final ArticleCatalog catalog;

	public ArticleApi(ArticleCatalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping
	@Operation(summary = "The latest published articles, newest first", description = "Pages count from 1; size is 1 to 100.")
	public ArticlePageJson latest(@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size) {
		ArticleList list = catalog.latest(page, size);
		return new ArticlePageJson(list.items().stream().map(ArticleSummaryJson::of).toList(), list.page(),
				list.pageSize(), list.total());
	}

	@GetMapping("/{slug}")
	@Operation(summary = "One published article with its body as Markdown and as sanitised HTML",
			description = "At a slug the article had before, 301 to its current address.")
	public ResponseEntity<ArticleJson> article(@PathVariable String slug) {
		Optional<Article> article = catalog.find(slug);
		if (article.isPresent()) {
			return ResponseEntity.ok(ArticleJson.of(article.get()));
		}
		String movedTo = catalog.movedTo(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
				"There is no published article at '" + slug + "'."));
		return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
			.location(URI.create("/api/v1/articles/" + UriUtils.encodePathSegment(movedTo, StandardCharsets.UTF_8)))
			.build();
	}

	public record ArticlePageJson(List<ArticleSummaryJson> items, int page, int size, long total) {
	}

	public record AuthorJson(String slug, String displayName, String title, String bio, String avatarUrl) {
		static AuthorJson of(Author author) {
			return new AuthorJson(author.slug(), author.displayName(), author.title(), author.bio(), author.avatarUrl());
		}
	}

	public record ArticleSummaryJson(String slug, String headline, String standfirst, String kind, String section,
			List<AuthorJson> authors, Instant publishedAt, LeadImage leadImage) {
		static ArticleSummaryJson of(ArticleSummary a) {
			return new ArticleSummaryJson(a.slug(), a.headline(), a.standfirst(), a.kind().key(),
					a.section() == null ? null : a.section().slug(), a.authors().stream().map(AuthorJson::of).toList(),
					a.publishedAt(), a.leadImage());
		}
	}

	public record ArticleJson(String slug, String headline, String standfirst, String kind, String section,
			List<String> tags, List<AuthorJson> authors, Instant publishedAt, Instant updatedAt, LeadImage leadImage,
			Source source, String canonicalUrl, boolean commentsOpen, String bodyMarkdown, String bodyHtml) {
		static ArticleJson of(Article a) {
			return new ArticleJson(a.slug(), a.headline(), a.standfirst(), a.kind().key(),
					a.section() == null ? null : a.section().slug(), a.tags().stream().map(dev.gazette.article.Tag::name).toList(),
					a.authors().stream().map(AuthorJson::of).toList(), a.publishedAt(), a.updatedAt(), a.leadImage(),
					a.source(), a.canonicalUrl(), a.commentsOpen(), a.bodyMarkdown(), a.bodyHtml());
		}
	}
}
