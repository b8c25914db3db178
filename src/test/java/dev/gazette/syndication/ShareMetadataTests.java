package dev.gazette.syndication;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import dev.gazette.article.ArticleCatalog;
import dev.gazette.article.Author;
import dev.gazette.article.LeadImage;
import dev.gazette.article.Section;
import dev.gazette.support.Http;
import dev.gazette.support.Newsroom;
import dev.gazette.support.Newsroom.Published;
import dev.gazette.support.RunningGazette;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a link preview or a search engine reads from an article page: Open Graph and X card tags, and JSON-LD that
 * a JSON parser reads back exactly, however hostile the headline.
 */
@RunningGazette
class ShareMetadataTests {

	static final String BASE = RunningGazette.BASE_URL;

	@Autowired
	ArticleCatalog catalog;

	@LocalServerPort
	int port;

	Http http;

	Newsroom newsroom;

	@BeforeEach
	void setUp() {
		http = new Http(port);
		newsroom = new Newsroom(catalog);
	}

	@Test
	void anArticleWithALeadImageOffersALargeImagePreview() {
		Author author = newsroom.author("Oğuz Türk");
		Section section = newsroom.section("Harbours");
		Published article = newsroom.article()
			.headline("Sea wall approved")
			.standfirst("Three summers of work — שלום 🎉")
			.in(section)
			.by(author)
			.tagged("Sea walls", "Councils")
			.publishedAt(Instant.parse("2018-07-20T06:00:00Z"))
			.updatedAt(Instant.parse("2018-07-21T10:15:00Z"))
			.leadImage(new LeadImage("/demo/images/coastal-city.svg", 1600, 900, "Cranes on the quay", "The quay.",
					"Photo: Dana"))
			.publish();

		Document page = page(article.path());

		assertThat(property(page, "og:type")).isEqualTo("article");
		assertThat(property(page, "og:site_name")).isNotBlank();
		assertThat(property(page, "og:title")).isEqualTo("Sea wall approved");
		assertThat(property(page, "og:description")).isEqualTo("Three summers of work — שלום 🎉");
		assertThat(property(page, "og:url")).isEqualTo(BASE + article.path());
		assertThat(property(page, "og:image")).isEqualTo(BASE + "/demo/images/coastal-city.svg");
		assertThat(property(page, "og:image:width")).isEqualTo("1600");
		assertThat(property(page, "og:image:height")).isEqualTo("900");
		assertThat(property(page, "og:image:alt")).isEqualTo("Cranes on the quay");
		assertThat(property(page, "article:published_time")).isEqualTo("2018-07-20T06:00:00Z");
		assertThat(property(page, "article:modified_time")).isEqualTo("2018-07-21T10:15:00Z");
		assertThat(property(page, "article:author")).isEqualTo(BASE + "/authors/" + author.slug());
		assertThat(property(page, "article:section")).isEqualTo("Harbours");
		assertThat(page.select("meta[property=article:tag]").eachAttr("content")).containsExactly("Councils",
				"Sea walls");
		assertThat(name(page, "twitter:card")).isEqualTo("summary_large_image");
		assertThat(name(page, "twitter:image")).isEqualTo(BASE + "/demo/images/coastal-city.svg");
		assertThat(page.selectFirst("link[rel=canonical]").attr("href")).isEqualTo(BASE + article.path());

		JsonNode ld = jsonLd(page);
		assertThat(ld.path("@context").asString()).isEqualTo("https://schema.org");
		assertThat(ld.path("@type").asString()).isEqualTo("NewsArticle");
		assertThat(ld.path("headline").asString()).isEqualTo("Sea wall approved");
		assertThat(ld.path("datePublished").asString()).isEqualTo("2018-07-20T06:00:00Z");
		assertThat(ld.path("dateModified").asString()).isEqualTo("2018-07-21T10:15:00Z");
		assertThat(ld.path("image").get(0).path("url").asString()).isEqualTo(BASE + "/demo/images/coastal-city.svg");
		assertThat(ld.path("image").get(0).path("width").asInt()).isEqualTo(1600);
		assertThat(ld.path("author").get(0).path("name").asString()).isEqualTo("Oğuz Türk");
		assertThat(ld.path("author").get(0).path("url").asString()).isEqualTo(BASE + "/authors/" + author.slug());
		assertThat(ld.path("publisher").path("@type").asString()).isEqualTo("NewsMediaOrganization");
		assertThat(ld.path("publisher").path("logo").path("url").asString()).isEqualTo(BASE + "/icons/gazette.svg");
		assertThat(ld.path("mainEntityOfPage").path("@id").asString()).isEqualTo(BASE + article.path());
		assertThat(ld.path("articleSection").asString()).isEqualTo("Harbours");
		assertThat(ld.has("isBasedOn")).isFalse();
	}

	@Test
	void anArticleWithoutAnImageGetsTheSmallCard() {
		Published article = newsroom.article().publish();

		Document page = page(article.path());

		assertThat(name(page, "twitter:card")).isEqualTo("summary");
		assertThat(page.select("meta[property=og:image]")).isEmpty();
		assertThat(jsonLd(page).has("image")).isFalse();
		assertThat(property(page, "article:modified_time")).isEqualTo(property(page, "article:published_time"));
	}

	@Test
	void anOpinionPieceFromAPartnerIsAnOpinionNewsArticleBasedOnTheOriginal() {
		Published article = newsroom.article()
			.opinion()
			.originallyPublishedBy("The Valley Courier", "https://courier.example/river")
			.publish();

		JsonNode ld = jsonLd(page(article.path()));

		assertThat(ld.path("@type").asString()).isEqualTo("OpinionNewsArticle");
		assertThat(ld.path("isBasedOn").path("url").asString()).isEqualTo("https://courier.example/river");
		assertThat(ld.path("isBasedOn").path("publisher").path("name").asString()).isEqualTo("The Valley Courier");
	}

	@Test
	void aHeadlineThatTriesToEndTheScriptStaysInsideTheJson() {
		String hostile = "</script><script>alert(1)</script><!-- \"quoted\" & 'single' </SCRIPT > ]]> \u2028 Oğuz 🎉";
		Published article = newsroom.article().headline(hostile).standfirst("<b>bold?</b> & more").publish();

		HttpResponse<String> response = http.get(article.path());
		Document page = Jsoup.parse(response.body());

		// The one inline script is the JSON-LD; the others are the site's own files (live updates, inline replies).
		assertThat(page.select("script[src]")).extracting(script -> script.attr("src"))
			.allMatch(src -> src.startsWith("/js/"));
		List<Element> scripts = page.select("script:not([src])");
		assertThat(scripts).hasSize(1);
		String json = scripts.get(0).data();
		assertThat(json).doesNotContain("<", ">", "&");
		JsonNode ld = JsonMapper.builder().build().readTree(json);
		assertThat(ld.path("headline").asString()).isEqualTo(hostile);
		assertThat(ld.path("description").asString()).isEqualTo("<b>bold?</b> & more");
		assertThat(property(page, "og:title")).isEqualTo(hostile);
		assertThat(page.select("b")).isEmpty();
		assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
			.contains("script-src 'self'")
			.doesNotContain("unsafe-inline");
	}

	@Test
	void theShareLinksArePlainLinksWithEncodedAddresses() {
		Published article = newsroom.article().headline("Fish & chips: a “history”").publish();

		Document page = page(article.path());

		String x = page.selectFirst("a.share-x").attr("href");
		assertThat(x).isEqualTo("https://x.com/intent/post?url=https%3A%2F%2Fgazette.example%2Farticles%2F"
				+ article.slug() + "&text=Fish%20%26%20chips%3A%20a%20%E2%80%9Chistory%E2%80%9D");
		assertThat(page.selectFirst(".email-friend a").attr("href")).isEqualTo(article.path() + "/email");
	}

	private Document page(String path) {
		HttpResponse<String> response = http.get(path);
		assertThat(response.statusCode()).isEqualTo(200);
		return Jsoup.parse(response.body());
	}

	private static String property(Document page, String property) {
		Element meta = page.selectFirst("meta[property=" + property + "]");
		assertThat(meta).as(property).isNotNull();
		return meta.attr("content");
	}

	private static String name(Document page, String name) {
		Element meta = page.selectFirst("meta[name=" + name + "]");
		assertThat(meta).as(name).isNotNull();
		return meta.attr("content");
	}

	static JsonNode jsonLd(Document page) {
		Element script = page.selectFirst("script[type=application/ld+json]");
		assertThat(script).isNotNull();
		return JsonMapper.builder().build().readTree(script.data());
	}
}
