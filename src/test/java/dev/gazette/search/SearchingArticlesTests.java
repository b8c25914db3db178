package dev.gazette.search;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import dev.gazette.article.ArticleState;
import dev.gazette.article.Author;
import dev.gazette.article.Contributors;
import dev.gazette.article.Manuscripts;
import dev.gazette.article.Section;
import dev.gazette.support.Http;
import dev.gazette.support.Json;
import dev.gazette.support.Newsroom;
import dev.gazette.support.Newsroom.Published;
import dev.gazette.support.RunningGazette;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import dev.gazette.article.ArticleCatalog;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Readers' search over the real application: articles published through the catalogue reach the index through the
 * change feed, and are found (or not) the way a reader would expect. Each test marks its articles with a made-up word
 * of its own, so other tests' articles in the shared application never match.
 */
@RunningGazette
class SearchingArticlesTests {

	private static final Instant NOW = Instant.parse(RunningGazette.NOW);

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	Manuscripts manuscripts;

	@Autowired
	Contributors contributors;

	@Autowired
	ReaderSearch search;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	Newsroom newsroom;

	Http http;

	/** A word no other article has: this test's articles all carry it. */
	String marker;

	@BeforeEach
	void setUp() {
		newsroom = new Newsroom(catalog);
		http = new Http(port);
		Random random = new Random();
		StringBuilder word = new StringBuilder("qz");
		for (int i = 0; i < 8; i++) {
			word.append((char) ('a' + random.nextInt(26)));
		}
		marker = word.toString();
	}

	private List<String> headlines(String text) {
		return headlines(query(text));
	}

	private List<String> headlines(ArticleQuery query) {
		return search.search(query).items().stream().map(ArticleHits.Hit::headline).toList();
	}

	private static ArticleQuery query(String text) {
		return new ArticleQuery(text, null, null, null, null, null, null, ArticleQuery.Order.RELEVANCE, 1, 10);
	}

	private Published article(String headline, String body) {
		return newsroom.article().headline(headline).standfirst("A note " + marker).body(body).publish();
	}

	@Test
	void aWordInTheHeadlineRanksAboveTheSameWordInTheBody() {
		article("Council meets on Tuesday", "The lighthouse keeper spoke at length.");
		article("Lighthouse keeper retires", "After forty years, the keeper hands over the keys.");

		assertThat(headlines(marker + " lighthouse")).containsExactly("Lighthouse keeper retires",
				"Council meets on Tuesday");
	}

	@Test
	void ofTwoEqualMatchesTheMoreRecentComesFirst() {
		newsroom.article().headline("Ferry timetable old").standfirst(marker).body("Ferry news.")
			.publishedAt(Instant.parse("2012-01-01T00:00:00Z")).publish();
		newsroom.article().headline("Ferry timetable new").standfirst(marker).body("Ferry news.")
			.publishedAt(NOW.minusSeconds(86_400 * 3)).publish();

		assertThat(headlines(marker + " ferry")).containsExactly("Ferry timetable new", "Ferry timetable old");
	}

	@Test
	void englishEndingsAreIgnored() {
		article("Flood warning", "The river rose overnight.");

		assertThat(headlines(marker + " rivers")).containsExactly("Flood warning");
		assertThat(headlines(marker + " rising")).isEmpty();
	}

	@Test
	void aMisspeltQueryThatFindsNothingSuggestsTheWordsTheIndexKnows() {
		article("Lighthouse keeper retires", "After forty years.");

		ArticleHits hits = search.search(query(marker + " lighthuose"));

		assertThat(hits.items()).isEmpty();
		assertThat(hits.suggestion()).isEqualTo(marker + " lighthouse");
		assertThat(headlines(hits.suggestion())).containsExactly("Lighthouse keeper retires");
		Document page = Jsoup.parse(http.get("/search?q=" + encode(marker + " lighthuose")).body());
		assertThat(page.select(".did-you-mean a").text()).isEqualTo(marker + " lighthouse");
		assertThat(page.select(".did-you-mean a").attr("href")).isEqualTo("/search?q=" + marker + "%20lighthouse");
	}

	@Test
	void azerbaijaniSchwaAndDiacriticsFoldToPlainLetters() {
		article("Əliyev visits the port", "Müller and the café owners met him.");

		assertThat(headlines(marker + " Aliyev")).containsExactly("Əliyev visits the port");
		assertThat(headlines(marker + " əliyev")).containsExactly("Əliyev visits the port");
		assertThat(headlines(marker + " muller cafe")).containsExactly("Əliyev visits the port");
	}

	@Test
	void turkishDottedAndDotlessIMatchPlainI() {
		article("İstanbul ışık festivali", "Oğuz Türk opened the festival.");

		assertThat(headlines(marker + " istanbul")).containsExactly("İstanbul ışık festivali");
		assertThat(headlines(marker + " ISTANBUL isik")).containsExactly("İstanbul ışık festivali");
		assertThat(headlines(marker + " oguz turk")).containsExactly("İstanbul ışık festivali");
	}

	@Test
	void hebrewAndArabicWordsAreFoundOnTheirOwn() {
		article("Greetings in two scripts", "שלום עולם ומה שלומכם. السلام عليكم ورحمة الله");

		assertThat(headlines(marker + " עולם")).containsExactly("Greetings in two scripts");
		assertThat(headlines(marker + " عليكم")).containsExactly("Greetings in two scripts");
		assertThat(headlines(marker + " שלום")).containsExactly("Greetings in two scripts");
	}

	@Test
	void quotedPhrasesExclusionsAndOr() {
		article("Wall news", "The harbour wall rises this spring.");
		article("Harbour news", "A wall by the harbour fell in the storm.");
		article("Market news", "Stalls return to the square.");

		assertThat(headlines(marker + " \"harbour wall\"")).containsExactly("Wall news");
		assertThat(headlines(marker + " harbour -storm")).containsExactly("Wall news");
		assertThat(headlines(marker + " (stalls OR storm)")).containsExactlyInAnyOrder("Harbour news", "Market news");
	}

	@Test
	void filtersNarrowBySectionAuthorTagKindAndDate() {
		Section port = newsroom.section("Port " + marker);
		Author ayla = newsroom.author("Ayla Filter " + marker);
		newsroom.article().headline("In the port section").standfirst(marker).in(port).publish();
		newsroom.article().headline("By Ayla").standfirst(marker).by(ayla).publish();
		newsroom.article().headline("Tagged boats").standfirst(marker).tagged("Boats " + marker).publish();
		newsroom.article().headline("An opinion").standfirst(marker).opinion().publish();
		newsroom.article().headline("From 2016").standfirst(marker).publishedAt(Instant.parse("2016-05-05T12:00:00Z")).publish();

		assertThat(headlines(filter(port.slug(), null, null, null, null, null))).containsExactly("In the port section");
		assertThat(headlines(filter(null, ayla.slug(), null, null, null, null))).containsExactly("By Ayla");
		assertThat(headlines(filter(null, null, "boats-" + marker, null, null, null))).containsExactly("Tagged boats");
		assertThat(headlines(filter(null, null, null, "opinion", null, null))).containsExactly("An opinion");
		assertThat(headlines(filter(null, null, null, null, LocalDate.parse("2016-01-01"), LocalDate.parse("2016-12-31"))))
			.containsExactly("From 2016");
		assertThat(headlines(filter(null, null, null, "news", null, null))).hasSize(4).doesNotContain("An opinion");
	}

	@Test
	void aRenamedTagFiltersByItsNewAddress() {
		newsroom.article().headline("Tagged lanterns").standfirst(marker).tagged("Lanterns " + marker).publish();
		long tagId = contributors.tags().stream().filter(t -> t.slug().equals("lanterns-" + marker)).findFirst()
			.orElseThrow().id();

		contributors.renameTag(tagId, "Lamps " + marker);

		assertThat(headlines(filter(null, null, "lamps-" + marker, null, null, null))).containsExactly("Tagged lanterns");
		assertThat(headlines(filter(null, null, "lanterns-" + marker, null, null, null))).isEmpty();
	}

	private ArticleQuery filter(String section, String author, String tag, String kind, LocalDate from, LocalDate to) {
		return new ArticleQuery(marker, section, author, tag, kind, from, to, ArticleQuery.Order.RELEVANCE, 1, 10);
	}

	@Test
	void sortingByDatePutsTheNewestFirstWhateverTheMatch() {
		article(marker + " " + marker + " older but closer", "old");
		newsroom.article().headline("Newer").standfirst(marker).publishedAt(NOW.minusSeconds(7200)).publish();

		List<String> byDate = headlines(new ArticleQuery(marker, null, null, null, null, null, null,
				ArticleQuery.Order.DATE, 1, 10));
		assertThat(byDate.get(0)).isEqualTo("Newer");
	}

	@Test
	void resultsComeInPages() {
		for (int i = 1; i <= 12; i++) {
			newsroom.article().headline("Numbered piece " + i).standfirst(marker)
				.publishedAt(NOW.minusSeconds(86_400L * (100 + i))).publish();
		}

		ArticleHits second = search.search(new ArticleQuery(marker, null, null, null, null, null, null,
				ArticleQuery.Order.DATE, 2, 10));
		assertThat(second.total()).isEqualTo(12);
		assertThat(second.items()).extracting(ArticleHits.Hit::headline).containsExactly("Numbered piece 11", "Numbered piece 12");
	}

	@Test
	void anUnpublishedArticleIsGoneAtOnce() {
		Published piece = article("Soon to be withdrawn", "Nothing to see.");
		assertThat(headlines(marker)).containsExactly("Soon to be withdrawn");

		long version = manuscripts.find(piece.id()).orElseThrow().version();
		manuscripts.moveTo(piece.id(), version, ArticleState.UNPUBLISHED, null);

		assertThat(headlines(marker)).isEmpty();
		assertThat(http.get("/search?q=" + marker).body()).doesNotContain("Soon to be withdrawn");
	}

	@Test
	void anArticleUnpublishedWhereThisIndexHasNotHeardOfItYetIsNotShown() {
		Published piece = article("Withdrawn on another node", "Nothing to see.");
		// As another node's change looks before this node has read the feed: the row changed, the index did not.
		jdbc.sql("update article set state = 'unpublished' where id = :id").param("id", piece.id()).update();

		assertThat(headlines(marker)).isEmpty();
	}

	@Test
	void aPieceScheduledForLaterIsNotFoundBeforeItsTime() {
		newsroom.article().headline("Tomorrow's piece").standfirst(marker).publishedAt(NOW.plusSeconds(86_400)).publish();
		article("Today's piece", "Here now.");

		assertThat(headlines(marker)).containsExactly("Today's piece");
	}

	@Test
	void theSearchPageShowsHighlightedEscapedResults() {
		article("<script>alert('x')</script> harbour", "The <b>harbour</b> & the sea.");

		HttpResponse<String> response = http.get("/search?q=" + encode(marker + " harbour"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).doesNotContain("<script>alert").doesNotContain("<b>harbour");
		Document page = Jsoup.parse(response.body());
		assertThat(page.select(".hit h3 a").text()).isEqualTo("<script>alert('x')</script> harbour");
		assertThat(page.select(".hit .snippet mark").eachText()).contains("harbour");
		assertThat(page.select(".hit .snippet").text()).contains("<b>harbour</b> & the sea");
		assertThat(page.select("h2#results-heading").text()).isEqualTo("1 article found");
		assertThat(page.select("header form[role=search] input[name=q]")).hasSize(1);
		assertThat(page.select("label[for=search-q]").text()).isEqualTo("Words");
	}

	@Test
	void aHostileQueryIsEchoedEscaped() {
		HttpResponse<String> response = http.get("/search?q=" + encode("<script>alert(1)</script>"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).doesNotContain("<script>alert(1)");
		assertThat(Jsoup.parse(response.body()).select("#search-q").val()).isEqualTo("<script>alert(1)</script>");
	}

	@Test
	void markupBetweenSlashesIsSearchedAsWordsNotAsARegularExpression() {
		// "</title><script>alert(5)</script>" holds "/title><script>alert(5)</", which the query syntax reads as a
		// regular expression that Lucene cannot parse; this was a 500.
		for (String typed : List.of("</title><script>alert(5)</script>", "/[a/", "/(((((((((((((((((((((((/")) {
			HttpResponse<String> page = http.get("/search?q=" + encode(typed));
			assertThat(page.statusCode()).as("the search page for %s", typed).isEqualTo(200);
			assertThat(Jsoup.parse(page.body()).select("#search-q").val()).isEqualTo(typed);
			assertThat(http.getJson("/api/v1/search?q=" + encode(typed)).statusCode()).as("the API for %s", typed)
				.isEqualTo(200);
		}
	}

	@Test
	void theSearchPageRefusesABadDateNamingTheField() {
		HttpResponse<String> response = http.get("/search?q=harbour&from=yesterday");

		assertThat(response.statusCode()).isEqualTo(400);
		Document page = Jsoup.parse(response.body());
		assertThat(page.select("#search-problem").text()).contains("'from'");
		assertThat(page.select("#search-from").attr("aria-invalid")).isEqualTo("true");
	}

	@Test
	void everyPageHasTheSearchBox() {
		Document front = Jsoup.parse(http.get("/").body());

		assertThat(front.select("header form[action=/search][method=get] input[type=search][name=q]")).hasSize(1);
	}

	@Test
	void theApiAnswersWithMatchingPublishedArticles() {
		Section sea = newsroom.section("Sea " + marker);
		newsroom.article().headline("Sea wall " + marker).standfirst("Waves.").in(sea).publish();
		newsroom.article().headline("Land wall " + marker).standfirst("Fields.").publish();

		HttpResponse<String> response = http.getJson("/api/v1/search?q=" + marker + "&section=" + sea.slug());

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = Json.read(response);
		assertThat(body.get("total").asLong()).isEqualTo(1);
		assertThat(body.get("totalIsLowerBound").asBoolean()).isFalse();
		assertThat(body.get("items").get(0).get("headline").asString()).isEqualTo("Sea wall " + marker);
		assertThat(body.get("items").get(0).get("section").asString()).isEqualTo(sea.slug());
	}

	@Test
	void theApiRefusesBadInputWithProblemJson() {
		for (String bad : List.of("q=x&from=2018-13-01", "q=x&kind=gossip", "q=x&page=0", "q=x&sort=random", "")) {
			HttpResponse<String> response = http.getJson("/api/v1/search?" + bad);

			assertThat(response.statusCode()).as(bad).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
			JsonNode problem = Json.read(response);
			assertThat(problem.get("errors").get(0).get("field").asString()).as(bad).isNotBlank();
		}
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}
}
