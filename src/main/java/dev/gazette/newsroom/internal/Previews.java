package dev.gazette.newsroom.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.gazette.account.AccountPrincipal;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.article.ArticleState;
import dev.gazette.article.Author;
import dev.gazette.article.Manuscript;
import dev.gazette.article.Section;
import dev.gazette.media.MediaLibrary;
import dev.gazette.media.Picture;
import dev.gazette.publication.Publications;
import dev.gazette.publication.Timestamps;
import dev.gazette.newsroom.NewsroomException;
import dev.gazette.newsroom.Workflow;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

import org.springframework.stereotype.Component;

/**
 * Makes the whole-article preview from the editor's form as it stands, saved or not: headline, standfirst, section,
 * bylines, the lead image from the library and the body through the article page's own renderer and sanitiser.
 */
@Component
public class Previews {

	private final Workflow workflow;

	private final ArticleCatalog catalog;

	private final MediaLibrary media;

	private final Publications publications;

	private final TemplateEngine templates;

	public Previews(Workflow workflow, ArticleCatalog catalog, MediaLibrary media, Publications publications,
			TemplateEngine templates) {
		this.workflow = workflow;
		this.catalog = catalog;
		this.media = media;
		this.publications = publications;
		this.templates = templates;
	}

	/**
	 * The preview of {@code form}; {@code piece} (or {@code null} for a new one) says when it went or goes live.
	 * @throws NewsroomException when {@code who} may not write, or the body is too long or nests too deep
	 */
	public PreviewView of(EditorForm form, Manuscript piece, AccountPrincipal who) {
		String body = workflow.preview(form.bodyMarkdown(), who);
		return view(form, piece, body);
	}

	/** The same, with an empty body when the body cannot be rendered (the form says why beside the field). */
	public PreviewView lenient(EditorForm form, Manuscript piece, AccountPrincipal who) {
		String body;
		try {
			body = workflow.preview(form.bodyMarkdown(), who);
		}
		catch (NewsroomException tooLong) {
			body = "";
		}
		return view(form, piece, body);
	}

	/** The preview as the article page's HTML fragment: the {@code <article>} readers will get. */
	public String html(PreviewView preview) {
		StringOutput out = new StringOutput();
		templates.render("newsroom/preview-story.jte", Map.of("story", preview), out);
		return out.toString();
	}

	private PreviewView view(EditorForm form, Manuscript piece, String body) {
		List<Author> authors = new ArrayList<>();
		List<String> missing = new ArrayList<>();
		for (String slug : form.authors()) {
			Optional<Author> author = catalog.author(slug);
			author.ifPresentOrElse(authors::add, () -> missing.add(slug));
		}
		String section = form.section().isBlank() ? null : catalog.section(form.section()).map(Section::name).orElse(null);
		Long lead = form.leadImageValue();
		Picture picture = lead == null ? null : media.pictures(List.of(lead)).get(lead);
		String when = "Not published yet";
		if (piece != null && piece.publishedAt() != null
				&& (piece.state() == ArticleState.PUBLISHED || piece.state() == ArticleState.SCHEDULED)) {
			when = (piece.state() == ArticleState.SCHEDULED ? "To go live " : "")
					+ Timestamps.articleTime(piece.publishedAt(), publications.current().timeZone());
		}
		String headline = form.headline().isBlank() ? "(No headline yet)" : form.headline();
		return new PreviewView(headline, form.standfirst().isBlank() ? null : form.standfirst(), section,
				"opinion".equals(form.kind()), authors, when, picture, body, missing);
	}
}
