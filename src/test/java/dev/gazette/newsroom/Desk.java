package dev.gazette.newsroom;

import java.net.http.HttpResponse;
import java.util.Map;

import dev.gazette.account.Role;
import dev.gazette.support.Http;
import dev.gazette.support.Json;
import dev.gazette.support.Readers;
import org.jsoup.Jsoup;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The newsroom as API clients meet it: people with roles, each with a personal access token made in their settings,
 * calling {@code /api/v1/newsroom/articles} over real HTTP.
 */
final class Desk {

	static final String API = "/api/v1/newsroom/articles";

	private final int port;

	private final Readers readers;

	Desk(int port, Readers readers) {
		this.port = port;
		this.readers = readers;
	}

	/** Someone on the staff, with a token. */
	record Writer(long id, String name, String token) {
	}

	Writer join(String name, Role... roles) {
		Readers.Reader reader = readers.join(name, roles);
		Http browser = Http.signedInAs(port, reader);
		String token = Jsoup.parse(browser.postForm("/settings/tokens", Map.of("name", "newsroom")).body())
			.selectFirst("code.token")
			.text();
		return new Writer(reader.id(), name, token);
	}

	/** A call to the writing API, {@code path} after {@code /api/v1/newsroom/articles}. */
	HttpResponse<String> call(Writer who, String method, String path, String json) {
		return new Http(port).withToken(who.token(), method, API + path, json);
	}

	HttpResponse<String> post(Writer who, String path) {
		return call(who, "POST", path, null);
	}

	/** Starts a piece and answers its id. */
	long start(Writer who, Object... fields) {
		HttpResponse<String> started = call(who, "POST", "", Json.object(fields));
		assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
		return Json.read(started).get("id").asLong();
	}

	JsonNode piece(Writer who, long id) {
		HttpResponse<String> piece = call(who, "GET", "/" + id, null);
		assertThat(piece.statusCode()).as(piece.body()).isEqualTo(200);
		return Json.read(piece);
	}

	/** GET a reader's page, without following redirects. */
	HttpResponse<String> read(String path) {
		return new Http(port).get(path);
	}

	static void assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(Json.read(response).get("status").asInt()).isEqualTo(status);
		assertThat(Json.read(response).get("detail").asString()).isNotBlank();
	}
}
