package dev.gazette.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.gazette.account.AccountPrincipal;
import dev.gazette.account.FormProtection;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.article.PageVersions;
import dev.gazette.availability.DatabaseOutage;
import dev.gazette.comment.DiscussionSort;
import dev.gazette.publication.Masthead;
import dev.gazette.publication.Publication;
import dev.gazette.publication.Publications;
import dev.gazette.reads.OneReadForMany;
import dev.gazette.site.SectionLink;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.dao.DataAccessException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.web.servlet.View;

/**
 * The article page for readers who are not signed in, kept in memory as finished bytes with a gzip copy beside them.
 * <p>
 * That page is the same for every such reader: it carries no CSRF token, sets no cookie, and the CSP has no nonce
 * (every script is a file from this site), so one copy serves all of them. A kept page is checked on every request
 * with one indexed read of the article's and its discussion's versions ({@link ArticleCatalog#pageVersions}), which
 * every write bumps in its own transaction: a comment posted on another node sharing the database shows on the next
 * load here. Requests for one article that arrive while its check is on its way share the next one
 * ({@link OneReadForMany}), which is as fresh for each of them as a read of their own. What the page shows that no
 * version covers is compared from memory (the masthead's dateline, the sections, the publication's settings); its
 * relative times ("5 minutes ago") make it expire when the first of them would read differently; and it is built
 * again after {@link PageCacheProperties#refresh()} in any case.
 * <p>
 * The {@code ETag} is strong and names the versions and a digest of the bytes, so a page built again with nothing
 * changed keeps its tag (and its {@code Last-Modified}), and a page whose relative times moved on gets a new one.
 * While the database cannot be reached, the last kept page is served as it is, marked stale, instead of a 503.
 */
@Component
class ArticlePageCache {

	/** RFC 7234's warning for a response served without revalidation (obsolete in RFC 9111, still understood). */
	static final String STALE_WARNING = "110 - \"Response is Stale\"";

	/** The language every page is written in ({@code site/layout.jte}: {@code <html lang="en">}). */
	static final Locale PAGE_LANGUAGE = Locale.ENGLISH;

	private final Cache<Key, Page> pages;

	/** Each kept article's version check, shared by the requests that arrive while one is on its way. */
	private final Cache<String, OneReadForMany<Optional<PageVersions>>> checks = Caffeine.newBuilder()
		.maximumSize(10_000)
		.build();

	private final ArticleCatalog catalog;

	private final Publications publications;

	private final FormProtection forms;

	private final Clock clock;

	private final PageCacheProperties properties;

	ArticlePageCache(ArticleCatalog catalog, Publications publications, FormProtection forms, Clock clock,
			PageCacheProperties properties) {
		this.catalog = catalog;
		this.publications = publications;
		this.forms = forms;
		this.clock = clock;
		this.properties = properties;
		this.pages = Caffeine.newBuilder()
			.maximumWeight(properties.maxSize().toBytes())
			.weigher((Key key, Page page) -> page.html().length + page.gzip().length + 256)
			.build();
	}

	/** Which page: the article, the discussion's order and its page, as the reader asked for them. */
	record Key(String slug, DiscussionSort sort, int page) {

		static Key of(String slug, String sort, int cpage) {
			return new Key(slug, DiscussionSort.fromKey(sort), Math.max(1, cpage));
		}
	}

	/** What the page shows that no version number covers; each is read from memory. */
	record Inputs(Masthead masthead, List<SectionLink> sections, Publication publication) {
	}

	/** A finished page. {@code validUntil}: when its relative times change or its refresh is due, whichever first. */
	record Page(PageVersions versions, Inputs inputs, Instant builtAt, Instant validUntil, Instant lastModified,
			byte[] html, byte[] gzip, String etag, String gzipEtag, String contentSecurityPolicy) {
	}

	/** A page to send, and whether it could not be checked (the database is away). */
	record Served(Page page, boolean stale) {
	}

	/**
	 * Whether this request gets the page everyone gets: a GET or HEAD from a reader who is not signed in and carries
	 * no session or remember-me cookie (such a reader's forms carry a CSRF token, so their page is their own).
	 */
	boolean servesEveryone(HttpServletRequest request) {
		if (!properties.enabled() || !(request.getMethod().equals("GET") || request.getMethod().equals("HEAD"))) {
			return false;
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		boolean signedIn = authentication != null && authentication.getPrincipal() instanceof AccountPrincipal;
		return !signedIn && !forms.carriesCredentials(request);
	}

	/** The kept page for {@code key} if it is still right, or (the database away) the last one, marked stale. */
	Optional<Served> lookup(Key key) {
		Page page = pages.getIfPresent(key);
		if (page == null) {
			return Optional.empty();
		}
		try {
			Optional<PageVersions> versions = checks.get(key.slug(), slug -> new OneReadForMany<>())
				.get(() -> catalog.pageVersions(key.slug()));
			if (versions.isEmpty()) {
				pages.invalidate(key);
				return Optional.empty();
			}
			boolean current = versions.get().equals(page.versions()) && clock.instant().isBefore(page.validUntil())
					&& currentInputs().equals(page.inputs());
			return current ? Optional.of(new Served(page, false)) : Optional.empty();
		}
		catch (DataAccessException | TransactionException ex) {
			if (DatabaseOutage.explains(ex)) {
				return Optional.of(new Served(page, true));
			}
			throw ex;
		}
	}

	private Inputs currentInputs() {
		return new Inputs(publications.masthead(), SiteModel.links(catalog.sections()), publications.current());
	}

	/**
	 * Makes a finished page of freshly rendered HTML, and keeps it when {@code keep} (a page past the discussion's
	 * last is not kept: any number of them could be asked for).
	 * @param timesChangeAt when the page's relative times first read differently
	 */
	Page finish(Key key, PageVersions versions, Inputs inputs, Instant timesChangeAt, byte[] html, boolean keep) {
		return finish(key, versions, inputs, timesChangeAt, html, keep, null);
	}

	/** The same for a page with its own Content-Security-Policy ({@code null}: the site's), sent with every copy. */
	Page finish(Key key, PageVersions versions, Inputs inputs, Instant timesChangeAt, byte[] html, boolean keep,
			String contentSecurityPolicy) {
		Instant now = clock.instant();
		Instant refreshAt = now.plus(properties.refresh());
		String digest = digest(html);
		String etag = "\"" + versions.articleVersion() + "." + versions.discussionVersion() + "-" + digest + "\"";
		Page before = pages.getIfPresent(key);
		// A page built again with the same bytes was not modified: clients that kept it keep their copy.
		Instant lastModified = before != null && before.etag().equals(etag) ? before.lastModified()
				: now.truncatedTo(ChronoUnit.SECONDS);
		Page page = new Page(versions, inputs, now, timesChangeAt.isBefore(refreshAt) ? timesChangeAt : refreshAt,
				lastModified, html, gzip(html), etag, etag.substring(0, etag.length() - 1) + "-gzip\"",
				contentSecurityPolicy);
		if (keep && properties.enabled()) {
			pages.put(key, page);
		}
		return page;
	}

	/** A view that sends a finished page: the controller's answer when it has just built one. */
	View view(Page page) {
		return new View() {
			@Override
			public String getContentType() {
				return "text/html;charset=UTF-8";
			}

			@Override
			public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
					throws IOException {
				write(new Served(page, false), request, response);
			}
		};
	}

	/**
	 * Sends a page: {@code 304} when the reader already has it, else the gzip copy to a client that takes gzip and
	 * the HTML to any other. {@code no-cache} lets a browser keep the page but ask each time (the discussion moves);
	 * {@code Vary: Cookie} keeps a shared cache from handing it to someone signed in. No cookie is set here.
	 */
	void write(Served served, HttpServletRequest request, HttpServletResponse response) throws IOException {
		Page page = served.page();
		// The layout's language, the same for every copy: not the reader's Accept-Language, which Spring MVC would
		// otherwise send back when it renders the page (and which the kept copy, answered before it, would not).
		response.setLocale(PAGE_LANGUAGE);
		boolean gzip = acceptsGzip(request.getHeader("Accept-Encoding"));
		response.setHeader("ETag", gzip ? page.gzipEtag() : page.etag());
		response.setDateHeader("Last-Modified", page.lastModified().toEpochMilli());
		response.setHeader("Cache-Control", "no-cache");
		response.setHeader("Vary", "Accept-Encoding, Cookie");
		if (page.contentSecurityPolicy() != null) {
			response.setHeader("Content-Security-Policy", page.contentSecurityPolicy());
		}
		if (served.stale()) {
			long age = Math.max(0, Duration.between(page.builtAt(), clock.instant()).toSeconds());
			response.setHeader("Age", String.valueOf(age));
			response.setHeader("Warning", STALE_WARNING);
		}
		if (notModified(request, page)) {
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return;
		}
		byte[] body = gzip ? page.gzip() : page.html();
		response.setContentType("text/html;charset=UTF-8");
		if (gzip) {
			response.setHeader("Content-Encoding", "gzip");
		}
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	/** {@code If-None-Match} decides when sent (either copy's tag will do: they are the same page); else the date. */
	private static boolean notModified(HttpServletRequest request, Page page) {
		String tags = request.getHeader("If-None-Match");
		if (tags != null) {
			for (String tag : tags.split(",")) {
				String candidate = tag.trim().startsWith("W/") ? tag.trim().substring(2) : tag.trim();
				if (candidate.equals("*") || candidate.equals(page.etag()) || candidate.equals(page.gzipEtag())) {
					return true;
				}
			}
			return false;
		}
		try {
			long since = request.getDateHeader("If-Modified-Since");
			return since >= 0 && page.lastModified().toEpochMilli() <= since;
		}
		catch (IllegalArgumentException unreadable) {
			return false;
		}
	}

	/** Whether {@code Accept-Encoding} takes gzip: named (or {@code *}) without {@code q=0}. */
	static boolean acceptsGzip(String acceptEncoding) {
		if (acceptEncoding == null) {
			return false;
		}
		for (String coding : acceptEncoding.split(",")) {
			String[] parts = coding.trim().split(";");
			String name = parts[0].trim();
			if (name.equalsIgnoreCase("gzip") || name.equals("*")) {
				return parts.length < 2 || !parts[1].trim().replace(" ", "").matches("q=0(\\.0*)?");
			}
		}
		return false;
	}

	private static String digest(byte[] html) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(html), 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Compressed once, as hard as gzip goes: the cost is paid once per page, the saving on every copy sent. */
	private static byte[] gzip(byte[] html) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(html.length / 4);
		try (GZIPOutputStream out = new GZIPOutputStream(bytes) {
			{
				def.setLevel(Deflater.BEST_COMPRESSION);
			}
		}) {
			out.write(html);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}
}
