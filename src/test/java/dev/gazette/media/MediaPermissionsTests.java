package dev.gazette.media;

import java.net.http.HttpResponse;
import java.util.Map;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may do what in the media library: readers nothing, contributors their own images, editors everything. */
@MediaGazette
class MediaPermissionsTests {

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

	@BeforeEach
	void desk() {
		desk = new MediaDesk(port, new Readers(registration, accounts, administration, new Mailbox(jdbc)), jdbc);
	}

	@Test
	void aReaderMayNotUploadOrBrowseAndAGuestMustSignIn() {
		Person reader = desk.join("Rita Reader");
		long rows = desk.rows();

		MediaDesk.assertProblem(desk.upload(reader, "me.jpg", "image/jpeg", TestImages.jpeg(400, 300)), 403, "may not");
		MediaDesk.assertProblem(desk.call(reader, "GET", MediaDesk.API, null), 403, "may not");
		assertThat(reader.browser().get("/admin/media").statusCode()).isEqualTo(403);
		assertThat(desk.rows()).isEqualTo(rows);

		HttpResponse<String> guest = new Http(port).send("GET", MediaDesk.API, null);
		assertThat(guest.statusCode()).isEqualTo(401);
		assertThat(guest.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
	}

	@Test
	void aContributorEditsTheirOwnImageButNotAnothersAndDeletesNone() {
		Person cleo = desk.join("Cleo Contributor", Role.CONTRIBUTOR);
		Person otto = desk.join("Otto Contributor", Role.CONTRIBUTOR);
		long own = desk.uploaded(cleo, "own.jpg", TestImages.jpeg(400, 300)).get("id").asLong();
		long others = desk.uploaded(otto, "others.jpg", TestImages.jpeg(400, 300), "alt", "Otto's alt").get("id").asLong();

		HttpResponse<String> mine = desk.call(cleo, "PATCH", MediaDesk.API + "/" + own, Json.object("alt", "Yaprak's garden"));
		assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
		assertThat(Json.read(mine).get("alt").asString()).isEqualTo("Yaprak's garden");

		MediaDesk.assertProblem(desk.call(cleo, "PATCH", MediaDesk.API + "/" + others, Json.object("alt", "Changed")), 403,
				"uploaded");
		assertThat(Json.read(desk.call(otto, "GET", MediaDesk.API + "/" + others, null)).get("alt").asString())
			.isEqualTo("Otto's alt");
		HttpResponse<String> pageEdit = cleo.browser().postForm("/admin/media/" + others, Map.of("alt", "Changed"));
		assertThat(pageEdit.statusCode()).isEqualTo(403);
		assertThat(Jsoup.parse(cleo.browser().get("/admin/media/" + others).body()).select("#alt").hasAttr("disabled"))
			.isTrue();

		MediaDesk.assertProblem(desk.call(cleo, "DELETE", MediaDesk.API + "/" + own, null), 403, "editors");
		assertThat(desk.call(cleo, "GET", MediaDesk.API + "/" + own, null).statusCode()).isEqualTo(200);
	}

	@Test
	void anEditorEditsAnyonesImage() {
		Person cleo = desk.join("Cleo Contributor", Role.CONTRIBUTOR);
		Person editor = desk.join("Eda Editor", Role.EDITOR);
		long image = desk.uploaded(cleo, "cleo.jpg", TestImages.jpeg(400, 300)).get("id").asLong();

		HttpResponse<String> edited = desk.call(editor, "PATCH", MediaDesk.API + "/" + image,
				Json.object("credit", "Photo: Cleo Contributor"));

		assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
		assertThat(Json.read(edited).get("credit").asString()).isEqualTo("Photo: Cleo Contributor");
	}

	@Test
	void unknownFieldsWrongTypesAndUnknownImagesAreRefused() {
		Person editor = desk.join("Eda Editor", Role.EDITOR);
		long image = desk.uploaded(editor, "quay.jpg", TestImages.jpeg(400, 300), "alt", "Quay").get("id").asLong();

		MediaDesk.assertProblem(desk.call(editor, "PATCH", MediaDesk.API + "/" + image, Json.object("title", "Quay")), 400,
				"Unknown field ‘title’");
		MediaDesk.assertProblem(desk.call(editor, "PATCH", MediaDesk.API + "/" + image, Json.object("alt", 12)), 400,
				"alt must be a string");
		MediaDesk.assertProblem(desk.call(editor, "GET", MediaDesk.API + "/987654321", null), 404, "no image 987654321");
		assertThat(Json.read(desk.call(editor, "GET", MediaDesk.API + "/" + image, null)).get("alt").asString())
			.isEqualTo("Quay");
	}

	@Test
	void theListSearchesAltCaptionCreditAndFileName() {
		Person editor = desk.join("Eda Editor", Role.EDITOR);
		// Every class with @MediaGazette shares the database: the words searched for here are used nowhere else.
		long hebrew = desk.uploaded(editor, "kotel.jpg", TestImages.jpeg(400, 300), "caption", "ירושלים בבוקר")
			.get("id")
			.asLong();
		long turkish = desk.uploaded(editor, "bosphorus-ferry.jpg", TestImages.jpeg(400, 300), "credit",
				"Photo: Şükrü Öztürk").get("id").asLong();
		long plain = desk.uploaded(editor, "gulls.jpg", TestImages.jpeg(400, 300), "alt", "Gulls over the breakwater")
			.get("id")
			.asLong();

		assertThat(ids("ירושלים")).containsExactly(hebrew);
		assertThat(ids("şükrü öztürk")).containsExactly(turkish);
		assertThat(ids("ŞÜKRÜ")).containsExactly(turkish);
		assertThat(ids("BOSPHORUS-FERRY")).containsExactly(turkish);
		assertThat(ids("breakwater")).containsExactly(plain);
		assertThat(ids("100%_sure")).isEmpty();
	}

	private java.util.List<Long> ids(String query) {
		Person editor = desk.join("Eda Editor", Role.EDITOR);
		HttpResponse<String> list = desk.call(editor, "GET",
				MediaDesk.API + "?q=" + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8), null);
		assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
		java.util.List<Long> ids = new java.util.ArrayList<>();
		Json.read(list).get("items").forEach(item -> ids.add(item.get("id").asLong()));
		return ids;
	}
}
