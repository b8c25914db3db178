package dev.gazette.web;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.gazette.comment.Comment;
import dev.gazette.comment.CommenterIdentity;
import dev.gazette.comment.DiscussionView;
import dev.gazette.comment.DisplayComment;
import dev.gazette.publication.Timestamps;
import dev.gazette.site.SiteView;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import gg.jte.TemplateOutput;
import gg.jte.html.escape.Escape;
import gg.jte.output.StringOutput;
import gg.jte.output.Utf8ByteOutput;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.stereotype.Component;

/**
 * The parts of an article page that are the same for every reader, kept rendered so that a signed-in reader's page
 * (which {@link ArticlePageCache} cannot keep whole: it names the reader and its forms carry their CSRF token) is
 * mostly the writing of kept bytes: the article itself ({@code web/reading/story.jte}) and each comment without its
 * replies ({@code comment/entry.jte}). The layout, the discussion's head with the comment form, and the tree's
 * {@code <li>}/{@code <ol>} around the kept entries are rendered per request by the same templates as ever.
 * <p>
 * A part is keyed by everything its template reads, as values: the story by its {@link ArticleView} (the article
 * record carries its version); an entry by the comment record as the discussion snapshot holds it, its author's
 * badges and picture, its recommendation count, whom it answers, the page's address and zone, and which of the
 * reader's controls it shows ({@link Controls}: reply, edit, delete, report, recommend or take back, feature). So a
 * part is never shown for anything other than what it was built from; and since the snapshot and the article are
 * checked against the database's version numbers on every request, a change made on another node shows on the next
 * page here. Two readers who see the same controls on a comment share its entry; what is theirs alone is the CSRF
 * token, which is never kept: an entry is rendered with a placeholder token (random per process, so no text a reader
 * writes can contain it), cut into pieces there, and the reader's own token is written between the pieces. The
 * relative time ("5 minutes ago") is the one thing that changes with the clock: an entry is built again once its
 * time would read differently ({@link Timestamps#relativeChangesAt}).
 * <p>
 * Bounded by weight ({@link PageCacheProperties#partsMaxSize()}); off with {@link PageCacheProperties#enabled()},
 * when every page is rendered whole per request.
 */
@Component
class ArticlePageParts {

	private final TemplateEngine templates;

	private final boolean enabled;

	private final Cache<Object, Part> parts;

	/** Stands in for the reader's CSRF token while an entry is rendered; never sent. */
	private final String placeholder;

	private final byte[] placeholderBytes;

	ArticlePageParts(TemplateEngine templates, PageCacheProperties properties) {
		this.templates = templates;
		this.enabled = properties.enabled() && properties.partsMaxSize().toBytes() > 0;
		this.parts = Caffeine.newBuilder()
			.maximumWeight(Math.max(1, properties.partsMaxSize().toBytes()))
			.weigher((Object key, Part part) -> part.weight())
			.build();
		byte[] random = new byte[16];
		new SecureRandom().nextBytes(random);
		this.placeholder = "gazette-form-token-" + HexFormat.of().formatHex(random);
		this.placeholderBytes = placeholder.getBytes(StandardCharsets.UTF_8);
	}

	/** Whether pages are assembled from kept parts; {@code false} renders them whole, as before. */
	boolean enabled() {
		return enabled;
	}

	/** The article on its page, kept rendered while it is the same article (its version and everything it shows). */
	Content story(ArticleView article) {
		Map<String, Object> params = Map.of("article", article);
		if (!enabled) {
			return output -> templates.render("web/reading/story.jte", params, output);
		}
		Part part = parts.get(new StoryKey(article), key -> render("web/reading/story.jte", params, Instant.MIN,
				Instant.MAX, 2 * (length(article.article().bodyMarkdown()) + length(article.article().bodyHtml())) + 1024));
		return output -> part.writeTo(output, null);
	}

	/**
	 * Each comment's entry (the comment without its replies) on this page for this reader, from a kept part when one
	 * was built from the same comment with the same controls; {@code null} when parts are off, so the template renders
	 * every entry.
	 */
	Function<DisplayComment, Content> entries(SiteView site, DiscussionView discussion) {
		if (!enabled) {
			return null;
		}
		CsrfToken token = site.csrf();
		String parameter = token == null ? null : token.getParameterName();
		// Everything the entry template may read of the page frame, but no reader: only the token's placeholder.
		SiteView anyone = new SiteView(site.masthead(), site.sections(), site.baseUrl(), site.stylesheet(), site.icon(),
				site.scripts(), null,
				token == null ? null : new DefaultCsrfToken(token.getHeaderName(), parameter, placeholder));
		byte[] tokenBytes = token == null ? null : attributeValue(token.getToken());
		Instant now = discussion.now();
		return node -> {
			Comment comment = node.comment();
			EntryKey key = new EntryKey(comment, discussion.identity(comment), discussion.recommendations(comment),
					node.inReplyTo(), discussion.articleUrl(), discussion.zone(), parameter,
					Controls.of(discussion, comment));
			Part part = parts.getIfPresent(key);
			if (part == null || !part.readsTheSameAt(now)) {
				Instant until = comment.isPublished() ? Timestamps.relativeChangesAt(comment.createdAt(), now)
						: Instant.MAX;
				part = render("comment/entry.jte", Map.of("site", anyone, "node", node, "d", discussion), now, until,
						weightOf(comment));
				parts.put(key, part);
			}
			Part kept = part;
			return output -> kept.writeTo(output, tokenBytes);
		};
	}

	/** The article part of the key: the view as the page shows it (time zone, disclaimer and count included). */
	private record StoryKey(ArticleView article) {
	}

	/** What an entry shows: the comment and what the discussion says about it, and the reader's controls on it. */
	private record EntryKey(Comment comment, CommenterIdentity identity, int recommendations, String inReplyTo,
			String articleUrl, ZoneId zone, String tokenParameter, Controls controls) {
	}

	/** Which of the reader's own controls a comment's entry shows; everything per reader in it but the token. */
	record Controls(boolean signedIn, boolean reply, boolean recommend, boolean recommended, boolean pick,
			boolean edit, boolean delete, boolean report) {

		static Controls of(DiscussionView d, Comment c) {
			return new Controls(d.signedIn(), d.canPost(), d.canRecommend(c), d.recommended(c), d.canPick(c),
					d.canEdit(c), d.canDelete(c), d.canReport(c));
		}
	}

	/**
	 * Rendered HTML cut where the reader's token goes; {@code builtAt} and {@code until}: the times between which its
	 * relative time reads as rendered. {@code keyWeight}: what the key holds beyond the bytes (an edited comment's old
	 * text stays referenced by its old key until that goes).
	 */
	private record Part(List<byte[]> pieces, Instant builtAt, Instant until, int keyWeight) {

		boolean readsTheSameAt(Instant now) {
			return !now.isBefore(builtAt) && now.isBefore(until);
		}

		int weight() {
			int bytes = keyWeight + 64;
			for (byte[] piece : pieces) {
				bytes += piece.length + 16;
			}
			return bytes;
		}

		/** The pieces with {@code token} (the reader's, escaped) between them. */
		void writeTo(TemplateOutput output, byte[] token) {
			for (int i = 0; i < pieces.size(); i++) {
				if (i > 0) {
					output.writeBinaryContent(token);
				}
				output.writeBinaryContent(pieces.get(i));
			}
		}
	}

	/** The token as site/csrf.jte writes it, an escaped attribute value: once a page, not once a form. */
	private static byte[] attributeValue(String token) {
		StringOutput escaped = new StringOutput();
		Escape.htmlAttribute(token, escaped);
		return escaped.toString().getBytes(StandardCharsets.UTF_8);
	}

	private Part render(String template, Map<String, Object> params, Instant builtAt, Instant until, int keyWeight) {
		Utf8ByteOutput html = new Utf8ByteOutput();
		templates.render(template, params, html);
		return new Part(cut(html.toByteArray()), builtAt, until, keyWeight);
	}

	/** The bytes split at each placeholder token, which is left out. */
	private List<byte[]> cut(byte[] html) {
		List<byte[]> pieces = new ArrayList<>(3);
		int from = 0;
		for (int at = indexOf(html, from); at >= 0; at = indexOf(html, from)) {
			pieces.add(Arrays.copyOfRange(html, from, at));
			from = at + placeholderBytes.length;
		}
		pieces.add(from == 0 ? html : Arrays.copyOfRange(html, from, html.length));
		return List.copyOf(pieces);
	}

	private int indexOf(byte[] html, int from) {
		byte first = placeholderBytes[0];
		outer: for (int i = from; i <= html.length - placeholderBytes.length; i++) {
			if (html[i] != first) {
				continue;
			}
			for (int j = 1; j < placeholderBytes.length; j++) {
				if (html[i + j] != placeholderBytes[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	private static int weightOf(Comment comment) {
		return 2 * (length(comment.body()) + length(comment.bodyHtml())) + 256;
	}

	private static int length(String text) {
		return text == null ? 0 : text.length();
	}
}
