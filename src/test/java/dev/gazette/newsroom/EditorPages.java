package dev.gazette.newsroom;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.gazette.account.Role;
import dev.gazette.support.Http;
import dev.gazette.support.Readers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.FormElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The article editor as a person meets it in a browser without JavaScript: signed in, opening pages, filling in the
 * editor's form as it is on the page (every field the page has, with the values it shows) and pressing its buttons.
 */
final class EditorPages {

	private static final Pattern PIECE = Pattern.compile("/admin/articles/(\\d+)");

	private final int port;

	private final Readers readers;

	EditorPages(int port, Readers readers) {
		this.port = port;
		this.readers = readers;
	}

	/** Someone signed in, in a browser of their own. */
	record Person(long id, String name, Http browser) {

		Document page(String path) {
			HttpResponse<String> response = browser.get(path);
			assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
			return Jsoup.parse(response.body());
		}

		/** The editor's form on a page, as the browser would send it, with some fields changed (and Save pressed). */
		List<Map.Entry<String, String>> form(Document page, String... changes) {
			FormElement form = (FormElement) page.getElementById("editor-form");
			assertThat(form).as("the page has the editor's form").isNotNull();
			List<Map.Entry<String, String>> fields = new ArrayList<>();
			form.formData().forEach(field -> fields.add(Map.entry(field.key(), field.value())));
			for (int i = 0; i < changes.length; i += 2) {
				set(fields, changes[i], changes[i + 1]);
			}
			if (fields.stream().noneMatch(field -> field.getKey().equals("intent"))) {
				fields.add(Map.entry("intent", "save"));
			}
			return fields;
		}

		/** Fills in a new piece's form and saves it; answers the new piece's id. */
		long start(String... changes) {
			HttpResponse<String> saved = browser.postForm("/admin/articles", form(page("/admin/articles/new"), changes));
			assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
			return idIn(saved.headers().firstValue("Location").orElseThrow());
		}

		/** Changes fields of a piece through its form and saves. */
		HttpResponse<String> edit(long id, String... changes) {
			return browser.postForm("/admin/articles/" + id, form(page("/admin/articles/" + id), changes));
		}

		/** Presses one of the workflow's buttons (or forges its request when there is no such button). */
		HttpResponse<String> press(long id, String move, String... fields) {
			List<Map.Entry<String, String>> posted = new ArrayList<>();
			for (int i = 0; i < fields.length; i += 2) {
				posted.add(Map.entry(fields[i], fields[i + 1]));
			}
			return browser.postForm("/admin/articles/" + id + "/" + move, posted);
		}
	}

	Person join(String name, Role... roles) {
		Readers.Reader reader = readers.join(name, roles);
		return new Person(reader.id(), name, Http.signedInAs(port, reader));
	}

	/** Replaces the first field of this name (the rest of that name are dropped when {@code name} ends with "*"). */
	static void set(List<Map.Entry<String, String>> fields, String name, String value) {
		for (int i = 0; i < fields.size(); i++) {
			if (fields.get(i).getKey().equals(name)) {
				fields.set(i, Map.entry(name, value));
				return;
			}
		}
		fields.add(Map.entry(name, value));
	}

	static long idIn(String location) {
		Matcher matcher = PIECE.matcher(location);
		assertThat(matcher.find()).as(location).isTrue();
		return Long.parseLong(matcher.group(1));
	}
}
