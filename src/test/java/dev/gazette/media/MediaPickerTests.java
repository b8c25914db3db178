package dev.gazette.media;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.gazette.account.AccountAdministration;
import dev.gazette.account.Accounts;
import dev.gazette.account.Registration;
import dev.gazette.account.Role;
import dev.gazette.media.MediaDesk.Person;
import dev.gazette.support.Mailbox;
import dev.gazette.support.Readers;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The lead-image picker a form includes: one radio button per image, named leadImage, its value the image's id. */
@MediaGazette
class MediaPickerTests {

	@Autowired
	TemplateEngine templates;

	@Autowired
	MediaLibrary library;

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

	@Test
	void thePickerOffersEachImageByItsAltTextWithTheChosenOneChecked() {
		MediaDesk desk = new MediaDesk(port, new Readers(registration, accounts, administration, new Mailbox(jdbc)), jdbc);
		Person editor = desk.join("Eda Editor", Role.EDITOR);
		long named = desk.uploaded(editor, "a.jpg", TestImages.jpeg(400, 300), "alt", "Gulls & <terns> over the pier")
			.get("id")
			.asLong();
		long unnamed = desk.uploaded(editor, "IMG_2040.jpg", TestImages.jpeg(400, 300)).get("id").asLong();
		List<MediaItem> items = List.of(library.find(named).orElseThrow(), library.find(unnamed).orElseThrow());

		Map<String, Object> params = new HashMap<>();
		params.put("items", items);
		params.put("selected", named);
		StringOutput html = new StringOutput();
		templates.render("media/picker.jte", params, html);
		Document picker = Jsoup.parseBodyFragment(html.toString());

		assertThat(picker.select("input[type=radio][name=leadImage]").eachAttr("value"))
			.containsExactly("none", String.valueOf(named), String.valueOf(unnamed));
		assertThat(picker.select("input[name=leadImage][checked]").attr("value")).isEqualTo(String.valueOf(named));
		assertThat(picker.select("label[for=leadImage-" + named + "]").text()).isEqualTo("Gulls & <terns> over the pier");
		assertThat(html.toString()).doesNotContain("<terns>");
		assertThat(picker.select("label[for=leadImage-" + unnamed + "]").text()).contains("IMG_2040.jpg", "no alt text");
		assertThat(picker.select("label[for=leadImage-" + named + "] img").attr("src")).isEqualTo("/media/" + named + "/320.jpg");
	}
}
