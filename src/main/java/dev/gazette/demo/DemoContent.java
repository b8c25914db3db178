package dev.gazette.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.gazette.account.AccountAdministration;
import dev.gazette.account.Role;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.article.ArticleKind;
import dev.gazette.article.LeadImage;
import dev.gazette.article.NewArticle;
import dev.gazette.article.Source;
import dev.gazette.comment.CommentStatus;
import dev.gazette.comment.Comments;
import dev.gazette.publication.Publication;
import dev.gazette.publication.Publications;
import dev.gazette.publication.SecondCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo publication (written for Gazette, in {@code src/main/resources/demo/}): settings, sections, authors,
 * articles with lead images, and discussions. Loaded once, into a database that has no articles yet.
 */
@Component
class DemoContent {

	private static final Logger log = LoggerFactory.getLogger(DemoContent.class);

	private final ArticleCatalog catalog;

	private final Comments comments;

	private final AccountAdministration administration;

	private final Publications publications;

	private final ObjectMapper json;

	DemoContent(ArticleCatalog catalog, Comments comments, Publications publications, ObjectMapper json,
			AccountAdministration administration) {
		this.administration = administration;
		this.catalog = catalog;
		this.comments = comments;
		this.publications = publications;
		this.json = json;
	}

	/** Loads the demo content if the database holds no article; answers whether it did. */
	@Transactional
	public boolean loadIntoEmptyDatabase() {
		if (!catalog.isEmpty()) {
			return false;
		}
		Content content = read("demo/content.json", Content.class);
		PublicationJson p = content.publication();
		publications.update(new Publication(p.name(), p.tagline(), ZoneId.of(p.timeZone()),
				SecondCalendar.fromKey(p.secondCalendar()), p.opinionDisclaimer(), p.contributorInvitation()));
		int position = 0;
		for (SectionJson section : content.sections()) {
			catalog.addSection(section.slug(), section.name(), section.description(), position++);
		}
		Map<String, Long> staffAccounts = new HashMap<>();
		for (AuthorJson author : content.authors()) {
			Long accountId = null;
			if (author.staff() != null) {
				accountId = administration.createStaff(author.staff().email(), author.displayName(),
						Role.fromKey(author.staff().role()));
				staffAccounts.put(author.displayName(), accountId);
			}
			catalog.addAuthor(author.slug(), author.displayName(), author.title(), author.bio(), author.avatar(),
					accountId);
		}
		Map<String, ArticleIds> articles = new HashMap<>();
		for (ArticleJson article : content.articles()) {
			long id = catalog.publish(new NewArticle(article.slug(), article.headline(), article.standfirst(),
					text(article.bodyFile()), ArticleKind.fromKey(article.kind()), article.section(), article.authors(),
					article.tags(), article.publishedAt(), article.updatedAt(), article.leadImage(), article.source(),
					article.canonicalUrl(), true));
			articles.put(article.slug(), new ArticleIds(id, article.publishedAt()));
		}
		int commentCount = 0;
		for (DiscussionJson discussion : content.discussions()) {
			ArticleIds article = articles.get(discussion.article());
			Map<String, Long> idsByKey = new HashMap<>();
			for (CommentJson comment : discussion.comments()) {
				Long parentId = comment.parent() == null ? null : idsByKey.get(comment.parent());
				CommentStatus status = comment.status() == null ? CommentStatus.PUBLISHED
						: CommentStatus.fromKey(comment.status());
				Instant at = article.publishedAt().plus(Duration.ofMinutes(comment.minutesAfter()));
				idsByKey.put(comment.key(), comments.importComment(article.id(), parentId, comment.author(),
						staffAccounts.get(comment.author()), comment.body(), status, at));
				commentCount++;
			}
		}
		log.info("Loaded the demo content: {} articles, {} comments", content.articles().size(), commentCount);
		return true;
	}

	private <T> T read(String path, Class<T> type) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return json.readValue(in, type);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the demo content " + path, ex);
		}
	}

	private static String text(String path) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the demo article " + path, ex);
		}
	}

	private record ArticleIds(long id, Instant publishedAt) {
	}

	record Content(PublicationJson publication, List<SectionJson> sections, List<AuthorJson> authors,
			List<ArticleJson> articles, List<DiscussionJson> discussions) {
	}

	record PublicationJson(String name, String tagline, String timeZone, String secondCalendar,
			String opinionDisclaimer, String contributorInvitation) {
	}

	record SectionJson(String slug, String name, String description) {
	}

	/** {@code staff}, when present, makes the author a staff account too, whose comments are theirs. */
	record AuthorJson(String slug, String displayName, String title, String bio, String avatar, StaffJson staff) {
	}

	record StaffJson(String role, String email) {
	}

	record ArticleJson(String slug, String headline, String standfirst, String kind, String section, List<String> tags,
			List<String> authors, Instant publishedAt, Instant updatedAt, LeadImage leadImage, Source source,
			String canonicalUrl, String bodyFile) {
	}

	record DiscussionJson(String article, List<CommentJson> comments) {
	}

	record CommentJson(String key, String parent, String author, String body, long minutesAfter, String status) {
	}
}
