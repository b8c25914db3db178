package dev.gazette.transfer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import dev.gazette.article.ArticleCatalog;
import dev.gazette.transfer.internal.SiteRows;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The publication as one JSON document per kind, for other tools: {@code articles.json}, {@code comments.json},
 * {@code authors.json}, {@code sections.json}, {@code tags.json}, {@code media.json} (metadata and addresses; the
 * images are served at them) and {@code pages.json}. Each is
 * an object with the format ({@code gazette-export}), its version (1), the kind, the site, the time of the export, an
 * {@code items} array and their {@code count}, written item by item with a streaming generator. Everything in every state is there; readers' e-mail addresses only when asked.
 */
@Service
public class JsonExport {

	/** The kinds, each one document. */
	public enum Kind {
		ARTICLES, COMMENTS, AUTHORS, SECTIONS, TAGS, MEDIA, PAGES;

		public String fileName() {
			return name().toLowerCase(Locale.ROOT) + ".json";
		}

		/** The kind a file name names ({@code articles.json}), if any. */
		public static Optional<Kind> of(String fileName) {
			return Arrays.stream(values()).filter(k -> k.fileName().equals(fileName)).findFirst();
		}
	}

	private static final JsonFactory JSON = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

	private final SiteRows rows;

	private final ArticleCatalog catalog;

	private final String baseUrl;

	private final Clock clock;

	JsonExport(SiteRows rows, ArticleCatalog catalog, @Value("${gazette.base-url}") String baseUrl, Clock clock) {
		this.rows = rows;
		this.catalog = catalog;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.clock = clock;
	}

	/** Writes every kind into {@code dir}, one file each; the number of items written by kind, in the same order. */
	public long[] writeAll(Path dir, ExportOptions options, WordPressImport.Progress progress) {
		Kind[] kinds = Kind.values();
		long[] written = new long[kinds.length];
		try {
			Files.createDirectories(dir);
			for (int i = 0; i < kinds.length; i++) {
				try (OutputStream out = Files.newOutputStream(dir.resolve(kinds[i].fileName()))) {
					written[i] = write(kinds[i], out, options);
				}
				progress.at(i + 1, kinds.length);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return written;
	}

	/** Writes one kind's document to {@code out} (left open); how many items it holds. */
	public long write(Kind kind, OutputStream out, ExportOptions options) {
		long[] count = { 0 };
		try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
			json.writeStartObject();
			json.writeStringProperty("format", "gazette-export");
			json.writeNumberProperty("version", 1);
			json.writeStringProperty("kind", kind.name().toLowerCase(Locale.ROOT));
			json.writeStringProperty("site", baseUrl);
			json.writeStringProperty("exportedAt", clock.instant().toString());
			json.writeArrayPropertyStart("items");
			switch (kind) {
				case ARTICLES -> rows.articles(a -> {
					article(json, a);
					count[0]++;
				});
				case COMMENTS -> rows.comments(c -> {
					comment(json, c, options);
					count[0]++;
				});
				case AUTHORS -> rows.authors(a -> {
					json.writeStartObject();
					json.writeNumberProperty("id", a.id());
					json.writeStringProperty("slug", a.slug());
					json.writeStringProperty("displayName", a.displayName());
					json.writeStringProperty("title", a.title());
					json.writeStringProperty("bio", a.bio());
					json.writeStringProperty("email", a.email());
					json.writeStringProperty("websiteUrl", a.websiteUrl());
					json.writeEndObject();
					count[0]++;
				});
				case SECTIONS -> rows.sections(s -> {
					json.writeStartObject();
					json.writeNumberProperty("id", s.id());
					json.writeStringProperty("slug", s.slug());
					json.writeStringProperty("name", s.name());
					json.writeStringProperty("description", s.description());
					json.writeNumberProperty("position", s.position());
					json.writeEndObject();
					count[0]++;
				});
				case TAGS -> rows.tags(t -> {
					json.writeStartObject();
					json.writeNumberProperty("id", t.id());
					json.writeStringProperty("slug", t.slug());
					json.writeStringProperty("name", t.name());
					json.writeEndObject();
					count[0]++;
				});
				case MEDIA -> rows.media(m -> {
					json.writeStartObject();
					json.writeNumberProperty("id", m.id());
					json.writeStringProperty("fileName", m.fileName());
					json.writeStringProperty("contentType", m.contentType());
					json.writeNumberProperty("width", m.width());
					json.writeNumberProperty("height", m.height());
					json.writeNumberProperty("byteSize", m.byteSize());
					json.writeStringProperty("url", baseUrl + m.largestPath());
					json.writeArrayPropertyStart("widths");
					for (int width : m.widths()) {
						json.writeNumber(width);
					}
					json.writeEndArray();
					json.writeStringProperty("alt", m.alt());
					json.writeStringProperty("caption", m.caption());
					json.writeStringProperty("credit", m.credit());
					time(json, "createdAt", m.createdAt());
					time(json, "updatedAt", m.updatedAt());
					json.writeEndObject();
					count[0]++;
				});
				case PAGES -> rows.pages(p -> {
					json.writeStartObject();
					json.writeStringProperty("slug", p.slug());
					json.writeStringProperty("title", p.title());
					json.writeStringProperty("bodyMarkdown", p.bodyMarkdown());
					time(json, "updatedAt", p.updatedAt());
					json.writeEndObject();
					count[0]++;
				});
			}
			json.writeEndArray();
			json.writeNumberProperty("count", count[0]);
			json.writeEndObject();
		}
		return count[0];
	}

	private void article(JsonGenerator json, SiteRows.ArticleRow a) {
		json.writeStartObject();
		json.writeNumberProperty("id", a.id());
		json.writeStringProperty("slug", a.slug());
		json.writeStringProperty("state", a.state());
		json.writeStringProperty("kind", a.kind());
		json.writeStringProperty("headline", a.headline());
		json.writeStringProperty("standfirst", a.standfirst());
		json.writeStringProperty("bodyMarkdown", a.bodyMarkdown());
		json.writeStringProperty("bodyHtml", WxrExport.readable(catalog.renderBody(a.bodyMarkdown())));
		json.writeStringProperty("section", a.section());
		json.writeArrayPropertyStart("authors");
		a.authors().forEach(json::writeString);
		json.writeEndArray();
		json.writeArrayPropertyStart("tags");
		a.tags().forEach(t -> json.writeString(t.slug()));
		json.writeEndArray();
		time(json, "publishedAt", a.publishedAt());
		time(json, "updatedAt", a.updatedAt());
		time(json, "createdAt", a.createdAt());
		json.writeBooleanProperty("commentsOpen", a.commentsOpen());
		if (a.leadMediaId() == null) {
			json.writeNullProperty("leadMediaId");
		}
		else {
			json.writeNumberProperty("leadMediaId", a.leadMediaId());
		}
		json.writeStringProperty("seoTitle", a.seoTitle());
		json.writeStringProperty("seoDescription", a.seoDescription());
		json.writeStringProperty("sourceName", a.sourceName());
		json.writeStringProperty("sourceUrl", a.sourceUrl());
		json.writeStringProperty("canonicalUrl", a.canonicalUrl());
		json.writeEndObject();
	}

	private static void comment(JsonGenerator json, SiteRows.CommentRow c, ExportOptions options) {
		json.writeStartObject();
		json.writeNumberProperty("id", c.id());
		json.writeNumberProperty("articleId", c.articleId());
		if (c.parentId() == null) {
			json.writeNullProperty("parentId");
		}
		else {
			json.writeNumberProperty("parentId", c.parentId());
		}
		json.writeStringProperty("status", c.status());
		json.writeStringProperty("authorName", c.authorName());
		json.writeBooleanProperty("member", c.accountId() != null);
		if (options.readersEmails()) {
			json.writeStringProperty("email", c.email());
		}
		json.writeStringProperty("body", c.body());
		json.writeStringProperty("bodyHtml", WxrExport.readable(c.bodyHtml()));
		time(json, "createdAt", c.createdAt());
		time(json, "editedAt", c.editedAt());
		json.writeBooleanProperty("featured", c.featured());
		json.writeEndObject();
	}

	private static void time(JsonGenerator json, String name, Instant at) {
		json.writeStringProperty(name, at == null ? null : at.toString());
	}
}
