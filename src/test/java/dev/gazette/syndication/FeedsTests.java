package dev.gazette.syndication;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.rss.Category;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Enclosure;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.WireFeedInput;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.article.Author;
import dev.gazette.article.LeadImage;
import dev.gazette.article.Section;
import dev.gazette.comment.CommentStatus;
import dev.gazette.comment.Comments;
import dev.gazette.support.Http;
import dev.gazette.support.Newsroom;
import dev.gazette.support.Newsroom.Published;
import dev.gazette.support.RunningGazette;
import org.jdom2.Element;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feeds as a feed reader gets them: parsed back with Rome, RSS 2.0 and Atom, for a section, an author, a tag and an
 * article's comments, with the links pages give to them.
 */
@RunningGazette
class FeedsTests {

	static final String BASE = RunningGazette.BASE_URL;

	static final String STATIC_IMAGE = "/demo/images/coastal-city.svg";

	static final Instant OLDER = Instant.parse("2018-07-20T06:00:00Z");

	static final Instant NEWER = Instant.parse("2018-07-21T07:30:00Z");

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	Comments comments;

	@LocalServerPort
	int port;

	Http http;

	Newsroom newsroom;

	Section section;

	Author author;

	String tag;

	Published older;

	Published newer;

	@BeforeEach
	void publish() {
		http = new Http(port);
		newsroom = new Newsroom(catalog);
		section = newsroom.section("Tides");
		author = newsroom.author("Oğuz Türk");
		tag = Newsroom.unique("Breakwaters");
		older = newsroom.article()
			.headline("Tides & walls: שלום 🎉")
			.standfirst("Tides & <walls> rise.")
			.in(section)
			.by(author)
			.tagged(tag)
			.publishedAt(OLDER)
			.updatedAt(OLDER.plusSeconds(3_600))
			.leadImage(new LeadImage(STATIC_IMAGE, 1600, 900, "Cranes on the quay", null, "Photo: Dana"))
			.publish();
		newer = newsroom.article()
			.headline("The ferry returns")
			.in(section)
			.by(author)
			.publishedAt(NEWER)
			.leadImage(new LeadImage("https://images.example/ferry.jpg?size=large", 1200, 800, "A ferry", null, null))
			.publish();
		newsroom.article().headline("Elsewhere entirely").publishedAt(NEWER).publish();
	}

	@Test
	void aSectionsRssFeedListsItsArticlesNewestFirstWithStableGuidsAndEnclosures() throws Exception {
		Channel channel = (Channel) wire("/feeds/sections/" + section.slug() + "/rss.xml", "application/rss+xml");

		assertThat(channel.getFeedType()).isEqualTo("rss_2.0");
		assertThat(channel.getTitle()).startsWith("Tides — ");
		assertThat(channel.getLink()).isEqualTo(BASE + "/sections/" + section.slug());
		assertThat(channel.getLanguage()).isEqualTo("en");
		List<Item> items = channel.getItems();
		assertThat(items).extracting(Item::getTitle).containsExactly("The ferry returns", "Tides & walls: שלום 🎉");

		Item item = items.get(1);
		assertThat(item.getLink()).isEqualTo(BASE + older.path());
		assertThat(item.getGuid().getValue()).isEqualTo("tag:gazette.example,2018-07-20:article:" + older.id());
		assertThat(item.getGuid().isPermaLink()).isFalse();
		assertThat(item.getPubDate()).isEqualTo(Date.from(OLDER));
		assertThat(HtmlUtils.htmlUnescape(item.getDescription().getValue())).isEqualTo("Tides & <walls> rise.");
		assertThat(item.getContent()).as("excerpts only by default").isNull();
		assertThat(item.getAuthor()).as("RSS's author must be an address").isNull();
		assertThat(creators(item.getForeignMarkup(), item)).containsExactly("Oğuz Türk");
		assertThat(item.getCategories()).extracting(Category::getValue).containsExactly("Tides", tag);
		Enclosure enclosure = item.getEnclosures().get(0);
		assertThat(enclosure.getUrl()).isEqualTo(BASE + STATIC_IMAGE);
		assertThat(enclosure.getType()).isEqualTo("image/svg+xml");
		assertThat(enclosure.getLength()).isEqualTo(new ClassPathResource("static" + STATIC_IMAGE).contentLength());

		Item external = items.get(0);
		assertThat(external.getEnclosures()).as("RSS needs a length, unknown for another site's image").isEmpty();
		Element media = mediaContent(external.getForeignMarkup());
		assertThat(media.getAttributeValue("url")).isEqualTo("https://images.example/ferry.jpg?size=large");
		assertThat(media.getAttributeValue("type")).isEqualTo("image/jpeg");
		assertThat(media.getAttributeValue("width")).isEqualTo("1200");
		assertThat(media.getAttributeValue("height")).isEqualTo("800");
	}

	@Test
	void aSectionsAtomFeedHasIdsDatesAuthorsAndEnclosureLinks() throws Exception {
		Feed feed = (Feed) wire("/feeds/sections/" + section.slug() + "/atom.xml", "application/atom+xml");

		assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
		assertThat(feed.getOtherLinks()).extracting(Link::getRel, Link::getHref)
			.contains(org.assertj.core.groups.Tuple.tuple("self", BASE + "/feeds/sections/" + section.slug() + "/atom.xml"));
		assertThat(feed.getUpdated()).isEqualTo(Date.from(NEWER));
		List<Entry> entries = feed.getEntries();
		assertThat(entries).extracting(Entry::getTitle).containsExactly("The ferry returns", "Tides & walls: שלום 🎉");

		Entry entry = entries.get(1);
		assertThat(entry.getId()).isEqualTo("tag:gazette.example,2018-07-20:article:" + older.id());
		assertThat(entry.getPublished()).isEqualTo(Date.from(OLDER));
		assertThat(entry.getUpdated()).isEqualTo(Date.from(OLDER.plusSeconds(3_600)));
		assertThat(entry.getAlternateLinks().get(0).getHref()).isEqualTo(BASE + older.path());
		assertThat(entry.getAuthors().get(0).getName()).isEqualTo("Oğuz Türk");
		assertThat(entry.getAuthors().get(0).getUri()).isEqualTo(BASE + "/authors/" + author.slug());
		Link enclosure = entry.getOtherLinks().stream().filter(l -> "enclosure".equals(l.getRel())).findFirst().orElseThrow();
		assertThat(enclosure.getHref()).isEqualTo(BASE + STATIC_IMAGE);
		assertThat(enclosure.getType()).isEqualTo("image/svg+xml");
		assertThat(enclosure.getLength()).isEqualTo(new ClassPathResource("static" + STATIC_IMAGE).contentLength());
		assertThat(HtmlUtils.htmlUnescape(entry.getSummary().getValue())).isEqualTo("Tides & <walls> rise.");
	}

	@Test
	void authorAndTagFeedsHoldTheirArticles() throws Exception {
		SyndFeed byAuthor = synd("/feeds/authors/" + author.slug() + "/atom.xml");
		SyndFeed tagged = synd("/feeds/tags/" + catalog.find(older.slug()).orElseThrow().tags().get(0).slug() + "/rss.xml");

		assertThat(byAuthor.getEntries()).extracting(SyndEntry::getLink).containsExactly(BASE + newer.path(),
				BASE + older.path());
		assertThat(tagged.getEntries()).extracting(SyndEntry::getLink).containsExactly(BASE + older.path());
	}

	@Test
	void anArticlesCommentFeedHasItsPublishedCommentsNewestFirst() throws Exception {
		long first = comments.importComment(older.id(), null, "Leyla", "First, and <script>x</script>",
				CommentStatus.PUBLISHED, OLDER.plusSeconds(60));
		comments.importComment(older.id(), null, "Troll", "Held back", CommentStatus.PENDING, OLDER.plusSeconds(90));
		comments.importComment(older.id(), null, "Spam", "Rejected", CommentStatus.REJECTED, OLDER.plusSeconds(100));
		long reply = comments.importComment(older.id(), first, "דוד", "A reply 👍", CommentStatus.PUBLISHED,
				OLDER.plusSeconds(120));

		Channel channel = (Channel) wire("/feeds/articles/" + older.slug() + "/comments/rss.xml", "application/rss+xml");

		List<Item> items = channel.getItems();
		assertThat(items).extracting(item -> item.getGuid().getValue())
			.containsExactly("tag:gazette.example,2018-07-20:comment:" + reply, "tag:gazette.example,2018-07-20:comment:" + first);
		assertThat(items.get(0).getTitle()).isEqualTo("Comment by דוד on “Tides & walls: שלום 🎉”");
		assertThat(items.get(0).getLink()).isEqualTo(BASE + older.path() + "/comments/" + reply);
		assertThat(items.get(0).getPubDate()).isEqualTo(Date.from(OLDER.plusSeconds(120)));
		assertThat(items.get(1).getDescription().getValue()).contains("&lt;script&gt;").doesNotContain("<script>");
		assertThat(channel.getLink()).isEqualTo(BASE + older.path() + "#comments");
		SyndFeed atom = synd("/feeds/articles/" + older.slug() + "/comments/atom.xml");
		assertThat(atom.getEntries()).hasSize(2);
		assertThat(atom.getEntries().get(0).getAuthors().get(0).getName()).isEqualTo("דוד");
	}

	@Test
	void aGuestNameMadeOfMarkupIsPlainTextInTheRssCommentFeedAndExactInAtom() throws Exception {
		Published article = new Newsroom(catalog).article().headline("Ferry <b>fares</b> & timetables").publish();
		String name = "<img src=x onerror=alert(1)>";
		comments.importComment(article.id(), null, name, "Hello", CommentStatus.PUBLISHED, OLDER.plusSeconds(60));

		Channel channel = (Channel) wire("/feeds/articles/" + article.slug() + "/comments/rss.xml", "application/rss+xml");

		Item item = channel.getItems().get(0);
		// A feed reader that treats RSS titles as HTML sees these as text: no '<' opens an element.
		assertThat(item.getTitle()).isEqualTo("Comment by ‹img src=x onerror=alert(1)› on “Ferry ‹b›fares‹/b› & timetables”")
			.doesNotContain("<", ">");
		assertThat(creators(item.getForeignMarkup(), item)).containsExactly("‹img src=x onerror=alert(1)›");
		assertThat(channel.getTitle()).doesNotContain("<", ">");
		SyndFeed atom = synd("/feeds/articles/" + article.slug() + "/comments/atom.xml");
		assertThat(atom.getEntries().get(0).getAuthors().get(0).getName()).isEqualTo(name);
	}

	@Test
	void anUnknownFeedIsANotFoundPage() {
		for (String path : List.of("/feeds/sections/no-such-section/rss.xml", "/feeds/authors/nobody/atom.xml",
				"/feeds/tags/no-such-tag/rss.xml", "/feeds/articles/no-such-story/comments/rss.xml",
				"/feeds/sections/" + section.slug() + "/json.xml", "/feeds/podcast.xml")) {
			HttpResponse<String> response = http.get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(404);
			assertThat(response.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("text/html");
			assertThat(response.body()).doesNotContain("Exception");
		}
	}

	@Test
	void aFeedReaderPollingAnUnchangedFeedGetsNotModified() throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		String path = "/feeds/sections/" + section.slug() + "/rss.xml";
		HttpResponse<String> first = client.send(HttpRequest.newBuilder(uri(path)).build(), BodyHandlers.ofString());

		assertThat(first.headers().firstValue("Cache-Control").orElse("")).contains("max-age=300").contains("public");
		assertThat(first.headers().firstValue("Last-Modified")).hasValue("Sat, 21 Jul 2018 07:30:00 GMT");
		String etag = first.headers().firstValue("ETag").orElseThrow();
		HttpResponse<String> again = client.send(HttpRequest.newBuilder(uri(path)).header("If-None-Match", etag).build(),
				BodyHandlers.ofString());
		assertThat(again.statusCode()).isEqualTo(304);
		assertThat(again.body()).isEmpty();
	}

	@Test
	void pagesNameTheirFeedsForFeedReadersToFind() {
		assertThat(alternates("/")).contains(BASE + "/feeds/rss.xml", BASE + "/feeds/atom.xml");
		assertThat(alternates("/sections/" + section.slug())).contains(
				BASE + "/feeds/sections/" + section.slug() + "/rss.xml",
				BASE + "/feeds/sections/" + section.slug() + "/atom.xml");
		assertThat(alternates("/authors/" + author.slug())).contains(
				BASE + "/feeds/authors/" + author.slug() + "/rss.xml");
		assertThat(alternates(older.path())).contains(BASE + "/feeds/articles/" + older.slug() + "/comments/rss.xml",
				BASE + "/feeds/rss.xml");
		for (String href : alternates(older.path())) {
			assertThat(http.get(href.substring(BASE.length())).statusCode()).as(href).isEqualTo(200);
		}
		Document section = Jsoup.parse(http.get("/sections/" + this.section.slug()).body());
		assertThat(section.select(".feed-links a").eachText()).containsExactly("RSS", "Atom");
	}

	private List<String> alternates(String path) {
		Document page = Jsoup.parse(http.get(path).body());
		return page.select("head link[rel=alternate][type~=application/(rss|atom)\\+xml]").eachAttr("href");
	}

	private WireFeed wire(String path, String mediaType) throws Exception {
		HttpResponse<String> response = http.get(path, mediaType);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).isEqualTo(mediaType + ";charset=UTF-8");
		return new WireFeedInput().build(new StringReader(response.body()));
	}

	private SyndFeed synd(String path) throws Exception {
		HttpResponse<String> response = http.get(path, "*/*");
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return new SyndFeedInput().build(new StringReader(response.body()));
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	/** The byline of an RSS item, as Rome reads it back from {@code dc:creator}. */
	private static List<String> creators(List<Element> markup, Item item) {
		com.rometools.rome.feed.module.DCModule dc = (com.rometools.rome.feed.module.DCModule) item
			.getModule(com.rometools.rome.feed.module.DCModule.URI);
		return dc == null ? List.of() : dc.getCreators();
	}

	private static Element mediaContent(List<Element> markup) {
		return markup.stream()
			.filter(e -> e.getName().equals("content") && e.getNamespaceURI().equals("http://search.yahoo.com/mrss/"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No media:content in " + markup));
	}

	static String utf8(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}
}
