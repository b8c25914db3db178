package dev.gazette.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.gazette.article.ArticleCatalog;
import dev.gazette.article.ArticleKind;
import dev.gazette.article.Author;
import dev.gazette.article.LeadImage;
import dev.gazette.article.NewArticle;
import dev.gazette.article.Section;
import dev.gazette.article.Source;

/**
 * Test fixtures made the way the newsroom makes them, through {@link ArticleCatalog}: authors, sections and
 * published articles, each with a slug no other test uses.
 */
public final class Newsroom {

	/** {@code December 11, 2015 4:31 am} in Jerusalem. */
	public static final Instant DEFAULT_PUBLISHED_AT = Instant.parse("2015-12-11T02:31:00Z");

	private final ArticleCatalog catalog;

	public Newsroom(ArticleCatalog catalog) {
		this.catalog = catalog;
	}

	public static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	public Author author(String displayName) {
		return catalog.addAuthor(unique("author"), displayName, "Staff writer",
				displayName + " writes about cities and the sea.", "/avatars/" + unique("avatar") + ".png");
	}

	public Section section(String name) {
		return catalog.addSection(unique("section"), name, "Everything about " + name + ".", 0);
	}

	public ArticleDraft article() {
		return new ArticleDraft();
	}

	/** An article as published: what tests need to find it again. */
	public record Published(long id, String slug, String headline, String standfirst, List<Author> authors) {

		public String path() {
			return "/articles/" + slug;
		}
	}

	/** An article about to be published; every field has a sensible default. */
	public final class ArticleDraft {

		private String slug = unique("article");

		private String headline = "Harbour council approves the new sea wall";

		private String standfirst = "The wall will be built over three summers.";

		private String body = "The council voted on Tuesday.\n\nWork begins in spring.";

		private ArticleKind kind = ArticleKind.NEWS;

		private String sectionSlug;

		private final List<Author> authors = new ArrayList<>();

		private Instant publishedAt = DEFAULT_PUBLISHED_AT;

		private Instant updatedAt;

		private LeadImage leadImage;

		private Source source;

		private boolean commentsOpen = true;

		private final List<String> tags = new ArrayList<>();

		public ArticleDraft slug(String slug) {
			this.slug = slug;
			return this;
		}

		public ArticleDraft headline(String headline) {
			this.headline = headline;
			return this;
		}

		public ArticleDraft standfirst(String standfirst) {
			this.standfirst = standfirst;
			return this;
		}

		public ArticleDraft body(String markdown) {
			this.body = markdown;
			return this;
		}

		public ArticleDraft opinion() {
			this.kind = ArticleKind.OPINION;
			return this;
		}

		public ArticleDraft in(Section section) {
			this.sectionSlug = section.slug();
			return this;
		}

		public ArticleDraft by(Author... authors) {
			this.authors.addAll(List.of(authors));
			return this;
		}

		public ArticleDraft publishedAt(Instant publishedAt) {
			this.publishedAt = publishedAt;
			return this;
		}

		public ArticleDraft updatedAt(Instant updatedAt) {
			this.updatedAt = updatedAt;
			return this;
		}

		public ArticleDraft leadImage(LeadImage leadImage) {
			this.leadImage = leadImage;
			return this;
		}

		public ArticleDraft originallyPublishedBy(String name, String url) {
			this.source = new Source(name, url);
			return this;
		}

		public ArticleDraft tagged(String... names) {
			this.tags.addAll(List.of(names));
			return this;
		}

		public ArticleDraft closedForComments() {
			this.commentsOpen = false;
			return this;
		}

		public Published publish() {
			if (authors.isEmpty()) {
				authors.add(author("Dana Reporter"));
			}
			long id = catalog.publish(new NewArticle(slug, headline, standfirst, body, kind, sectionSlug,
					authors.stream().map(Author::slug).toList(), List.copyOf(tags), publishedAt, updatedAt, leadImage, source,
					null, commentsOpen));
			return new Published(id, slug, headline, standfirst, List.copyOf(authors));
		}
	}
}
