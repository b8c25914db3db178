package dev.gazette.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import dev.gazette.account.Role;
import dev.gazette.support.Http;
import dev.gazette.support.Json;
import dev.gazette.support.Readers;
import org.jsoup.Jsoup;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The media library as its users meet it: people with roles, each with a personal access token and a signed-in
 * browser session, over real HTTP.
 */
final class MediaDesk {

	static final String API = "/api/v1/media";

	private final int port;

	private final Readers readers;

	private final JdbcClient jdbc;

	MediaDesk(int port, Readers readers, JdbcClient jdbc) {
		this.port = port;
		this.readers = readers;
		this.jdbc = jdbc;
	}

	/** Someone with a token and a signed-in browser. */
	record Person(long id, String name, String token, Http browser) {
	}

	Person join(String name, Role... roles) {
		Readers.Reader reader = readers.join(name, roles);
		Http browser = Http.signedInAs(port, reader);
		String token = Jsoup.parse(browser.postForm("/settings/tokens", Map.of("name", "media")).body())
			.selectFirst("code.token")
			.text();
		return new Person(reader.id(), name, token, browser);
	}

	/** {@code POST /api/v1/media}: the file and any text fields, as multipart/form-data. */
	HttpResponse<String> upload(Person who, String fileName, String declaredType, byte[] file, String... fields) {
		Map<String, String> texts = new LinkedHashMap<>();
		for (int i = 0; i < fields.length; i += 2) {
			texts.put(fields[i], fields[i + 1]);
		}
		String boundary = "----media-test-" + UUID.randomUUID();
		var body = new java.io.ByteArrayOutputStream();
		for (Map.Entry<String, String> text : texts.entrySet()) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + text.getKey()
					+ "\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + text.getValue() + "\r\n")
				.getBytes(StandardCharsets.UTF_8));
		}
		if (file != null) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
					+ "\"\r\nContent-Type: " + declaredType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			body.writeBytes(file);
			body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + API))
			.header("Authorization", "Bearer " + who.token())
			.header("Accept", "application/json")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(BodyPublishers.ofByteArray(body.toByteArray()))
			.build();
		try {
			return HttpClient.newHttpClient().send(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Uploads and answers the new item's JSON, checking it was created. */
	JsonNode uploaded(Person who, String fileName, byte[] file, String... fields) {
		HttpResponse<String> created = upload(who, fileName, "application/octet-stream", file, fields);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return Json.read(created);
	}

	/** Uploads a complete JPEG (alt text, caption and credit written) and answers its id. */
	long completeImage(Person who) {
		return uploaded(who, "quay.jpg", TestImages.jpeg(1200, 800), "alt", "Cranes on the quay at dusk", "caption",
				"The quay in July.", "credit", "Photo: Oğuz Türk").get("id").asLong();
	}

	HttpResponse<String> call(Person who, String method, String path, String json) {
		return new Http(port).withToken(who.token(), method, path, json);
	}

	long rows() {
		return jdbc.sql("select count(*) from media").query(Long.class).single();
	}

	/** Every file the library has stored, in all items. */
	static long files() {
		Path root = Path.of(MediaGazette.DATA_DIR, "media");
		if (!Files.exists(root)) {
			return 0;
		}
		try (Stream<Path> all = Files.walk(root)) {
			return all.filter(Files::isRegularFile).count();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void assertProblem(HttpResponse<String> response, int status, String detailContains) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(Json.read(response).get("status").asInt()).isEqualTo(status);
		assertThat(Json.read(response).get("detail").asString()).contains(detailContains);
	}
}
