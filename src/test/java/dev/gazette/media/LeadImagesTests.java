package dev.gazette.media;

import java.net.http.HttpResponse;
import java.util.List;

import dev.gazette.account.AccountAdministration;
import dev.gazette.account.Accounts;
import dev.gazette.account.Registration;
import dev.gazette.account.Role;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.article.Author;
import dev.gazette.media.MediaDesk.Person;
import dev.gazette.support.Http;
import dev.gazette.support.Json;
import dev.gazette.support.Mailbox;
import dev.gazette.support.Newsroom;
import dev.gazette.support.Readers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A library image as an article's lead image: the newsroom refuses to publish or schedule a piece whose image lacks
 * alt text, caption or credit (and changes nothing); once they are written it publishes, and the article page, the
 * front page card and the share card show the library's renditions.
 */
@MediaGazette
class LeadImagesTests {

	static final String NEWSROOM = "/api/v1/newsroom/articles";

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

	MediaDesk desk;

	Person editor;

	Author byline;

	@BeforeEach
	void desk() {
		desk = new MediaDesk(port, new Readers(registration, accounts, administration, new Mailbox(jdbc)), jdbc);
		editor = desk.join("Eda Editor", Role.EDITOR);
		byline = new Newsroom(catalog).author("Dana Reporter");
	}

	@Test
	void aPieceWhoseLeadImageLacksMetadataIsNotPublishedUntilItIsWritten() {
		long image = desk.uploaded(editor, "quay.jpg", TestImages.jpeg(2000, 1000), "alt", "Cranes on the quay")
			.get("id")
			.asLong();
		long piece = start(image);
		JsonNode before = piece(piece);

		HttpResponse<String> refused = desk.call(editor, "POST", NEWSROOM + "/" + piece + "/publish", null);

		MediaDesk.assertProblem(refused, 409, "needs caption and credit");
		assertThat(Json.read(refused).get("errors").get(0).get("field").asString()).isEqualTo("leadImage");
		HttpResponse<String> scheduled = desk.call(editor, "POST", NEWSROOM + "/" + piece + "/schedule",
				Json.object("at", "2018-07-23T09:00:00Z"));
		MediaDesk.assertProblem(scheduled, 409, "needs caption and credit");
		JsonNode after = piece(piece);
		assertThat(after.get("state").asString()).isEqualTo("draft");
		assertThat(after.get("version").asLong()).isEqualTo(before.get("version").asLong());
		assertThat(new Http(port).get("/articles/" + after.get("slug").asString()).statusCode()).isEqualTo(404);

		HttpResponse<String> described = desk.call(editor, "PATCH", MediaDesk.API + "/" + image,
				Json.object("caption", "The quay at dusk, July 2018.", "credit", "Photo: Oğuz Türk via Wikimedia Commons"));
		assertThat(described.statusCode()).as(described.body()).isEqualTo(200);
		assertThat(Json.read(described).get("missingMetadata")).isEmpty();

		HttpResponse<String> published = desk.call(editor, "POST", NEWSROOM + "/" + piece + "/publish", null);
		assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
		assertThat(Json.read(published).get("state").asString()).isEqualTo("published");
	}

	@Test
	void theArticlePageCardAndShareCardShowTheLibrarysRenditions() {
		long image = desk.completeImage(editor);
		long piece = start(image);
		HttpResponse<String> published = desk.call(editor, "POST", NEWSROOM + "/" + piece + "/publish", null);
		assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
		String path = Json.read(published).get("readerPath").asString();

		Document page = Jsoup.parse(new Http(port).get(path).body());
		Element img = page.selectFirst("figure.lead-image img");
		assertThat(img.attr("src")).isEqualTo("/media/" + image + "/1024.jpg");
		assertThat(img.attr("srcset")).isEqualTo("/media/" + image + "/320.jpg 320w, /media/" + image + "/640.jpg 640w, "
				+ "/media/" + image + "/1024.jpg 1024w, /media/" + image + "/1200.jpg 1200w");
		assertThat(img.attr("sizes")).isNotBlank();
		assertThat(img.attr("width")).isEqualTo("1200");
		assertThat(img.attr("height")).isEqualTo("800");
		assertThat(img.attr("alt")).isEqualTo("Cranes on the quay at dusk");
		assertThat(page.select("figure.lead-image figcaption").text()).isEqualTo("The quay in July. Photo: Oğuz Türk");
		for (String candidate : img.attr("srcset").split(", ")) {
			assertThat(new Http(port).getBytes(candidate.split(" ")[0]).statusCode()).isEqualTo(200);
		}

		assertThat(meta(page, "og:image")).isEqualTo("https://gazette.example/media/" + image + "/1200.jpg");
		assertThat(meta(page, "og:image:width")).isEqualTo("1200");
		assertThat(meta(page, "og:image:height")).isEqualTo("800");
		assertThat(meta(page, "og:image:type")).isEqualTo("image/jpeg");
		assertThat(page.selectFirst("meta[name=twitter:image]").attr("content"))
			.isEqualTo("https://gazette.example/media/" + image + "/1200.jpg");

		Document front = Jsoup.parse(new Http(port).get("/").body());
		Element card = front.selectFirst(".card:has(a[href=" + path + "]) .card-image img");
		assertThat(card.attr("srcset")).contains("/media/" + image + "/320.jpg 320w");
		assertThat(card.attr("sizes")).isNotBlank();
		assertThat(card.attr("width")).isEqualTo("1200");

		// A caption changed in the library shows on the published page at once.
		desk.call(editor, "PATCH", MediaDesk.API + "/" + image, Json.object("caption", "Cranes, shipping containers and gulls."));
		assertThat(Jsoup.parse(new Http(port).get(path).body()).select("figure.lead-image figcaption").text())
			.startsWith("Cranes, shipping containers and gulls.");
	}

	@Test
	void aLargeImageSharesItsWidestRendition() {
		long image = desk.uploaded(editor, "wide.jpg", TestImages.jpeg(3000, 1500), "alt", "A wide view", "caption",
				"Wide.", "credit", "Photo: Staff").get("id").asLong();
		long piece = start(image);
		String path = Json.read(desk.call(editor, "POST", NEWSROOM + "/" + piece + "/publish", null))
			.get("readerPath")
			.asString();

		Document page = Jsoup.parse(new Http(port).get(path).body());
		assertThat(meta(page, "og:image")).isEqualTo("https://gazette.example/media/" + image + "/1600.jpg");
		assertThat(meta(page, "og:image:width")).isEqualTo("1600");
		assertThat(meta(page, "og:image:height")).isEqualTo("800");
		assertThat(page.selectFirst("figure.lead-image img").attr("width")).isEqualTo("3000");
	}

	@Test
	void aLeadImageThatIsNotInTheLibraryIsBadInput() {
		HttpResponse<String> refused = desk.call(editor, "POST", NEWSROOM, Json.object("headline", "A piece",
				"leadImage", 987654321));

		MediaDesk.assertProblem(refused, 400, "no image 987654321");
	}

	@Test
	void anImageInUseCannotBeDeletedAndAnUnusedOneCan() {
		long used = desk.completeImage(editor);
		start(used);
		long rows = desk.rows();
		long files = MediaDesk.files();

		MediaDesk.assertProblem(desk.call(editor, "DELETE", MediaDesk.API + "/" + used, null), 409, "lead image of an article");
		assertThat(desk.rows()).isEqualTo(rows);
		assertThat(MediaDesk.files()).isEqualTo(files);
		assertThat(new Http(port).getBytes("/media/" + used + "/320.jpg").statusCode()).isEqualTo(200);

		long unused = desk.completeImage(editor);
		long withUnused = MediaDesk.files();
		HttpResponse<String> deleted = desk.call(editor, "DELETE", MediaDesk.API + "/" + unused, null);
		assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
		assertThat(MediaDesk.files()).as("the master and four renditions are gone").isEqualTo(withUnused - 5);
		assertThat(new Http(port).getBytes("/media/" + unused + "/320.jpg").statusCode()).isEqualTo(404);
		assertThat(desk.call(editor, "GET", MediaDesk.API + "/" + unused, null).statusCode()).isEqualTo(404);
	}

	private long start(long image) {
		HttpResponse<String> started = desk.call(editor, "POST", NEWSROOM, Json.object("headline",
				"The quay reopens " + Newsroom.unique("piece"), "authors", List.of(byline.slug()), "bodyMarkdown",
				"The quay reopened on Tuesday.", "leadImage", image));
		assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
		return Json.read(started).get("id").asLong();
	}

	private JsonNode piece(long id) {
		return Json.read(desk.call(editor, "GET", NEWSROOM + "/" + id, null));
	}

	private static String meta(Document page, String property) {
		return page.selectFirst("meta[property=" + property + "]").attr("content");
	}
}
