package dev.gazette.media;

import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.gazette.account.AccountAdministration;
import dev.gazette.account.Accounts;
import dev.gazette.account.Registration;
import dev.gazette.account.Role;
import dev.gazette.media.MediaDesk.Person;
import dev.gazette.support.Http;
import dev.gazette.support.Json;
import dev.gazette.support.Mailbox;
import dev.gazette.support.Readers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploading images of every accepted type through the API and the library page: renditions at the configured widths
 * and never wider than the original, served with long caching; metadata stripped and the orientation applied; every
 * kind of bad file refused with nothing stored.
 */
@MediaGazette
class MediaUploadTests {

	@Autowired
	Accounts accounts;

	@Autowired
	Registration registration;

	@Autowired
	AccountAdministration administration;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	MediaDesk desk;

	Person editor;

	@BeforeEach
	void desk() {
		desk = new MediaDesk(port, new Readers(registration, accounts, administration, new Mailbox(jdbc)), jdbc);
		editor = desk.join("Eda Editor", Role.EDITOR);
	}

	@Test
	void aLargeJpegGetsEveryWidthAndTheBytesServedAreThatWide() {
		JsonNode item = desk.uploaded(editor, "harbour.jpg", TestImages.jpeg(2400, 1600), "alt", "Boats in the harbour",
				"caption", "Dawn at the harbour.", "credit", "Photo: Oğuz Türk / גזט 📷");

		assertThat(item.get("type").asString()).isEqualTo("jpeg");
		assertThat(item.get("contentType").asString()).isEqualTo("image/jpeg");
		assertThat(item.get("width").asInt()).isEqualTo(2400);
		assertThat(item.get("height").asInt()).isEqualTo(1600);
		assertThat(item.get("credit").asString()).isEqualTo("Photo: Oğuz Türk / גזט 📷");
		assertThat(item.get("missingMetadata")).isEmpty();
		assertThat(widths(item)).containsExactly(320, 640, 1024, 1600);
		for (JsonNode rendition : item.get("renditions")) {
			assertServed(rendition.get("url").asString(), "image/jpeg", rendition.get("width").asInt(),
					rendition.get("height").asInt());
		}
		assertThat(item.get("renditions").get(1).get("height").asInt()).isEqualTo(427);
	}

	@Test
	void aNarrowImageIsNeverUpscaled() {
		JsonNode item = desk.uploaded(editor, "small.jpg", TestImages.jpeg(800, 600));

		assertThat(widths(item)).containsExactly(320, 640, 800);
		assertServed(item.get("renditions").get(2).get("url").asString(), "image/jpeg", 800, 600);
		assertThat(new Http(port).getBytes("/media/" + item.get("id").asLong() + "/1024.jpg").statusCode()).isEqualTo(404);
	}

	@Test
	void aPngWithTransparencyStaysPngAndKeepsItsAlpha() {
		JsonNode item = desk.uploaded(editor, "logo.png", TestImages.pngWithAlpha(700, 500));

		assertThat(item.get("type").asString()).isEqualTo("png");
		assertThat(item.get("contentType").asString()).isEqualTo("image/png");
		assertThat(widths(item)).containsExactly(320, 640, 700);
		String url = item.get("renditions").get(1).get("url").asString();
		assertThat(url).endsWith("/640.png");
		BufferedImage served = assertServed(url, "image/png", 640, 457);
		assertThat(served.getRGB(0, 0) >>> 24).as("a transparent corner").isZero();
		assertThat(served.getRGB(320, 228) >>> 24).as("the opaque middle").isEqualTo(0xFF);
	}

	@Test
	void aGifAndAWebpBecomeJpegs() {
		JsonNode gif = desk.uploaded(editor, "sign.gif", TestImages.gif(500, 300));
		assertThat(gif.get("type").asString()).isEqualTo("gif");
		assertThat(widths(gif)).containsExactly(320, 500);
		assertServed(gif.get("renditions").get(0).get("url").asString(), "image/jpeg", 320, 192);

		JsonNode webp = desk.uploaded(editor, "harbour.webp", TestImages.webp());
		assertThat(webp.get("type").asString()).isEqualTo("webp");
		assertThat(webp.get("width").asInt()).isEqualTo(900);
		assertThat(widths(webp)).containsExactly(320, 640, 900);
		assertServed(webp.get("renditions").get(1).get("url").asString(), "image/jpeg", 640, 427);
	}

	@Test
	void renditionsAreCachedForAYearAndRevalidateByEtag() {
		JsonNode item = desk.uploaded(editor, "harbour.jpg", TestImages.jpeg(700, 400));
		String url = item.get("renditions").get(0).get("url").asString();

		HttpResponse<byte[]> first = new Http(port).getBytes(url);
		assertThat(first.headers().firstValue("Cache-Control").orElseThrow())
			.contains("public", "max-age=31536000", "immutable");
		String etag = first.headers().firstValue("ETag").orElseThrow();

		java.net.http.HttpRequest again = java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://localhost:" + port + url))
			.header("If-None-Match", etag)
			.build();
		HttpResponse<byte[]> revalidated = send(again);
		assertThat(revalidated.statusCode()).isEqualTo(304);
		assertThat(revalidated.body()).isEmpty();
	}

	@Test
	void gpsLocationAndCameraSerialReachNoRenditionAndTheOrientationIsApplied() {
		byte[] photo = TestImages.photoWithGps(1800, 1200, 6);
		assertThat(new String(photo, StandardCharsets.ISO_8859_1)).as("the upload carries them")
			.contains(TestImages.GPS_MARKER, TestImages.SERIAL);

		JsonNode item = desk.uploaded(editor, "IMG_0001.JPG", photo);

		assertThat(item.get("width").asInt()).as("turned upright: portrait").isEqualTo(1200);
		assertThat(item.get("height").asInt()).isEqualTo(1800);
		assertThat(widths(item)).containsExactly(320, 640, 1024, 1200);
		for (JsonNode rendition : item.get("renditions")) {
			byte[] served = new Http(port).getBytes(rendition.get("url").asString()).body();
			String text = new String(served, StandardCharsets.ISO_8859_1);
			assertThat(text).doesNotContain(TestImages.GPS_MARKER).doesNotContain(TestImages.SERIAL)
				.doesNotContain("Exif\0\0");
			BufferedImage image = TestImages.decode(served);
			assertThat(image.getHeight()).isGreaterThan(image.getWidth());
			// The photo's left half (red) was its top: rotated 90° clockwise, it is now on the right.
			assertThat(reddish(image.getRGB(image.getWidth() - 5, image.getHeight() / 4))).isTrue();
			assertThat(reddish(image.getRGB(image.getWidth() - 5, image.getHeight() * 3 / 4))).isFalse();
		}
		assertThat(storedFilesContaining(TestImages.GPS_MARKER)).as("nothing stored keeps the location, master included")
			.isEmpty();
	}

	@Test
	void aTextFileNamedPhotoJpgIsRefusedAndNothingIsStored() {
		long rows = desk.rows();
		long files = MediaDesk.files();

		HttpResponse<String> refused = desk.upload(editor, "photo.jpg", "image/jpeg",
				"Dear editor, here is my holiday photo.".getBytes(StandardCharsets.UTF_8));

		MediaDesk.assertProblem(refused, 400, "not a JPEG, PNG, GIF or WebP image");
		assertThat(Json.read(refused).get("errors").get(0).get("field").asString()).isEqualTo("file");
		assertThat(desk.rows()).isEqualTo(rows);
		assertThat(MediaDesk.files()).isEqualTo(files);
	}

	@Test
	void anEmptyFileATruncatedJpegAndAMissingFileAreRefused() {
		long rows = desk.rows();
		long files = MediaDesk.files();

		MediaDesk.assertProblem(desk.upload(editor, "empty.jpg", "image/jpeg", new byte[0]), 400, "empty");
		byte[] jpeg = TestImages.jpeg(400, 300);
		MediaDesk.assertProblem(desk.upload(editor, "cut.jpg", "image/jpeg", Arrays.copyOf(jpeg, 40)), 400,
				"could not be read");
		MediaDesk.assertProblem(desk.upload(editor, null, null, null, "alt", "No file at all"), 400, "file");

		assertThat(desk.rows()).isEqualTo(rows);
		assertThat(MediaDesk.files()).isEqualTo(files);
	}

	@Test
	void aFileOverTwentyMegabytesIsRefusedWith413() {
		long rows = desk.rows();
		long files = MediaDesk.files();
		byte[] big = new byte[21 * 1024 * 1024];
		byte[] jpeg = TestImages.jpeg(100, 100);
		System.arraycopy(jpeg, 0, big, 0, jpeg.length);

		HttpResponse<String> refused = desk.upload(editor, "huge.jpg", "image/jpeg", big);

		MediaDesk.assertProblem(refused, 413, "larger");
		assertThat(desk.rows()).isEqualTo(rows);
		assertThat(MediaDesk.files()).isEqualTo(files);

		HttpResponse<String> page = editor.browser().postFile("/admin/media", "file", "huge.jpg", "image/jpeg", big);
		assertThat(page.statusCode()).isEqualTo(413);
		assertThat(Jsoup.parse(page.body()).select("h1").text()).isEqualTo("That file is too large");
		assertThat(desk.rows()).isEqualTo(rows);
	}

	@Test
	void aDecompressionBombIsRefusedFromItsHeader() {
		long rows = desk.rows();
		long files = MediaDesk.files();

		HttpResponse<String> refused = desk.upload(editor, "innocent.png", "image/png", TestImages.pngBomb());

		MediaDesk.assertProblem(refused, 413, "100000 × 100000 pixels");
		assertThat(desk.rows()).isEqualTo(rows);
		assertThat(MediaDesk.files()).isEqualTo(files);
	}

	@Test
	void theLibraryPageUploadsShowsTheItemAndEditsItsMetadata() {
		HttpResponse<String> uploaded = editor.browser()
			.postFile("/admin/media", "file", "ferry.png", "image/png", TestImages.pngWithAlpha(400, 300));
		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(302);
		String itemPath = uploaded.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "")
			.replaceFirst("\\?.*$", "");
		assertThat(itemPath).matches("/admin/media/\\d+");

		Document item = Jsoup.parse(editor.browser().get(itemPath).body());
		assertThat(item.select(".media-sizes a").eachText()).containsExactly("320 × 240", "400 × 300");
		assertThat(item.select(".media-missing").text()).contains("alt text", "caption", "credit");

		HttpResponse<String> saved = editor.browser().postForm(itemPath, java.util.Map.of("alt", "A red square",
				"caption", "Our new sign, שלום", "credit", "Drawing: Ayşe Yılmaz"));
		assertThat(saved.statusCode()).isEqualTo(302);
		Document after = Jsoup.parse(editor.browser().get(itemPath).body());
		assertThat(after.select("#alt").val()).isEqualTo("A red square");
		assertThat(after.select("#caption").text()).isEqualTo("Our new sign, שלום");
		assertThat(after.select("#credit").val()).isEqualTo("Drawing: Ayşe Yılmaz");
		assertThat(after.select(".media-missing")).isEmpty();

		HttpResponse<String> tooLong = editor.browser().postForm(itemPath, java.util.Map.of("alt", "Another text",
				"caption", "Our new sign, שלום", "credit", "x".repeat(501)));
		assertThat(tooLong.statusCode()).isEqualTo(400);
		Document refused = Jsoup.parse(tooLong.body());
		assertThat(refused.select("#credit-error").text()).isEqualTo("The credit is at most 500 characters.");
		assertThat(refused.select("#alt").val()).as("what was typed comes back").isEqualTo("Another text");
		assertThat(Jsoup.parse(editor.browser().get(itemPath).body()).select("#alt").val()).as("nothing changed")
			.isEqualTo("A red square");

		Document library = Jsoup.parse(editor.browser().get("/admin/media?q=" + "ayşe").body());
		assertThat(library.select(".media-tile a").eachAttr("href")).containsExactly(itemPath);
	}

	@Test
	void theLibraryPageRefusesANonImageWithTheFormAndStoresNothing() {
		long rows = desk.rows();
		long files = MediaDesk.files();

		HttpResponse<String> refused = editor.browser().postFile("/admin/media", "file", "photo.jpg", "image/jpeg",
				"<html><body>Not a photo</body></html>".getBytes(StandardCharsets.UTF_8));

		assertThat(refused.statusCode()).isEqualTo(400);
		Document page = Jsoup.parse(refused.body());
		assertThat(page.select("#file-error").text()).contains("not a JPEG, PNG, GIF or WebP image");
		assertThat(page.select("#file").attr("aria-invalid")).isEqualTo("true");
		assertThat(desk.rows()).isEqualTo(rows);
		assertThat(MediaDesk.files()).isEqualTo(files);
	}

	@Test
	void tooLongMetadataIsRefusedBeforeTheImageIsStored() {
		long rows = desk.rows();
		long files = MediaDesk.files();

		HttpResponse<String> refused = desk.upload(editor, "quay.jpg", "image/jpeg", TestImages.jpeg(400, 300), "credit",
				"x".repeat(501));

		MediaDesk.assertProblem(refused, 400, "credit is at most 500 characters");
		assertThat(desk.rows()).isEqualTo(rows);
		assertThat(MediaDesk.files()).isEqualTo(files);
	}

	private static List<Integer> widths(JsonNode item) {
		List<Integer> widths = new ArrayList<>();
		item.get("renditions").forEach(r -> widths.add(r.get("width").asInt()));
		return widths;
	}

	private BufferedImage assertServed(String url, String type, int width, int height) {
		HttpResponse<byte[]> served = new Http(port).getBytes(url);
		assertThat(served.statusCode()).as(url).isEqualTo(200);
		assertThat(served.headers().firstValue("Content-Type").orElseThrow()).isEqualTo(type);
		BufferedImage image = TestImages.decode(served.body());
		assertThat(image.getWidth()).as(url).isEqualTo(width);
		assertThat(image.getHeight()).as(url).isEqualTo(height);
		return image;
	}

	private static boolean reddish(int rgb) {
		int red = (rgb >> 16) & 0xFF;
		int blue = rgb & 0xFF;
		return red > 180 && blue < 90;
	}

	private static List<java.nio.file.Path> storedFilesContaining(String marker) {
		try (var all = java.nio.file.Files.walk(java.nio.file.Path.of(MediaGazette.DATA_DIR, "media"))) {
			return all.filter(java.nio.file.Files::isRegularFile).filter(file -> {
				try {
					return new String(java.nio.file.Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(marker);
				}
				catch (java.io.IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
			}).toList();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static HttpResponse<byte[]> send(java.net.http.HttpRequest request) {
		try {
			return java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
