package dev.gazette.account;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import javax.imageio.ImageIO;

import dev.gazette.article.ArticleCatalog;
import dev.gazette.support.Http;
import dev.gazette.support.Mailbox;
import dev.gazette.support.Newsroom;
import dev.gazette.support.Newsroom.Published;
import dev.gazette.support.Readers;
import dev.gazette.support.Readers.Reader;
import dev.gazette.support.RunningGazette;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A reader's public page at {@code /people/{id}}: name, bio, picture and latest comments, never the address. */
@RunningGazette
class ProfilesTests {

	@Autowired
	Accounts accounts;

	@Autowired
	Registration registration;

	@Autowired
	AccountAdministration administration;

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	Http http;

	Reader reader;

	@BeforeEach
	void aSignedInReader() {
		reader = new Readers(registration, accounts, administration, new Mailbox(jdbc)).join("Oğuz Türk");
		http = Http.signedInAs(port, reader);
	}

	@Test
	void theProfileShowsNameBioPictureAndLatestPublishedCommentsButNeverTheAddress() {
		http.postForm("/settings/profile", Map.of("displayName", "Oğuz Türk", "bio", "Ferry captain & <b>birder</b>."));
		Published article = new Newsroom(catalog).article().publish();
		http.postForm(article.path() + "/comments", Map.of("body", "The *first* ferry leaves at six."));
		String deleted = postedPath(http.postForm(article.path() + "/comments", Map.of("body", "Never mind this one.")));
		http.postForm(deleted + "/delete", Map.of());

		HttpResponse<String> response = new Http(port).get(reader.profilePath());

		assertThat(response.statusCode()).isEqualTo(200);
		Document page = Jsoup.parse(response.body());
		assertThat(page.selectFirst("main h1").text()).isEqualTo("Oğuz Türk");
		assertThat(page.selectFirst("main .bio").text()).isEqualTo("Ferry captain & <b>birder</b>.");
		assertThat(page.selectFirst("main img.avatar").attr("src")).startsWith(reader.profilePath() + "/avatar");
		assertThat(page.select(".profile-comments li .comment-body").eachText())
			.containsExactly("The first ferry leaves at six.");
		assertThat(page.selectFirst(".profile-comments .comment-body em").text()).isEqualTo("first");
		assertThat(response.body()).doesNotContain(reader.email()).doesNotContain("<b>birder</b>");
	}

	@Test
	void anUnknownPersonIsNotFound() {
		assertThat(http.get("/people/987654321").statusCode()).isEqualTo(404);
		assertThat(http.get("/people/987654321/avatar").statusCode()).isEqualTo(404);
	}

	@Test
	void withoutAnUploadThePictureIsTheInitialsAsSvg() {
		HttpResponse<String> avatar = http.get(reader.profilePath() + "/avatar");

		assertThat(avatar.statusCode()).isEqualTo(200);
		assertThat(avatar.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");
		Document svg = Jsoup.parse(avatar.body());
		assertThat(svg.selectFirst("svg text").text()).isEqualTo("OT");
	}

	@ParameterizedTest
	@ValueSource(strings = { "png", "jpg" })
	void anUploadedPictureReplacesTheInitialsAsASquarePngOf256Pixels(String format) throws IOException {
		String before = avatarSrc();

		HttpResponse<String> uploaded = http.postFile("/settings/avatar", "avatar", "holiday." + format,
				"png".equals(format) ? "image/png" : "image/jpeg", picture(format, 640, 400));

		assertThat(uploaded.statusCode()).isEqualTo(302);
		assertThat(uploaded.headers().firstValue("Location").orElseThrow()).endsWith("/settings?saved=avatar");
		assertThat(avatarSrc()).as("a new address, so caches see the new picture").isNotEqualTo(before);
		HttpResponse<byte[]> avatar = http.getBytes(reader.profilePath() + "/avatar");
		assertThat(avatar.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("image/png");
		BufferedImage served = ImageIO.read(new ByteArrayInputStream(avatar.body()));
		assertThat(served.getWidth()).isEqualTo(256);
		assertThat(served.getHeight()).isEqualTo(256);
		assertThat(new Color(served.getRGB(128, 128)).getRed()).as("the centre of the picture").isGreaterThan(200);
	}

	@Test
	void aFileThatIsNotAPictureIsRefusedWithAClearMessageAndChangesNothing() {
		byte[] text = "I am not a picture, just text pretending.".getBytes(StandardCharsets.UTF_8);
		Map<String, Object> before = avatarColumns();

		HttpResponse<String> refused = http.postFile("/settings/avatar", "avatar", "cat.png", "image/png", text);

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(refused.body()).selectFirst("section[aria-labelledby=avatar-heading] .form-error").text())
			.isEqualTo("That file is not a picture we can use. Please upload a JPEG, PNG or GIF image.");
		assertThat(avatarColumns()).isEqualTo(before);
		assertThat(http.get(reader.profilePath() + "/avatar").headers().firstValue("Content-Type").orElseThrow())
			.startsWith("image/svg+xml");
	}

	@Test
	void aPictureOverFiveMegabytesIsRefusedWithAClearMessageAndChangesNothing() {
		Map<String, Object> before = avatarColumns();

		HttpResponse<String> overOurLimit = http.postFile("/settings/avatar", "avatar", "huge.png", "image/png",
				new byte[6 * 1024 * 1024]);
		HttpResponse<String> overTheServersLimit = http.postFile("/settings/avatar", "avatar", "huger.png", "image/png",
				new byte[21 * 1024 * 1024]);

		assertThat(overOurLimit.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(overOurLimit.body()).selectFirst("section[aria-labelledby=avatar-heading] .form-error").text())
			.isEqualTo("That picture is too large: at most 5 MB, please.");
		assertThat(overTheServersLimit.statusCode()).isEqualTo(413);
		assertThat(Jsoup.parse(overTheServersLimit.body()).selectFirst(".error-page h1").text()).isEqualTo("That file is too large");
		assertThat(avatarColumns()).isEqualTo(before);
	}

	@Test
	void aPictureCanBeRemovedToGoBackToTheInitials() throws IOException {
		http.postFile("/settings/avatar", "avatar", "me.png", "image/png", picture("png", 64, 64));

		http.postForm("/settings/avatar/remove", Map.of());

		assertThat(http.get(reader.profilePath() + "/avatar").headers().firstValue("Content-Type").orElseThrow())
			.startsWith("image/svg+xml");
	}

	// --- helpers ---

	/** A picture with a white centre on a dark frame, as a camera or an editor would write it. */
	static byte[] picture(String format, int width, int height) throws IOException {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(new Color(20, 40, 90));
		graphics.fillRect(0, 0, width, height);
		graphics.setColor(Color.WHITE);
		graphics.fillRect(width / 4, height / 4, width / 2, height / 2);
		graphics.dispose();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		assertThat(ImageIO.write(image, "jpg".equals(format) ? "jpeg" : format, bytes)).isTrue();
		return bytes.toByteArray();
	}

	private String avatarSrc() {
		return Jsoup.parse(http.get(reader.profilePath()).body()).selectFirst("main img.avatar").attr("src");
	}

	private Map<String, Object> avatarColumns() {
		return jdbc.sql("select avatar_png, version from account where id = :id").param("id", reader.id()).query().singleRow();
	}

	private static String postedPath(HttpResponse<String> posted) {
		assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
		String location = posted.headers().firstValue("Location").orElseThrow();
		return location.substring(location.indexOf("/articles/"));
	}
}
