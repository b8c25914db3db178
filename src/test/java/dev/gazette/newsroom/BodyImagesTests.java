package dev.gazette.newsroom;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.List;

import javax.imageio.ImageIO;

import dev.gazette.account.AccountAdministration;
import dev.gazette.account.AccountPrincipal;
import dev.gazette.account.Accounts;
import dev.gazette.account.Registration;
import dev.gazette.account.Role;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.article.Author;
import dev.gazette.media.MediaItem;
import dev.gazette.media.MediaLibrary;
import dev.gazette.newsroom.Desk.Writer;
import dev.gazette.support.Json;
import dev.gazette.support.Mailbox;
import dev.gazette.support.Newsroom;
import dev.gazette.support.Readers;
import dev.gazette.newsroom.internal.Words;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import static dev.gazette.newsroom.Desk.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Library images in a body, through the writing API and the reader's page: an image the library does not have is
 * refused before anything is saved, and a published figure follows the library, so the caption an editor corrects
 * there shows on the next read of the page, kept in memory or not.
 */
@NewsroomGazette
class BodyImagesTests {

	@Autowired
	Accounts accounts;

	@Autowired
	Registration registration;

	@Autowired
	AccountAdministration administration;

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	MediaLibrary media;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	Desk desk;

	Writer editor;

	AccountPrincipal editorPrincipal;

	Author byline;

	@BeforeEach
	void anEditor() {
		Readers readers = new Readers(registration, accounts, administration, new Mailbox(jdbc));
		desk = new Desk(port, readers);
		Readers.Reader account = readers.join("Ida Images", Role.EDITOR);
		editorPrincipal = (AccountPrincipal) users.loadUserByUsername(account.email());
		editor = desk.join("Ed Body", Role.EDITOR);
		byline = new Newsroom(catalog).author("Bo Byline");
	}

	@Test
	void aBodyNamingAnImageTheLibraryDoesNotHaveIsRefused() {
		long before = jdbc.sql("select count(*) from article").query(Long.class).single();

		HttpResponse<String> refused = desk.call(editor, "POST", "",
				Json.object("headline", Newsroom.unique("Lost picture"), "bodyMarkdown", "Text.\n\n![Gone](media:987654321)"));

		assertProblem(refused, 400);
		assertThat(Json.read(refused).get("errors").get(0).get("field").asString()).isEqualTo("bodyMarkdown");
		assertThat(Json.read(refused).get("detail").asString()).contains("image 987654321").contains("not in the media library");
		assertThat(jdbc.sql("select count(*) from article").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void aPublishedFigureShowsTheCaptionTheLibraryHasNow() {
		MediaItem photo = media.upload(new MediaLibrary.Upload("quay.jpg", jpeg(), "The quay at low tide",
				"Low tide on Monday.", "Photo: Oğuz Türk"), editorPrincipal);
		long id = desk.start(editor, "headline", Newsroom.unique("Low tide"), "authors", List.of(byline.slug()),
				"bodyMarkdown", "The water went out.\n\n![](media:" + photo.id() + ")\n\nIt came back.");
		assertThat(desk.post(editor, "/" + id + "/publish").statusCode()).isEqualTo(200);
		String path = desk.piece(editor, id).get("readerPath").asString();

		Document first = Jsoup.parse(desk.read(path).body());
		assertThat(first.select(".story-body figure.body-image figcaption").text()).isEqualTo("Low tide on Monday. Photo: Oğuz Türk");
		assertThat(first.select(".story-body figure.body-image img").attr("alt")).isEqualTo("The quay at low tide");
		assertThat(Jsoup.parse(desk.read(path).body()).select(".story-body figcaption").text()).as("kept in memory")
			.isEqualTo("Low tide on Monday. Photo: Oğuz Türk");

		media.describe(photo.id(), "The quay at low tide, boats on the mud", "Low tide on Tuesday, not Monday.",
				"Photo: Oğuz Türk", editorPrincipal);

		Document after = Jsoup.parse(desk.read(path).body());
		assertThat(after.select(".story-body figcaption").text()).isEqualTo("Low tide on Tuesday, not Monday. Photo: Oğuz Türk");
		assertThat(after.select(".story-body figure img").attr("alt")).isEqualTo("The quay at low tide, boats on the mud");
	}

	@Test
	void aBodyImageWithoutAltTextAnywhereHoldsPublicationUntilItHasSome() {
		MediaItem photo = media.upload(new MediaLibrary.Upload("undescribed.jpg", jpeg(), null, null, null), editorPrincipal);
		long id = desk.start(editor, "headline", Newsroom.unique("Undescribed"), "authors", List.of(byline.slug()),
				"bodyMarkdown", "Words.\n\n![](media:" + photo.id() + ")");

		HttpResponse<String> refused = desk.post(editor, "/" + id + "/publish");
		assertProblem(refused, 409);
		assertThat(Json.read(refused).get("detail").asString()).contains("Image " + photo.id() + " in the body needs alt text");
		assertThat(desk.piece(editor, id).get("state").asString()).isEqualTo("draft");

		HttpResponse<String> described = desk.call(editor, "PATCH", "/" + id,
				Json.object("bodyMarkdown", "Words.\n\n![Nets on the quay](media:" + photo.id() + ")"));
		assertThat(described.statusCode()).isEqualTo(200);
		assertThat(desk.post(editor, "/" + id + "/publish").statusCode()).isEqualTo(200);
	}

	private static byte[] jpeg() {
		BufferedImage image = new BufferedImage(1200, 800, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(new Color(90, 140, 200));
		graphics.fillRect(0, 0, 1200, 800);
		graphics.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "jpeg", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}
}
