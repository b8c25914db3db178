package dev.gazette.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.article.ArticleCatalog;
import dev.gazette.support.Http;
import dev.gazette.support.Newsroom;
import dev.gazette.support.Newsroom.Published;
import dev.gazette.support.RunningGazette;
import java.net.http.HttpResponse;
import java.time.Instant;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Tag pages: what an article's tags lead to, with the tag's articles and its feeds. */
@RunningGazette
class TagPagesTests {

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
	void anArticlesTagsLeadToTheTagsPageWithItsArticlesAndFeeds() {
		String name = "Lighthouses " + Newsroom.unique("t");
		Published tagged = newsroom.article().headline("Keepers of the light").tagged(name).publish();
		newsroom.article().headline("Untagged harbour piece").publish();
		newsroom.article().headline("Tomorrow's lighthouse piece").tagged(name)
			.publishedAt(Instant.parse(RunningGazette.NOW).plusSeconds(86_400)).publish();

		Document article = Jsoup.parse(http.get(tagged.path()).body());
		String tagPath = article.select(".tags a.tag").attr("href");
		assertThat(article.select(".tags a.tag").text()).isEqualTo(name);

		HttpResponse<String> response = http.get(tagPath);
		assertThat(response.statusCode()).isEqualTo(200);
		Document page = Jsoup.parse(response.body());
		assertThat(page.select("h1").text()).isEqualTo(name);
		assertThat(page.select(".cards").text()).contains("Keepers of the light")
			.doesNotContain("Untagged harbour piece")
			.doesNotContain("Tomorrow's lighthouse piece");
		String feed = page.select("link[rel=alternate][type=application/rss+xml]").attr("href");
		assertThat(feed).endsWith(tagPath.replace("/tags/", "/feeds/tags/") + "/rss.xml");
		assertThat(http.get(feed.replace(RunningGazette.BASE_URL, "")).body()).contains("Keepers of the light");
	}

	@Test
	void anUnknownTagIsNotFound() {
		assertThat(http.get("/tags/" + Newsroom.unique("no-such-tag")).statusCode()).isEqualTo(404);
	}
}
