package dev.gazette.transfer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.gazette.article.ArticleCatalog;
import dev.gazette.article.ArticleKind;
import dev.gazette.article.ArticleState;
import dev.gazette.article.NewArticle;
import dev.gazette.article.Slugs;
import dev.gazette.comment.CommentStatus;
import dev.gazette.comment.Comments;
import dev.gazette.media.MediaException;
import dev.gazette.media.MediaItem;
import dev.gazette.media.MediaLibrary;
import dev.gazette.transfer.internal.ImportLedger;
import dev.gazette.transfer.internal.ImportScreening;
import dev.gazette.transfer.internal.OldPaths;
import dev.gazette.transfer.internal.PlainText;
import dev.gazette.transfer.internal.WordPressContent;
import dev.gazette.transfer.internal.Wxr;
import dev.gazette.transfer.internal.WxrReader;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a WordPress export. The file is read through once, writing nothing, to gather its authors, categories and
 * attachments and to make sure it is whole; then authors and sections are created, and each post or page is imported
 * with its comments in one transaction of its own, recorded in {@link ImportLedger} as it goes.
 * <p>
 * Its length is the mapping of one format, read in two passes (the survey, then authors, sections, items and their
 * comments); each step is a method of its own, and split apart they would pass the same maps and report between
 * classes.
 */
@Service
public class WordPressImport {

	static final String AUTHORS = "authors";

	static final String SECTIONS = "sections";

	static final String ARTICLES = "articles";

	static final String COMMENTS = "comments";

	static final String IMAGES = "images";

	static final String PINGBACKS = "pingbacks";

	static final String OTHER = "other items";

	private static final int BODY_MAX = 200_000;

	private static final int COMMENT_MAX = 10_000;

	private final ArticleCatalog catalog;

	private final Comments comments;

	private final MediaLibrary media;

	private final ImportLedger ledger;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final ImportScreening screening;

	WordPressImport(ArticleCatalog catalog, Comments comments, MediaLibrary media, ImportLedger ledger,
			TransactionTemplate transaction, Clock clock, ImportScreening screening) {
		this.screening = screening;
		this.catalog = catalog;
		this.comments = comments;
		this.media = media;
		this.ledger = ledger;
		this.transaction = transaction;
		this.clock = clock;
	}

	/** Hears how far an import has got: items done out of the file's posts and pages. */
	public interface Progress {

		void at(int done, int total);
	}

	private record Attachment(String id, String title, String url, String file, String alt, String caption,
			String description) {
	}

	/** What the first reading found. */
	private static final class Survey implements WxrReader.Visitor {

		String site = "";

		final List<Wxr.Author> authors = new ArrayList<>();

		final List<Wxr.Category> categories = new ArrayList<>();

		final Map<String, Attachment> attachments = new HashMap<>();

		int items;

		@Override
		public void site(String baseUrl) {
			site = baseUrl;
		}

		@Override
		public void author(Wxr.Author author) {
			authors.add(author);
		}

		@Override
		public void category(Wxr.Category category) {
			categories.add(category);
		}

		@Override
		public void item(Wxr.Item item) {
			if (item.type().equals("attachment")) {
				attachments.put(item.id(), new Attachment(item.id(), PlainText.of(item.title()), item.attachmentUrl(),
						item.meta("_wp_attached_file"), item.meta("_wp_attachment_image_alt"),
						PlainText.of(item.excerpt()), PlainText.of(item.content())));
			}
			else if (item.type().equals("post") || item.type().equals("page")) {
				items++;
			}
		}
	}

	/**
	 * Imports a WXR file.
	 * @param uploads a copy of the site's {@code wp-content/uploads}, or null: images are read from there only
	 * @throws ImportRefused when the file is not a whole, safe WordPress export; nothing was written then
	 */
	public ImportReport run(Path file, Path uploads, boolean dryRun, Progress progress) {
		return run(file, uploads, dryRun, false, progress);
	}

	/**
	 * The same; with {@code screen}, each comment published at the source that this site's classifier would hold is
	 * imported held and named in the report (in a dry run, only named).
	 */
	public ImportReport run(Path file, Path uploads, boolean dryRun, boolean screen, Progress progress) {
		if (screen) {
			screening.prepare();
		}
		Survey survey = new Survey();
		WxrReader.read(file, survey);
		ImportReport report = new ImportReport(dryRun, screen);
		String source = "wordpress:" + (survey.site.isBlank() ? file.getFileName().toString() : survey.site);
		Map<String, String> authorSlugs = authors(source, survey.authors, report);
		Map<String, String> sectionSlugs = sections(source, survey.categories, report);
		Map<String, String> parents = new HashMap<>();
		survey.categories.forEach(c -> parents.put(c.nicename(), c.parent()));
		int[] done = { 0 };
		WxrReader.read(file, new WxrReader.Visitor() {
			@Override
			public void item(Wxr.Item item) {
				if (item.type().equals("attachment")) {
					return;
				}
				if (!item.type().equals("post") && !item.type().equals("page")) {
					report.skipped(OTHER);
					return;
				}
				Long leadMedia = leadImage(source, item, survey.attachments, uploads, report);
				post(source, item, authorSlugs, sectionSlugs, parents, survey.attachments, leadMedia, report);
				progress.at(++done[0], survey.items);
			}
		});
		return report;
	}

	private Map<String, String> authors(String source, List<Wxr.Author> authors, ImportReport report) {
		Map<String, String> slugs = new HashMap<>();
		for (Wxr.Author author : authors) {
			Optional<String> known = ledger.key(source, "author", author.login());
			if (known.isPresent()) {
				slugs.put(author.login(), known.get());
				report.skipped(AUTHORS);
				continue;
			}
			String slug = Slugs.of(author.login());
			slug = slug.isEmpty() ? "author" : slug;
			String name = PlainText.of(author.displayName() == null || author.displayName().isBlank() ? author.login()
					: author.displayName());
			String finalSlug = slug;
			if (report.dryRun()) {
				report.created(AUTHORS);
			}
			else {
				transaction.executeWithoutResult(status -> {
					if (catalog.hasAuthor(finalSlug)) {
						report.note("WordPress author " + author.login() + " is the existing author profile " + finalSlug);
					}
					else {
						catalog.addAuthor(finalSlug, PlainText.limit(name, 120), null, null, null);
						report.created(AUTHORS);
					}
					ledger.record(source, "author", author.login(), null, finalSlug);
				});
			}
			slugs.put(author.login(), slug);
		}
		return slugs;
	}

	private Map<String, String> sections(String source, List<Wxr.Category> categories, ImportReport report) {
		Map<String, String> slugs = new HashMap<>();
		int position = 100;
		for (Wxr.Category category : categories) {
			if (category.nicename().equals("uncategorized")) {
				continue;
			}
			Optional<String> known = ledger.key(source, "section", category.nicename());
			if (known.isPresent()) {
				slugs.put(category.nicename(), known.get());
				report.skipped(SECTIONS);
				continue;
			}
			String slug = Slugs.of(decoded(category.nicename()));
			slug = slug.isEmpty() ? Slugs.of(category.name()) : slug;
			if (slug.isEmpty()) {
				report.failed(SECTIONS, "category “" + category.name() + "” has no usable slug");
				continue;
			}
			String finalSlug = slug;
			int at = position++;
			if (report.dryRun()) {
				report.created(SECTIONS);
			}
			else {
				transaction.executeWithoutResult(status -> {
					if (!catalog.hasSection(finalSlug)) {
						catalog.addSection(finalSlug, PlainText.limit(PlainText.of(category.name()), 120),
								category.description() == null || category.description().isBlank() ? null
										: PlainText.limit(PlainText.of(category.description()), 1000), at);
						report.created(SECTIONS);
					}
					else {
						report.note("WordPress category " + category.nicename() + " is the existing section " + finalSlug);
					}
					ledger.record(source, "section", category.nicename(), null, finalSlug);
				});
			}
			slugs.put(category.nicename(), slug);
		}
		return slugs;
	}

	private Long leadImage(String source, Wxr.Item item, Map<String, Attachment> attachments, Path uploads,
			ImportReport report) {
		String thumbnail = item.meta("_thumbnail_id");
		if (thumbnail == null || thumbnail.isBlank()) {
			return null;
		}
		Optional<Long> known = ledger.id(source, "media", thumbnail);
		if (known.isPresent()) {
			report.skipped(IMAGES);
			return known.get();
		}
		Attachment attachment = attachments.get(thumbnail);
		if (attachment == null) {
			report.failed(IMAGES, "post " + item.id() + ": its featured image (attachment " + thumbnail
					+ ") is not in the file");
			return null;
		}
		Path path = attachment.file() == null || uploads == null ? null : uploads.resolve(attachment.file()).normalize();
		if (path == null || !path.startsWith(uploads.normalize()) || !Files.isRegularFile(path)) {
			report.failed(IMAGES, "post " + item.id() + ": featured image " + (attachment.file() == null
					? attachment.url() : attachment.file()) + " not found" + (uploads == null
							? " (give a copy of wp-content/uploads with --uploads DIR)" : " under " + uploads)
					+ "; it was not fetched, Gazette reads no network during an import");
			return null;
		}
		if (report.dryRun()) {
			report.created(IMAGES);
			return null;
		}
		try {
			byte[] bytes = Files.readAllBytes(path);
			String caption = attachment.caption().isBlank() ? attachment.description() : attachment.caption();
			MediaItem stored = media.importUpload(new MediaLibrary.Upload(path.getFileName().toString(), bytes,
					PlainText.limit(attachment.alt() == null ? "" : attachment.alt(), 1000),
					PlainText.limit(caption, 2000), ""));
			transaction.executeWithoutResult(status -> ledger.record(source, "media", thumbnail, stored.id(), null));
			report.created(IMAGES);
			return stored.id();
		}
		catch (IOException | MediaException ex) {
			report.failed(IMAGES, "post " + item.id() + ": featured image " + attachment.file() + ": " + ex.getMessage());
			return null;
		}
	}

	private void post(String source, Wxr.Item item, Map<String, String> authorSlugs, Map<String, String> sectionSlugs,
			Map<String, String> parents, Map<String, Attachment> attachments, Long leadMedia, ImportReport report) {
		ArticleState state = switch (item.status()) {
			case "publish" -> ArticleState.PUBLISHED;
			case "future" -> ArticleState.SCHEDULED;
			case "draft", "pending", "private" -> ArticleState.DRAFT;
			default -> null;
		};
		if (state == null) {
			report.skipped(OTHER);
			return;
		}
		try {
			transaction.executeWithoutResult(status -> {
				Optional<Long> known = ledger.id(source, "post", item.id());
				long articleId;
				if (known.isPresent()) {
					articleId = known.get();
					report.skipped(ARTICLES);
				}
				else if (report.dryRun()) {
					articleId = -1;
					report.created(ARTICLES);
				}
				else {
					articleId = create(item, state, authorSlugs, sectionSlugs, parents, attachments, leadMedia);
					ledger.record(source, "post", item.id(), articleId, null);
					String path = item.link() == null ? "" : OldPaths.of(item.link());
					if (!path.equals("/")) {
						ledger.redirect(path, articleId);
					}
					report.created(ARTICLES);
				}
				comments(source, item, articleId, report);
			});
		}
		catch (RuntimeException ex) {
			report.failed(ARTICLES, item.type() + " " + item.id() + " “" + PlainText.of(item.title()) + "”: "
					+ ex.getMessage());
		}
	}

	private long create(Wxr.Item item, ArticleState state, Map<String, String> authorSlugs,
			Map<String, String> sectionSlugs, Map<String, String> parents, Map<String, Attachment> attachments,
			Long leadMedia) {
		String headline = PlainText.limit(PlainText.of(item.title()), 300);
		String standfirst = PlainText.limit(PlainText.of(item.excerpt()), 1000);
		String body = catalog.renderBody(WordPressContent.toHtml(item.content(), id -> galleryLink(attachments, id)));
		if (body.length() > BODY_MAX) {
			throw new IllegalArgumentException("its content is longer than " + BODY_MAX + " characters");
		}
		List<String> tags = item.terms().stream()
			.filter(t -> t.domain().equals("post_tag"))
			.map(t -> PlainText.limit(PlainText.of(t.name()), 120))
			.filter(t -> !Slugs.of(t).isEmpty())
			.distinct()
			.toList();
		String creator = authorSlugs.get(item.creator());
		Instant published = state == ArticleState.DRAFT ? null : item.date() != null ? item.date() : clock.instant();
		Instant updated = item.modified() != null && published != null && item.modified().isAfter(published)
				? item.modified() : null;
		NewArticle article = new NewArticle(slug(item), headline.isEmpty() ? "(untitled)" : headline,
				standfirst.isEmpty() ? null : standfirst, body, ArticleKind.NEWS, section(item, sectionSlugs, parents),
				creator == null ? List.of() : List.of(creator), tags, published, updated, null, null, null,
				item.commentsOpen());
		return catalog.importArticle(article, state, leadMedia);
	}

	private String slug(Wxr.Item item) {
		String base = Slugs.of(decoded(item.name()));
		if (base.isEmpty()) {
			base = Slugs.of(PlainText.of(item.title()));
		}
		if (base.isEmpty()) {
			base = item.type() + "-" + item.id();
		}
		base = base.length() > 180 ? base.substring(0, 180) : base;
		String slug = base;
		for (int n = 2; catalog.slugTaken(slug); n++) {
			slug = base + "-" + n;
		}
		return slug;
	}

	/** A WordPress slug, which is percent-encoded when it is not ASCII, as text. */
	private static String decoded(String slug) {
		String path = OldPaths.of(slug);
		return path.length() <= 1 ? "" : path.substring(1);
	}

	/** The post's most specific category: one that is no other of its categories' parent. */
	private static String section(Wxr.Item item, Map<String, String> sectionSlugs, Map<String, String> parents) {
		List<String> mine = item.terms().stream()
			.filter(t -> t.domain().equals("category") && sectionSlugs.containsKey(t.nicename()))
			.map(Wxr.Term::nicename)
			.toList();
		Set<String> parentsOfMine = new HashSet<>();
		mine.forEach(c -> parentsOfMine.add(parents.getOrDefault(c, "")));
		return mine.stream().filter(c -> !parentsOfMine.contains(c)).findFirst()
			.or(() -> mine.stream().findFirst())
			.map(sectionSlugs::get)
			.orElse(null);
	}

	private static String galleryLink(Map<String, Attachment> attachments, String id) {
		Attachment attachment = attachments.get(id);
		if (attachment == null || attachment.url() == null) {
			return null;
		}
		String label = attachment.title().isBlank() ? attachment.url() : attachment.title();
		return "<a href=\"" + escape(attachment.url()) + "\">" + escape(label) + "</a>";
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	/** The post's comments, parents before replies whatever the file's order, each once. */
	private void comments(String source, Wxr.Item item, long articleId, ImportReport report) {
		Map<String, Long> ids = new HashMap<>();
		List<Wxr.Comment> waiting = new ArrayList<>();
		for (Wxr.Comment comment : item.comments()) {
			if (comment.type().equals("pingback") || comment.type().equals("trackback")) {
				report.skipped(PINGBACKS);
			}
			else {
				waiting.add(comment);
			}
		}
		boolean progress = true;
		while (!waiting.isEmpty() && progress) {
			progress = false;
			for (var it = waiting.iterator(); it.hasNext();) {
				Wxr.Comment comment = it.next();
				if (!comment.isTopLevel() && !ids.containsKey(comment.parent())) {
					continue;
				}
				it.remove();
				progress = true;
				Long parent = comment.isTopLevel() ? null : ids.get(comment.parent());
				comment(source, comment, articleId, parent, ids, report);
			}
		}
		waiting.forEach(c -> report.failed(COMMENTS, "comment " + c.id() + " on post " + item.id()
				+ " answers comment " + c.parent() + ", which is not in the file"));
	}

	private void comment(String source, Wxr.Comment comment, long articleId, Long parent, Map<String, Long> ids,
			ImportReport report) {
		Optional<Long> known = ledger.id(source, "comment", comment.id());
		if (known.isPresent()) {
			ids.put(comment.id(), known.get());
			report.skipped(COMMENTS);
			return;
		}
		String body = PlainText.comment(comment.content());
		// A comment its writer deleted has no text left (Gazette's own export writes it so, as trash); it comes in
		// deleted, so that its replies keep their place under it.
		boolean deletedByWriter = body.isBlank()
				&& (comment.approved().equals("trash") || comment.approved().equals("post-trashed"));
		if ((body.isBlank() && !deletedByWriter) || body.length() > COMMENT_MAX) {
			report.failed(COMMENTS, "comment " + comment.id() + (body.isBlank() ? " is empty" : " is longer than "
					+ COMMENT_MAX + " characters"));
			return;
		}
		CommentStatus status = deletedByWriter ? CommentStatus.DELETED : switch (comment.approved()) {
			case "1" -> CommentStatus.PUBLISHED;
			case "spam", "trash", "post-trashed" -> CommentStatus.REJECTED;
			default -> CommentStatus.PENDING;
		};
		if (report.screened() && status == CommentStatus.PUBLISHED) {
			Optional<String> reasons = screening.wouldHold(body);
			if (reasons.isPresent()) {
				report.heldByScreening("comment " + comment.id(), reasons.get());
				status = CommentStatus.PENDING;
			}
		}
		if (report.dryRun() || articleId < 0) {
			ids.put(comment.id(), -1L);
			report.created(COMMENTS);
			return;
		}
		String name = PlainText.limit(PlainText.of(comment.author()), 60);
		String email = comment.email() == null || comment.email().isBlank() || comment.email().length() > 320 ? null
				: comment.email().strip();
		Instant at = comment.date() != null ? comment.date() : clock.instant();
		long id = comments.importComment(articleId, parent, name.isEmpty() ? "Anonymous" : name, null, email, body,
				status, at);
		ledger.record(source, "comment", comment.id(), id, null);
		ids.put(comment.id(), id);
		report.created(COMMENTS);
	}
}
