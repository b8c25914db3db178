package dev.gazette.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;

import dev.gazette.article.ArticleCatalog;
import dev.gazette.support.Newsroom;
import dev.gazette.support.Newsroom.Published;
import dev.gazette.support.RunningGazette;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages stay light on the wire: text is gzipped, and the stylesheet and icon have content-hash names so browsers
 * may keep them for a year (a changed file gets a new name).
 */
@RunningGazette
class CachingAndCompressionTests {

	private static final String ONE_YEAR = "max-age=31536000";

	private final HttpClient client = HttpClient.newHttpClient();

	@Autowired
	ArticleCatalog catalog;

	@LocalServerPort
	int port;

	Published article;

	@BeforeEach
	void publish() {
		article = new Newsroom(catalog).article().publish();
	}

	@Test
	void pagesAreGzippedForBrowsersThatAcceptIt() throws Exception {
		HttpResponse<byte[]> page = get(article.path(), "gzip, deflate, br");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(page.headers().firstValue("Vary").orElse("")).containsIgnoringCase("accept-encoding");
	}

	@Test
	void theStylesheetHasAContentHashNameIsGzippedAndCachedForAYear() throws Exception {
		String stylesheet = layout().selectFirst("link[rel=stylesheet]").attr("href");

		assertThat(stylesheet).matches("/css/gazette-[0-9a-f]{32}\\.css");
		HttpResponse<byte[]> css = get(stylesheet, "gzip");
		assertThat(css.statusCode()).isEqualTo(200);
		assertThat(css.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(css.headers().firstValue("Cache-Control").orElse("")).contains(ONE_YEAR);
	}

	@Test
	void everyPageNamesItsIconSoBrowsersDoNotAskForAMissingFavicon() throws Exception {
		String icon = layout().selectFirst("link[rel=icon]").attr("href");

		assertThat(icon).matches("/icons/gazette-[0-9a-f]{32}\\.svg");
		HttpResponse<byte[]> svg = get(icon, "identity");
		assertThat(svg.statusCode()).isEqualTo(200);
		assertThat(svg.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
		assertThat(svg.headers().firstValue("Cache-Control").orElse("")).contains(ONE_YEAR);
	}

	private Document layout() throws IOException, InterruptedException {
		HttpResponse<byte[]> page = get(article.path(), "identity");
		return Jsoup.parse(new String(page.body(), StandardCharsets.UTF_8));
	}

	private HttpResponse<byte[]> get(String path, String acceptEncoding) throws IOException, InterruptedException {
		return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept-Encoding", acceptEncoding)
			.build(), BodyHandlers.ofByteArray());
	}
}
