package dev.gazette.transfer.internal;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.gazette.article.ArticleCatalog;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriUtils;

/**
 * Old WordPress addresses answer 301 to their Gazette counterparts, so links and search rankings survive a move:
 * imported permalinks, {@code ?p=ID} and {@code ?page_id=ID}, {@code ?replytocom=N} (a comment), {@code …/comment-page-N/}
 * (the article), the feeds ({@code /feed/}, {@code /category/x/feed/}, {@code /tag/x/feed/}, {@code /author/x/feed/},
 * a post's {@code …/feed/}) and the category, tag and author archives.
 * <p>
 * Gazette's own addresses never end with a slash, and WordPress's always do (or start with {@code /archives/} or end
 * in {@code .html}), so only those requests, and requests with one of those parameters, cost a lookup; every other
 * request passes straight through.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 50)
public class OldAddresses extends OncePerRequestFilter {

	private static final Pattern COMMENT_PAGE = Pattern.compile("^(.*)/comment-page-\\d+$");

	private static final Pattern ARCHIVE_FEED = Pattern.compile("^/(category|tag|author)/(?:.*/)?([^/]+)/feed(?:/(rss2?|atom|rdf))?$");

	private static final Pattern ARCHIVE = Pattern.compile("^/(category|tag|author)/(?:.*/)?([^/]+)$");

	private static final Pattern POST_FEED = Pattern.compile("^(.+)/feed(?:/(rss2?|atom|rdf))?$");

	private static final Pattern SITE_FEED = Pattern.compile("^/feed(?:/(rss2?|atom|rdf))?$");

	private final ImportLedger ledger;

	private final ArticleCatalog catalog;

	public OldAddresses(ImportLedger ledger, ArticleCatalog catalog) {
		this.ledger = ledger;
		this.catalog = catalog;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		if (!request.getMethod().equals("GET") && !request.getMethod().equals("HEAD")) {
			return true;
		}
		String uri = request.getRequestURI();
		String query = request.getQueryString();
		boolean wordPressQuery = query != null && (query.startsWith("p=") || query.contains("&p=")
				|| query.contains("page_id=") || query.contains("replytocom="));
		return !wordPressQuery && !(uri.length() > 1 && uri.endsWith("/")) && !uri.startsWith("/archives/")
				&& !uri.endsWith(".html") && !uri.equals("/feed");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<String> target = target(request);
		if (target.isPresent()) {
			response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
			response.setHeader("Location", target.get());
			return;
		}
		chain.doFilter(request, response);
	}

	private Optional<String> target(HttpServletRequest request) {
		String reply = request.getParameter("replytocom");
		if (reply != null && reply.matches("\\d{1,18}")) {
			Optional<Long> comment = ledger.anySource("comment", reply);
			if (comment.isPresent()) {
				return Optional.of("/comments/" + comment.get());
			}
		}
		for (String parameter : new String[] { "p", "page_id" }) {
			String id = request.getParameter(parameter);
			if (id != null && id.matches("\\d{1,18}")) {
				Optional<String> article = ledger.anySource("post", id).flatMap(this::articlePath);
				if (article.isPresent()) {
					return article;
				}
			}
		}
		String path = OldPaths.of(request.getRequestURI());
		Matcher commentPage = COMMENT_PAGE.matcher(path);
		if (commentPage.matches()) {
			path = commentPage.group(1);
		}
		Optional<String> article = ledger.articleAt(path).flatMap(this::articlePath);
		if (article.isPresent()) {
			return article;
		}
		return feedOrArchive(path);
	}

	private Optional<String> feedOrArchive(String path) {
		Matcher site = SITE_FEED.matcher(path);
		if (site.matches()) {
			return Optional.of("/feeds/" + format(site.group(1)) + ".xml");
		}
		Matcher archiveFeed = ARCHIVE_FEED.matcher(path);
		if (archiveFeed.matches()) {
			return archive(archiveFeed.group(1), archiveFeed.group(2))
				.map(a -> "/feeds" + a.replaceFirst("^/(sections|tags|authors)/", "/$1/") + "/"
						+ format(archiveFeed.group(3)) + ".xml");
		}
		Matcher archive = ARCHIVE.matcher(path);
		if (archive.matches()) {
			return archive(archive.group(1), archive.group(2));
		}
		Matcher postFeed = POST_FEED.matcher(path);
		if (postFeed.matches()) {
			return ledger.articleAt(postFeed.group(1))
				.flatMap(catalog::slugOf)
				.map(slug -> "/feeds/articles/" + encode(slug) + "/comments/" + format(postFeed.group(2)) + ".xml");
		}
		return Optional.empty();
	}

	/** A category, tag or author archive's Gazette page: by what the import recorded, else by the same slug. */
	private Optional<String> archive(String kind, String slug) {
		return switch (kind) {
			case "category" -> ledger.anySourceKey("section", slug)
				.or(() -> catalog.section(slug).map(s -> s.slug()))
				.map(s -> "/sections/" + encode(s));
			case "tag" -> catalog.tag(slug).map(t -> "/tags/" + encode(t.slug()));
			case "author" -> ledger.anySourceKey("author", slug)
				.or(() -> catalog.author(slug).map(a -> a.slug()))
				.map(a -> "/authors/" + encode(a));
			default -> Optional.empty();
		};
	}

	private Optional<String> articlePath(long articleId) {
		return catalog.slugOf(articleId).map(slug -> "/articles/" + encode(slug));
	}

	private static String format(String wordPressFormat) {
		return "atom".equals(wordPressFormat) ? "atom" : "rss";
	}

	private static String encode(String slug) {
		return UriUtils.encodePathSegment(slug, java.nio.charset.StandardCharsets.UTF_8);
	}
}
