package dev.gazette.article;

import java.util.Map;
import java.util.Set;

import dev.gazette.media.Picture;
import dev.gazette.article.internal.ArticleBodyRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A body's library images and embeds as the article page gets them: through the body renderer and its sanitiser,
 * with hostile text in every place a writer or an uploader controls.
 */
class BodyFiguresAndEmbedsTests {

	/** Image 7 as the library describes it; its caption and credit are the uploader's, so hostile on purpose. */
	static final Picture HARBOUR = new Picture(7, "/media/7/1024.jpg", "/media/7/320.jpg 320w, /media/7/1024.jpg 1024w",
			2000, 1500, "Boats in the harbour at dawn", "The quay before the market <script>alert(1)</script> opens",
			"Oğuz Türk \"/><img src=x onerror=alert(1)>", "/media/7/1024.jpg", 1024, 768, "image/jpeg");

	final ArticleBodyRenderer renderer = new ArticleBodyRenderer(ids -> ids.contains(7L) ? Map.of(7L, HARBOUR) : Map.of());

	Document page(String markdown) {
		return Jsoup.parseBodyFragment(renderer.render(markdown));
	}

	@Nested
	class LibraryImages {

		@Test
		void anImageAloneOnItsLineIsAResponsiveFigureWithCaptionAndCredit() {
			Document body = page("Before.\n\n![](media:7)\n\nAfter.");
			Element figure = body.selectFirst("figure.body-image");
			assertThat(figure).isNotNull();
			assertThat(figure.parent().tagName()).as("a figure, not inside a paragraph").isEqualTo("body");
			Element img = figure.selectFirst("img");
			assertThat(img.attr("src")).isEqualTo("/media/7/1024.jpg");
			assertThat(img.attr("srcset").split("\\s*,\\s*")).as("every rendition, as the sanitiser writes the list")
				.containsExactly("/media/7/320.jpg 320w", "/media/7/1024.jpg 1024w");
			assertThat(img.attr("sizes")).isEqualTo("(min-width: 48rem) 45rem, 100vw");
			assertThat(img.attr("width")).isEqualTo("2000");
			assertThat(img.attr("height")).isEqualTo("1500");
			assertThat(img.attr("loading")).isEqualTo("lazy");
			assertThat(img.attr("alt")).as("the library's alt text when the body writes none")
				.isEqualTo("Boats in the harbour at dawn");
			assertThat(figure.selectFirst("figcaption").ownText()).isEqualTo("The quay before the market <script>alert(1)</script> opens");
			assertThat(figure.selectFirst("figcaption .credit").text()).isEqualTo("Oğuz Türk \"/><img src=x onerror=alert(1)>");
			assertThat(body.select("script, [onerror]")).as("hostile caption and credit stay text").isEmpty();
			assertThat(body.select("img")).hasSize(1);
			assertThat(body.select("p")).extracting(Element::text).containsExactly("Before.", "After.");
		}

		@Test
		void theBodysOwnAltTextAndTitleWinOverTheLibrarys() {
			Element figure = page("![Gulls over the quay, 🐦 עברית](media:7 \"Dawn, Tuesday\")").selectFirst("figure.body-image");
			assertThat(figure.selectFirst("img").attr("alt")).isEqualTo("Gulls over the quay, 🐦 עברית");
			assertThat(figure.selectFirst("figcaption").ownText()).isEqualTo("Dawn, Tuesday");
			assertThat(figure.selectFirst(".credit").text()).startsWith("Oğuz Türk");
		}

		@Test
		void attributeInjectionThroughTheAltTextOrTitleStaysInTheAttribute() {
			Document body = page("![x\" onerror=\"alert(1)](media:7 \"a\\\" onmouseover=\\\"alert(2)\")");
			Element img = body.selectFirst("figure img");
			assertThat(img.attributes().asList()).extracting(a -> a.getKey())
				.containsExactlyInAnyOrder("src", "srcset", "sizes", "alt", "width", "height", "loading", "decoding");
			assertThat(img.attr("alt")).isEqualTo("x\" onerror=\"alert(1)");
			assertThat(body.select("[onerror], [onmouseover]")).isEmpty();
		}

		@Test
		void anImageWithinALineOfTextIsTheImageAloneInItsParagraph() {
			Document body = page("The boats ![tiny](media:7) at dawn.");
			assertThat(body.select("figure")).isEmpty();
			Element img = body.selectFirst("p > img");
			assertThat(img.attr("srcset")).contains("/media/7/320.jpg 320w");
			assertThat(img.attr("alt")).isEqualTo("tiny");
		}

		@Test
		void anIdTheLibraryDoesNotHaveShowsNothing() {
			Document body = page("Text.\n\n![A lost picture](media:404)\n\nMore.");
			assertThat(body.select("img, figure")).isEmpty();
			assertThat(body.text()).isEqualTo("Text. More.");
		}

		@ParameterizedTest
		@ValueSource(strings = { "![x](javascript:alert(1))", "![x](media:7javascript:alert(1))", "[x](javascript:alert(1))",
				"<a href=\"javascript:alert(1)\">x</a>", "<img src=\"javascript:alert(1)\">",
				"![x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)" })
		void scriptAddressesGoNowhere(String markdown) {
			String html = renderer.render(markdown);
			assertThat(html).doesNotContain("javascript:").doesNotContain("data:text/html");
		}

		@Test
		void rawHtmlCannotForgeASrcsetOrAnEmbed() {
			Document body = page("""
					<figure class="embed" data-embed="youtube" data-embed-src="https://evil.example/frame">x</figure>

					<img src="/media/7/320.jpg" srcset="https://evil.example/track.jpg 1w" sizes="1px" onload="alert(1)">
					""");
			assertThat(body.select("[data-embed-src]")).isEmpty();
			assertThat(body.select("[srcset], [sizes], [onload]")).isEmpty();
		}

		@Test
		void theNewsroomCanListTheImagesABodyShows() {
			assertThat(renderer.mediaIds("![a](media:7)\n\ntext ![b](media:12 \"t\") ![c](https://x.example/c.jpg)\n\n![d](media:7)"))
				.containsExactly(7L, 12L);
		}
	}

	@Nested
	class Embedding {

		@Test
		void aYouTubeLinkAloneOnItsLineIsAPlaceholderHoldingThePlainLink() {
			Document body = page("Watch:\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n\nThen read on.");
			Element figure = body.selectFirst("figure.embed");
			assertThat(figure.attr("data-embed")).isEqualTo("youtube");
			assertThat(figure.attr("data-embed-src")).isEqualTo("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");
			assertThat(figure.selectFirst("a").attr("href")).isEqualTo("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
			assertThat(body.select("iframe, script, img")).as("nothing that loads from YouTube").isEmpty();
			assertThat(Embeds.frameOrigins(renderer.render("https://youtu.be/dQw4w9WgXcQ")))
				.containsExactly("https://www.youtube-nocookie.com");
		}

		@Test
		void aLinkWithinTextOrAnUnknownSiteStaysALink() {
			assertThat(page("See https://www.youtube.com/watch?v=dQw4w9WgXcQ for more.").select("figure")).isEmpty();
			assertThat(page("[the video](https://www.youtube.com/watch?v=dQw4w9WgXcQ)").select("figure")).isEmpty();
			assertThat(page("https://example.com/article").select("figure")).isEmpty();
			assertThat(page("- https://www.youtube.com/watch?v=dQw4w9WgXcQ").select("figure")).isEmpty();
			assertThat(page("http://www.youtube.com/watch?v=dQw4w9WgXcQ").select("figure")).as("https only").isEmpty();
			assertThat(Embeds.frameOrigins(renderer.render("Plain text."))).isEmpty();
		}

		@Test
		void eachProviderBecomesItsOwnFrameAddress() {
			assertThat(Embeds.of("https://x.com/gazette/status/1234567890").orElseThrow().source())
				.isEqualTo("https://platform.twitter.com/embed/Tweet.html?id=1234567890");
			assertThat(Embeds.of("https://bsky.app/profile/gazette.bsky.social/post/3kabc123").orElseThrow().source())
				.isEqualTo("https://embed.bsky.app/embed/gazette.bsky.social/app.bsky.feed.post/3kabc123");
			assertThat(Embeds.of("https://mastodon.social/@gazette/112233445566").orElseThrow().source())
				.isEqualTo("https://mastodon.social/@gazette/112233445566/embed");
			assertThat(Embeds.of("https://www.openstreetmap.org/?mlat=32.0853&mlon=34.7818#map=15/32.0853/34.7818").orElseThrow()
				.source()).startsWith("https://www.openstreetmap.org/export/embed.html?bbox=").endsWith("&marker=32.0853,34.7818");
			Embeds.Embed audio = Embeds.of("https://radio.example.org/shows/harbour-hour.mp3").orElseThrow();
			assertThat(audio.audio()).isTrue();
			assertThat(Embeds.mediaOrigins(renderer.render("<https://radio.example.org/shows/harbour-hour.mp3>")))
				.containsExactly("https://radio.example.org");
			assertThat(Embeds.frameOrigins(renderer.render("https://radio.example.org/shows/harbour-hour.mp3"))).isEmpty();
		}

		@ParameterizedTest
		@ValueSource(strings = { "javascript:alert(1)", "https://www.youtube.com/watch?v=short", "https://user:pw@mastodon.social/@a/1",
				"https://www.youtube.com/watch?v=dQw4w9WgXcQ\"onload=\"x", "https://x.com/gazette/likes",
				"https://www.openstreetmap.org/#map=15/999/34.7", "data:audio/mp3;base64,AAAA" })
		void whatIsNotAProvidersLinkIsNoEmbed(String link) {
			assertThat(Embeds.of(link)).isEmpty();
			assertThat(Embeds.frameOrigins(renderer.render(link)) ).isEmpty();
			assertThat(Jsoup.parseBodyFragment(renderer.render(link)).select("iframe, [data-embed-src]")).isEmpty();
		}

		@Test
		void onlyTheSanitisedBodysEmbedsWidenThePolicy() {
			String html = renderer.render("https://www.youtube.com/watch?v=dQw4w9WgXcQ\n\nhttps://mastodon.social/@gazette/1");
			assertThat(Embeds.frameOrigins(html)).isEqualTo(Set.of("https://www.youtube-nocookie.com", "https://mastodon.social"));
		}
	}
}
