package dev.gazette.web;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.gazette.article.ArticleCatalog;
import dev.gazette.article.Author;
import dev.gazette.article.LeadImage;
import dev.gazette.article.Section;
import dev.gazette.publication.Publication;
import dev.gazette.publication.Publications;
import dev.gazette.publication.SecondCalendar;
import dev.gazette.support.Http;
import dev.gazette.support.Newsroom;
import dev.gazette.support.Newsroom.Published;
import dev.gazette.support.RunningGazette;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The pages a reader reads, fetched over HTTP as a browser would. */
@RunningGazette
class ReadingPagesTests {

	private static final Instant NOW = Instant.parse(RunningGazette.NOW);

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	Publications publications;

	@LocalServerPort
	int port;

	Http http;

	Newsroom newsroom;

	@BeforeEach
	void publishInJerusalemWithTheHebrewCalendar() {
		http = new Http(port);
		newsroom = new Newsroom(catalog);
		publications.update(new Publication("The Test Gazette", "News you can test", ZoneId.of("Asia/Jerusalem"),
				SecondCalendar.HEBREW, "Opinions are the writers' own.", "Pitch us your own column."));
	}

	@Nested
	class ArticlePage {

		Author author;

		Published news;

		@BeforeEach
		void publishANewsStory() {
			author = newsroom.author("Dalia Cohen");
			news = newsroom.article()
				.headline("Sea wall \"approved\" & funded")
				.standfirst("The council voted 7–2 on Tuesday night.")
				.body("Work begins **in spring**.")
				.by(author)
				.publishedAt(Instant.parse("2015-12-11T02:31:00Z"))
				.leadImage(new LeadImage("/images/harbour.jpg", 1600, 900, "Fishing boats in the harbour at dawn",
						"The old harbour wall, seen from the lighthouse.", "Photo: Noa Bar"))
				.originallyPublishedBy("The Harbour Times", "https://example.org/harbour-times/sea-wall")
				.publish();
		}

		@Test
		void theMastheadShowsTodaysDateInBothCalendars() {
			Document page = page(news.path());

			assertThat(page.selectFirst(".masthead .dateline").text()).isEqualTo("Sunday, July 22nd | 10 Av 5778");
			assertThat(page.selectFirst(".masthead .brand").text()).isEqualTo("The Test Gazette");
		}

		@Test
		void showsHeadlineStandfirstAndTheTimeInThePublicationsZone() {
			Document page = page(news.path());

			assertThat(page.selectFirst("h1.headline").text()).isEqualTo("Sea wall \"approved\" & funded");
			assertThat(page.selectFirst(".story-header .standfirst").text()).isEqualTo("The council voted 7–2 on Tuesday night.");
			Element time = page.selectFirst(".story-header time");
			assertThat(time.text()).isEqualTo("December 11, 2015 4:31 am");
			assertThat(time.attr("datetime")).isEqualTo("2015-12-11T02:31:00Z");
			assertThat(page.selectFirst(".story-body").html()).isEqualTo("<p>Work begins <strong>in spring</strong>.</p>");
			assertThat(page.title()).isEqualTo("Sea wall \"approved\" & funded — The Test Gazette");
		}

		@Test
		void showsWhenAStoryWasUpdated() {
			Published updated = newsroom.article()
				.publishedAt(Instant.parse("2015-12-11T02:31:00Z"))
				.updatedAt(Instant.parse("2015-12-11T14:05:00Z"))
				.publish();

			Element meta = page(updated.path()).selectFirst(".story-header .meta");

			assertThat(meta.selectFirst(".updated").text()).isEqualTo("Updated December 11, 2015 4:05 pm");
		}

		@Test
		void theBylineShowsTheAuthorsAvatarAndLinksToTheirPage() {
			Element byline = page(news.path()).selectFirst(".byline-block a.byline");

			assertThat(byline.attr("href")).isEqualTo("/authors/" + author.slug());
			assertThat(byline.selectFirst(".byline-name").text()).isEqualTo("Dalia Cohen");
			assertThat(byline.selectFirst(".byline-title").text()).isEqualTo(author.title());
			assertThat(byline.selectFirst("img.avatar").attr("src")).isEqualTo(author.avatarUrl());
		}

		@Test
		void offersToEmailACopyToAFriend() {
			Element link = page(news.path()).selectFirst(".email-friend a");

			assertThat(link.text()).isEqualTo("Email a copy of “Sea wall \"approved\" & funded” to a friend");
			assertThat(link.attr("href")).isEqualTo(news.path() + "/email");
		}

		@Test
		void showsTheLeadImageWithCaptionAndCredit() {
			Element figure = page(news.path()).selectFirst("figure.lead-image");

			Element image = figure.selectFirst("img");
			assertThat(image.attr("src")).isEqualTo("/images/harbour.jpg");
			assertThat(image.attr("alt")).isEqualTo("Fishing boats in the harbour at dawn");
			assertThat(image.attr("width")).isEqualTo("1600");
			assertThat(image.attr("height")).isEqualTo("900");
			assertThat(figure.selectFirst("figcaption").text())
				.isEqualTo("The old harbour wall, seen from the lighthouse. Photo: Noa Bar");
			assertThat(figure.selectFirst("figcaption .credit").text()).isEqualTo("Photo: Noa Bar");
		}

		@Test
		void creditsThePartnerWhereTheStoryFirstRan() {
			Element syndication = page(news.path()).selectFirst(".syndication");

			assertThat(syndication.text()).isEqualTo("Originally published by The Harbour Times.");
			assertThat(syndication.selectFirst("a").attr("href")).isEqualTo("https://example.org/harbour-times/sea-wall");
		}

		@Test
		void endsWithTheAuthorsBio() {
			Element bio = page(news.path()).selectFirst("aside.author-bio");

			assertThat(bio.selectFirst(".author-name a").attr("href")).isEqualTo("/authors/" + author.slug());
			assertThat(bio.text()).contains(author.bio()).contains(author.title());
		}

		@Test
		void aNewsStoryHasNoOpinionDisclaimer() {
			Document page = page(news.path());

			assertThat(page.select(".disclaimer")).isEmpty();
			assertThat(page.text()).doesNotContain("Opinions are the writers' own.", "Pitch us your own column.");
		}

		@Test
		void anOpinionPieceCarriesTheDisclaimerAndTheInvitationToWrite() {
			Published opinion = newsroom.article().opinion().publish();

			Document page = page(opinion.path());

			assertThat(page.selectFirst(".disclaimer").text())
				.isEqualTo("Opinions are the writers' own. Pitch us your own column.");
			assertThat(page.selectFirst(".story-header .badge").text()).isEqualTo("Opinion");
		}

		@Test
		void anOpinionPieceInTheOpinionSectionSaysOpinionOnce() {
			Published opinion = newsroom.article().opinion().in(newsroom.section("Opinion")).publish();

			Document page = page(opinion.path());

			assertThat(page.selectFirst(".story-header .kicker").text()).isEqualTo("Opinion");
		}

		@Test
		void shareLinksCarryTheArticlesAddressPercentEncoded() {
			Document page = page(news.path());
			String url = RunningGazette.BASE_URL + news.path();

			String facebook = page.selectFirst("a.share-facebook").attr("href");
			String x = page.selectFirst("a.share-x").attr("href");
			String email = page.selectFirst("a.share-email").attr("href");

			assertThat(facebook).isEqualTo("https://www.facebook.com/sharer/sharer.php?u="
					+ "https%3A%2F%2Fgazette.example%2Farticles%2F" + news.slug());
			assertThat(x).startsWith("https://x.com/intent/post?");
			assertThat(queryFields(URI.create(x).getRawQuery())).containsExactly(Map.entry("url", url),
					Map.entry("text", news.headline()));
			assertThat(email).startsWith("mailto:?");
			assertThat(mailtoFields(email)).containsExactly(Map.entry("subject", news.headline()), Map.entry("body", url));
			for (String href : List.of(facebook, x, email)) {
				String query = href.substring(href.indexOf('?') + 1);
				assertThat(query).as("nothing unencoded in " + href).matches("[A-Za-z0-9%._~=&-]*");
			}
		}

		@Test
		void invitesTheReaderToTheDiscussionOnceAndToTheNewsletter() {
			Document page = page(news.path());

			assertThat(page.select("a[href=#comment-form]")).as("no box repeating the form under it").isEmpty();
			assertThat(page.select("article a[href=/newsletter]").eachText()).containsExactly("Subscribe to the newsletter");
			assertThat(page.select("footer a").eachAttr("href")).contains("/privacy", "/terms", "/newsletter");
			assertThat(page.selectFirst("section#comments")).isNotNull();
			assertThat(page.selectFirst("section#comments form#comment-form")).isNotNull();
		}

		@Test
		void pointsSearchEnginesToTheCanonicalAddress() {
			Document page = page(news.path());

			assertThat(page.selectFirst("link[rel=canonical]").attr("href")).isEqualTo(RunningGazette.BASE_URL + news.path());
			assertThat(page.selectFirst("meta[name=description]").attr("content")).isEqualTo(news.standfirst());
		}
	}

	@Nested
	class Listings {

		@Test
		void theFrontPageListsTheLatestArticlesNewestFirstInPages() {
			// The hour before the clock is reserved for this test (see RunningGazette): these are the newest articles.
			Author author = newsroom.author("Leyla Məmmədova");
			Section section = newsroom.section("Harbour");
			List<Published> latest = new ArrayList<>();
			for (int i = 0; i < 13; i++) {
				latest.add(0, newsroom.article()
					.headline("Front page story " + i)
					.standfirst("Standfirst " + i)
					.by(author)
					.in(section)
					.publishedAt(NOW.minus(Duration.ofMinutes(59 - i)))
					.leadImage(new LeadImage("/images/story-" + i + ".jpg", 800, 450, "Alt " + i, null, null))
					.publish());
			}

			Document front = page("/");
			Document second = page("/?page=2");

			List<Element> cards = front.select(".cards article.card");
			assertThat(cards).hasSize(12);
			assertThat(cards).extracting(card -> card.selectFirst(".card-headline").text())
				.containsExactlyElementsOf(latest.subList(0, 12).stream().map(Published::headline).toList());
			Element lead = cards.get(0);
			assertThat(lead.hasClass("card-lead")).isTrue();
			assertThat(lead.selectFirst(".card-headline a").attr("href")).isEqualTo(latest.get(0).path());
			assertThat(lead.selectFirst(".standfirst").text()).isEqualTo("Standfirst 12");
			assertThat(lead.selectFirst("a.byline").text()).isEqualTo("Leyla Məmmədova");
			assertThat(lead.selectFirst("a.byline").attr("href")).isEqualTo("/authors/" + author.slug());
			assertThat(lead.selectFirst("time").text()).isEqualTo("July 22, 2018");
			assertThat(lead.selectFirst(".card-image img").attr("src")).isEqualTo("/images/story-12.jpg");
			assertThat(lead.selectFirst(".kicker a").attr("href")).isEqualTo("/sections/" + section.slug());
			assertThat(front.selectFirst("nav.pager a[rel=next]").attr("href")).isEqualTo("/?page=2");
			assertThat(front.select("nav.pager a[rel=prev]")).isEmpty();
			assertThat(second.selectFirst(".cards article.card .card-headline").text()).isEqualTo("Front page story 0");
			assertThat(second.selectFirst(".cards article.card").hasClass("card-lead")).isFalse();
			assertThat(second.selectFirst("nav.pager a[rel=prev]").attr("href")).isEqualTo("/");
		}

		@Test
		void aSectionPageListsOnlyThatSectionsArticles() {
			Section section = newsroom.section("Lighthouses");
			List<Published> inSection = new ArrayList<>();
			for (int i = 0; i < 13; i++) {
				inSection.add(0, newsroom.article().headline("Lighthouse " + i).in(section)
					.publishedAt(Instant.parse("2016-01-01T00:00:00Z").plus(Duration.ofDays(i))).publish());
			}
			Published elsewhere = newsroom.article().headline("Not about lighthouses").publish();

			Document first = page("/sections/" + section.slug());
			Document second = page("/sections/" + section.slug() + "?page=2");

			assertThat(first.selectFirst(".page-header h1").text()).isEqualTo("Lighthouses");
			assertThat(first.selectFirst(".page-header p").text()).isEqualTo(section.description());
			assertThat(headlines(first)).containsExactlyElementsOf(
					inSection.subList(0, 12).stream().map(Published::headline).toList());
			assertThat(headlines(second)).containsExactly("Lighthouse 0");
			assertThat(first.text()).doesNotContain(elsewhere.headline());
			assertThat(first.selectFirst("nav.pager").text()).contains("Page 1 of 2");
		}

		@Test
		void anAuthorPageShowsTheirAvatarBioAndArticles() {
			Author author = newsroom.author("Emre Yıldız");
			Published first = newsroom.article().headline("Ferries at dusk").by(author)
				.publishedAt(Instant.parse("2017-03-01T10:00:00Z")).publish();
			Published second = newsroom.article().headline("Ferries at dawn").by(author)
				.publishedAt(Instant.parse("2017-03-02T10:00:00Z")).publish();
			newsroom.article().headline("Someone else's story").publish();

			Document page = page("/authors/" + author.slug());

			assertThat(page.selectFirst(".author-header h1").text()).isEqualTo("Emre Yıldız");
			assertThat(page.selectFirst(".author-header img.avatar").attr("src")).isEqualTo(author.avatarUrl());
			assertThat(page.selectFirst(".author-header .bio").text()).isEqualTo(author.bio());
			assertThat(page.selectFirst(".author-header .author-title").text()).isEqualTo(author.title());
			assertThat(headlines(page)).containsExactly(second.headline(), first.headline());
		}

		@Test
		void aCardCountsTheArticlesComments() {
			Section section = newsroom.section("Counted");
			Published article = newsroom.article().in(section).publish();
			http.postForm(article.path() + "/comments", Map.of("authorName", "Ayelet", "body", "One"));
			http.postForm(article.path() + "/comments", Map.of("authorName", "Burak", "body", "Two"));

			Element card = page("/sections/" + section.slug()).selectFirst("article.card");

			assertThat(card.selectFirst(".meta a[href$=#comments]").text()).isEqualTo("2 comments");
		}

		@Test
		void anUnknownSectionOrAuthorIsNotFound() {
			assertErrorPage(http.get("/sections/" + Newsroom.unique("nowhere")), 404, "Page not found");
			assertErrorPage(http.get("/authors/" + Newsroom.unique("nobody")), 404, "Page not found");
		}
	}

	@Nested
	class ErrorPagesForPeople {

		@Test
		void anUnknownArticleIsANotFoundPageInTheSiteLayout() {
			assertErrorPage(http.get("/articles/" + Newsroom.unique("nowhere")), 404, "Page not found");
		}

		@Test
		void anArticleScheduledForLaterIsNotFoundYet() {
			Published scheduled = newsroom.article().publishedAt(NOW.plusSeconds(60)).publish();

			assertErrorPage(http.get(scheduled.path()), 404, "Page not found");
		}

		@ParameterizedTest
		@ValueSource(strings = { "?cpage=abc", "?cpage=99999999999", "?page=x" })
		void aMalformedAddressIsABadRequestPageInTheSiteLayout(String query) {
			Published article = newsroom.article().publish();
			String path = query.startsWith("?page") ? "/" + query : article.path() + query;

			assertErrorPage(http.get(path), 400, "That request did not make sense");
		}

		@Test
		void aPageBeyondTheLastIsEmptyNotAnError() {
			Published article = newsroom.article().publish();

			assertThat(http.get(article.path() + "?cpage=999").statusCode()).isEqualTo(200);
			assertThat(http.get("/?page=999999").statusCode()).isEqualTo(200);
		}
	}

	// --- helpers ---

	private Document page(String path) {
		HttpResponse<String> response = http.get(path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
		return Jsoup.parse(response.body());
	}

	private static List<String> headlines(Document page) {
		return page.select(".cards article.card .card-headline").eachText();
	}

	private static void assertErrorPage(HttpResponse<String> response, int status, String title) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
		assertThat(response.body()).doesNotContain("Exception", "at dev.gazette", "java.", "Whitelabel");
		Document page = Jsoup.parse(response.body());
		assertThat(page.selectFirst(".masthead .brand")).as("the site's layout").isNotNull();
		assertThat(page.selectFirst(".masthead .dateline").text()).isEqualTo("Sunday, July 22nd | 10 Av 5778");
		assertThat(page.selectFirst(".error-page h1").text()).isEqualTo(title);
		assertThat(page.selectFirst(".error-page .error-code").text()).isEqualTo("Error " + status);
	}

	/** The fields of a {@code mailto:?subject=...&body=...} link, percent-decoded. */
	private static Map<String, String> mailtoFields(String href) {
		assertThat(href).startsWith("mailto:?");
		return queryFields(href.substring("mailto:?".length()));
	}

	private static Map<String, String> queryFields(String rawQuery) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (String pair : rawQuery.split("&")) {
			String[] nameAndValue = pair.split("=", 2);
			// Percent-encoding only: a '+' must have been written as %2B, so keep any literal '+' as it is.
			fields.put(nameAndValue[0], URLDecoder.decode(nameAndValue[1].replace("+", "%2B"), StandardCharsets.UTF_8));
		}
		return fields;
	}
}
