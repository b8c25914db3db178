package dev.gazette.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.gazette.account.Account;
import dev.gazette.account.AccountPrincipal;
import dev.gazette.account.Accounts;
import dev.gazette.article.Article;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.article.ArticleList;
import dev.gazette.article.ArticleSummary;
import dev.gazette.article.Author;
import dev.gazette.article.AuthorProfile;
import dev.gazette.article.Contributors;
import dev.gazette.article.FrontPages;
import dev.gazette.article.PageVersions;
import dev.gazette.article.Section;
import dev.gazette.article.Tag;
import dev.gazette.comment.CommentProperties;
import dev.gazette.comment.Comments;
import dev.gazette.comment.Discussions;
import dev.gazette.comment.Discussion;
import dev.gazette.comment.DiscussionPage;
import dev.gazette.comment.DiscussionView;
import dev.gazette.comment.DiscussionSort;
import dev.gazette.live.LiveFeed;
import dev.gazette.publication.GazetteProperties;
import dev.gazette.publication.Publication;
import dev.gazette.publication.Publications;
import dev.gazette.syndication.Feeds;
import dev.gazette.site.SiteView;
import dev.gazette.syndication.ShareMetadata;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriUtils;

/**
 * The pages a reader reads: the front page, section and author pages, and the article page with its discussion.
 * They live here, above the article and comment features, because they compose both.
 */
@Controller
class ReadingPages {

	private final ArticleCatalog catalog;

	private final Comments comments;

	private final Discussions discussions;

	private final Publications publications;

	private final GazetteProperties properties;

	private final Clock clock;

	private final Accounts accounts;

	private final ShareMetadata shareMetadata;

	private final Feeds feeds;

	private final Contributors contributors;

	private final ArticlePageCache pages;

	private final TemplateEngine templates;

	private final LiveFeed live;

	private final FrontPages frontPages;

	private final ArticlePageParts parts;

	ReadingPages(FrontPages frontPages, ArticleCatalog catalog, Comments comments, Publications publications, GazetteProperties properties,
			Clock clock, Accounts accounts, ShareMetadata shareMetadata, Feeds feeds, Contributors contributors,
			ArticlePageCache pages, TemplateEngine templates, LiveFeed live, Discussions discussions,
			ArticlePageParts parts) {
		this.frontPages = frontPages;
		this.parts = parts;
		this.live = live;
		this.pages = pages;
		this.templates = templates;
		this.contributors = contributors;
		this.accounts = accounts;
		this.shareMetadata = shareMetadata;
		this.feeds = feeds;
		this.catalog = catalog;
		this.comments = comments;
		this.discussions = discussions;
		this.publications = publications;
		this.properties = properties;
		this.clock = clock;
	}

	@GetMapping("/")
	String front(@RequestParam(defaultValue = "1") int page, Model model) {
		model.addAttribute("front", front(frontPages.front(page), "/"));
		model.addAttribute("feeds", feeds.site());
		return "web/reading/front";
	}

	@GetMapping("/sections/{slug}")
	String section(@PathVariable String slug, @RequestParam(defaultValue = "1") int page, Model model) {
		Section section = catalog.section(slug).orElseThrow(ReadingPages::notFound);
		model.addAttribute("section", section);
		model.addAttribute("front", front(frontPages.section(section, page), "/sections/" + slug));
		model.addAttribute("feeds", feeds.forSection(section));
		return "web/reading/section";
	}

	@GetMapping("/authors/{slug}")
	String author(@PathVariable String slug, @RequestParam(defaultValue = "1") int page, Model model) {
		Author author = catalog.author(slug).orElseThrow(ReadingPages::notFound);
		model.addAttribute("author", author);
		model.addAttribute("links", contributors.profile(slug).map(AuthorProfile::links).orElse(List.of()));
		model.addAttribute("listing", listing(catalog.byAuthor(author, page), "/authors/" + slug));
		model.addAttribute("feeds", feeds.forAuthor(author));
		return "web/reading/author";
	}

	/** A tag's page: its articles, newest first, and its feeds. */
	@GetMapping("/tags/{slug}")
	String tag(@PathVariable String slug, @RequestParam(defaultValue = "1") int page, Model model) {
		Tag tag = catalog.tag(slug).orElseThrow(ReadingPages::notFound);
		model.addAttribute("tag", tag);
		model.addAttribute("listing", listing(catalog.tagged(tag, page), "/tags/" + slug));
		model.addAttribute("feeds", feeds.forTag(tag));
		return "web/reading/tag";
	}

	/**
	 * An article; at a slug it had before (a published article's slug was changed), 301 to where it is now. A reader
	 * who is not signed in gets the page everyone gets, built here once and then kept whole (see
	 * {@link ArticlePageCache}; {@link ArticlePagesFromMemory} answers from it while it is right). Any other reader's
	 * page is put together per request from the parts that are the same for everyone, kept rendered
	 * ({@link ArticlePageParts}), and what is theirs.
	 */
	@GetMapping("/articles/{slug}")
	ModelAndView article(@PathVariable String slug, @RequestParam(required = false) String sort,
			@RequestParam(defaultValue = "1") int cpage, @AuthenticationPrincipal AccountPrincipal viewer,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Optional<Article> found = catalog.find(slug);
		if (found.isEmpty()) {
			return new ModelAndView(movedPermanently(catalog.movedTo(slug).orElseThrow(ReadingPages::notFound)));
		}
		Article article = found.get();
		Publication publication = publications.current();
		// Read before the discussion: the page shows every comment up to this feed id, so its script counts as new
		// only what comes after (and what is already on the page, it skips).
		model.addAttribute("liveAfter", live.position());
		Discussion discussion = discussions.discussion(article.id());
		CommentProperties settings = comments.settings();
		ArticleView view = ArticleView.of(article, publication, properties.baseUrl(), discussion.publishedComments());
		model.addAttribute("article", view);
		model.addAttribute("story", parts.story(view));
		model.addAttribute("meta", shareMetadata.forArticle(article, discussion.publishedComments()));
		model.addAttribute("feeds", feeds.forArticle(article));
		DiscussionPage page = discussion.page(DiscussionSort.fromKey(sort), cpage, settings.pageSize());
		DiscussionView discussionView = discussions.view(article, page, viewer == null ? null : viewer.id(),
				publication.timeZone());
		model.addAttribute("discussion", discussionView);
		SiteView site = (SiteView) model.getAttribute("site");
		model.addAttribute("entries", parts.entries(site, discussionView));
		// A body with an embed widens the policy for that embed's site, on this page only.
		String policy = SecurityHeaders.forBody(article.bodyHtml());
		model.addAttribute("embeds", policy != null);
		if (viewer != null || !pages.servesEveryone(request)) {
			if (policy != null) {
				response.setHeader("Content-Security-Policy", policy);
			}
			if (!parts.enabled()) {
				return new ModelAndView("web/reading/page");
			}
			Utf8ByteOutput theirs = new Utf8ByteOutput();
			templates.render("web/reading/page.jte", model.asMap(), theirs);
			return new ModelAndView(written(theirs));
		}
		Utf8ByteOutput html = new Utf8ByteOutput();
		templates.render("web/reading/page.jte", model.asMap(), html);
		boolean withinDiscussion = page.page() == 1 || (long) (page.page() - 1) * page.pageSize() < page.totalThreads();
		ArticlePageCache.Page finished = pages.finish(ArticlePageCache.Key.of(slug, sort, cpage),
				new PageVersions(article.id(), article.version(), discussion.version()),
				new ArticlePageCache.Inputs(site.masthead(), site.sections(), publication), discussionView.timesChangeAt(),
				html.toByteArray(), withinDiscussion, policy);
		return new ModelAndView(pages.view(finished));
	}

	/** A page rendered for one reader, sent as it is: written out in the bytes it was assembled from. */
	private static View written(Utf8ByteOutput html) {
		return new View() {
			@Override
			public String getContentType() {
				return "text/html;charset=UTF-8";
			}

			@Override
			public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
					throws IOException {
				response.setContentType(getContentType());
				response.setContentLength(html.getContentLength());
				html.writeTo(response.getOutputStream());
			}
		};
	}

	private static RedirectView movedPermanently(String slug) {
		RedirectView redirect = new RedirectView("/articles/" + UriUtils.encodePathSegment(slug, StandardCharsets.UTF_8), true);
		redirect.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
		redirect.setExposeModelAttributes(false);
		return redirect;
	}

	/** A reader's public profile: name, bio, avatar and their latest published comments. */
	@GetMapping("/people/{id}")
	String person(@PathVariable long id, Model model) {
		Account account = accounts.find(id).orElseThrow(ReadingPages::notFound);
		Publication publication = publications.current();
		model.addAttribute("profile", new ProfileView(account, comments.recentBy(id, 20), publication.timeZone(),
				clock.instant()));
		return "web/reading/profile";
	}

	/** The editors' lead and top stories, then the newest pieces; one read of the comment counts for all of them. */
	private FrontView front(FrontPages.Made made, String basePath) {
		Publication publication = publications.current();
		List<ArticleSummary> all = new java.util.ArrayList<>();
		if (made.lead() != null) {
			all.add(made.lead());
		}
		all.addAll(made.top());
		all.addAll(made.rest());
		Map<Long, Integer> counts = discussions.publishedCounts(all.stream().map(ArticleSummary::id).toList());
		java.util.function.Function<ArticleSummary, CardView> card = item -> CardView.of(item, publication,
				counts.getOrDefault(item.id(), 0));
		List<CardView> rest = made.rest().stream().map(card).toList();
		return new FrontView(made.lead() == null ? null : card.apply(made.lead()), made.top().stream().map(card).toList(),
				rest, new ListingView(rest, made.list(), basePath));
	}

	private ListingView listing(ArticleList list, String basePath) {
		Publication publication = publications.current();
		List<ArticleSummary> items = list.items();
		Map<Long, Integer> counts = discussions.publishedCounts(items.stream().map(ArticleSummary::id).toList());
		List<CardView> cards = items.stream()
			.map(item -> CardView.of(item, publication, counts.getOrDefault(item.id(), 0)))
			.toList();
		return new ListingView(cards, list, basePath);
	}

	static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}
}
