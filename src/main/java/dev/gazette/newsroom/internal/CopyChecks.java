package dev.gazette.newsroom.internal;

import dev.gazette.article.ArticleCatalog;
import dev.gazette.article.ArticleCopy;
import dev.gazette.article.ArticleKind;
import dev.gazette.article.Manuscript;
import dev.gazette.article.Manuscripts;
import dev.gazette.article.MarkdownNesting;
import dev.gazette.article.Section;
import dev.gazette.article.Slugs;
import dev.gazette.article.WebAddresses;
import dev.gazette.media.MediaLibrary;
import dev.gazette.newsroom.NewsroomException;

import org.springframework.stereotype.Component;

import static dev.gazette.newsroom.Workflow.HEADLINE_MAX;
import static dev.gazette.newsroom.Workflow.SEO_DESCRIPTION_MAX;
import static dev.gazette.newsroom.Workflow.SEO_TITLE_MAX;

/**
 * What a piece's copy must be, whoever writes it: to be kept at all ({@link #check}: lengths, a free slug, sections,
 * authors and library images that exist, web addresses), and to be shown to readers ({@link #readyForReaders}: a byline,
 * a body, alt text for every image). Each refusal names the field at fault. Who may write it is
 * {@link dev.gazette.newsroom.Workflow}'s question, asked before these.
 */
@Component
public class CopyChecks {

	static final int BODY_MAX = 200_000;

	private final Manuscripts manuscripts;

	private final ArticleCatalog catalog;

	private final MediaLibrary media;

	CopyChecks(Manuscripts manuscripts, ArticleCatalog catalog, MediaLibrary media) {
		this.manuscripts = manuscripts;
		this.catalog = catalog;
		this.media = media;
	}

	/** A body's Markdown: at most {@value #BODY_MAX} characters, nested no deeper than readers' pages allow. */
	public void body(String markdown) {
		bodyLength(markdown);
		if (catalog.nestsTooDeep(markdown)) {
			throw NewsroomException.badInput("bodyMarkdown", MarkdownNesting.PROBLEM);
		}
	}

	/** A body's length alone (an autosave keeps whatever it is typed, nested or not). */
	public void bodyLength(String markdown) {
		if (markdown != null && markdown.length() > BODY_MAX) {
			throw NewsroomException.badInput("bodyMarkdown", "The body is at most 200,000 characters; this one has "
					+ markdown.length() + ".");
		}
	}

	/** The copy of piece {@code id} ({@code null} for a new one), refused at its first fault. */
	public void check(ArticleCopy copy, Long id) {
		if (copy.headline() == null || copy.headline().isBlank()) {
			throw NewsroomException.badInput("headline", "A headline is required.");
		}
		if (copy.headline().length() > HEADLINE_MAX) {
			throw NewsroomException.badInput("headline", "A headline is at most 300 characters.");
		}
		String slug = copy.slug();
		if (slug == null || slug.isEmpty() || slug.length() > 200 || !Slugs.of(slug).equals(slug)) {
			throw NewsroomException.badInput("slug", "A slug is 1 to 200 lower-case letters and digits joined by "
					+ "single hyphens, like ‘river-commission-to-reopen’.");
		}
		manuscripts.holderOfSlug(slug).filter(holder -> !holder.equals(id)).ifPresent(holder -> {
			throw NewsroomException.conflict("slug", "Another article already has the slug ‘" + slug + "’.");
		});
		atMost("standfirst", copy.standfirst(), 1_000);
		body(copy.bodyMarkdown());
		if (copy.sectionSlug() != null && catalog.section(copy.sectionSlug()).isEmpty()) {
			throw NewsroomException.badInput("section", "There is no section ‘" + copy.sectionSlug() + "’.");
		}
		// The kind says what a piece is, and the Opinion section lists opinion by its kind: a news piece filed there
		// would be on no page of that section.
		if (copy.sectionSlug() != null && copy.kind() != ArticleKind.OPINION
				&& catalog.section(copy.sectionSlug()).filter(Section::listsOpinion).isPresent()) {
			throw NewsroomException.badInput("kind", "A piece in the Opinion section is an opinion piece: choose the "
					+ "kind Opinion, or another section.");
		}
		for (String author : copy.authorSlugs()) {
			if (catalog.author(author).isEmpty()) {
				throw NewsroomException.badInput("authors", "There is no author ‘" + author + "’.");
			}
		}
		for (String tag : copy.tags()) {
			if (tag.length() > 120 || Slugs.of(tag).isEmpty()) {
				throw NewsroomException.badInput("tags", "A tag is up to 120 characters with at least one letter or digit.");
			}
		}
		if (copy.source() != null) {
			atMost("source", copy.source().name(), 200);
			webAddress("source", copy.source().url());
		}
		webAddress("canonicalUrl", copy.canonicalUrl());
		for (Long image : catalog.bodyMediaIds(copy.bodyMarkdown())) {
			if (media.find(image).isEmpty()) {
				throw NewsroomException.badInput("bodyMarkdown", "The body shows image " + image + " (media:" + image
						+ "), which is not in the media library: pick it again from the library.");
			}
		}
		if (copy.leadImageId() != null && media.find(copy.leadImageId()).isEmpty()) {
			throw NewsroomException.badInput("leadImage", "There is no image " + copy.leadImageId()
					+ " in the media library.");
		}
		atMost("seoTitle", copy.seoTitle(), SEO_TITLE_MAX);
		atMost("seoDescription", copy.seoDescription(), SEO_DESCRIPTION_MAX);
	}

	private static void atMost(String field, String value, int max) {
		if (value != null && value.length() > max) {
			throw NewsroomException.badInput(field, field + " is at most " + max + " characters.");
		}
	}

	private static void webAddress(String field, String url) {
		if (url != null && !WebAddresses.isWebAddress(url, 1_000)) {
			throw NewsroomException.badInput(field, field + " must be an http or https address of up to 1,000 characters.");
		}
	}

	/** Whether a piece may go live now (publishing or scheduling it); a conflict names what is missing. */
	public void readyForReaders(Manuscript piece) {
		if (piece.copy().authorSlugs().isEmpty()) {
			throw NewsroomException.conflict("authors", "A piece needs at least one author in its byline before readers see it.");
		}
		if (piece.copy().bodyMarkdown().isBlank()) {
			throw NewsroomException.conflict("bodyMarkdown", "A piece needs a body before readers see it.");
		}
		for (Long image : catalog.bodyMediaIdsWithoutAlt(piece.copy().bodyMarkdown())) {
			if (media.find(image).map(item -> item.alt() == null).orElse(true)) {
				throw NewsroomException.conflict("bodyMarkdown", "Image " + image + " in the body needs alt text before "
						+ "readers see it: write it in the body (![What it shows](media:" + image + ")) or add it in the "
						+ "media library.");
			}
		}
		if (piece.copy().leadImageId() != null) {
			media.missingForPublication(piece.copy().leadImageId()).ifPresent(missing -> {
				throw NewsroomException.conflict("leadImage", missing);
			});
		}
	}

	/** A slug made from the headline that no other article has: {@code slug}, {@code slug-2}, {@code slug-3}, … */
	public String freeSlug(String generated, Long id) {
		String base = generated == null || generated.isEmpty() ? "article" : generated;
		base = base.length() > 190 ? base.substring(0, 190).replaceAll("-+$", "") : base;
		String candidate = base;
		for (int n = 2; manuscripts.holderOfSlug(candidate).filter(holder -> !holder.equals(id)).isPresent(); n++) {
			candidate = base + "-" + n;
		}
		return candidate;
	}
}
