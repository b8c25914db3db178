package dev.gazette.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A plain HTTP client for the running application, as a browser or an API client would talk to it: it never
 * follows redirects (tests check them), sends and reads UTF-8.
 */
public final class Http {

	private final HttpClient client = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String base;

	public Http(int port) {
		this.base = "http://localhost:" + port;
	}

	public HttpResponse<String> get(String path) {
		return send(request(path).header("Accept", "text/html,application/json;q=0.9,*/*;q=0.8").GET());
	}

	public HttpResponse<String> getJson(String path) {
		return send(request(path).header("Accept", "application/json").GET());
	}

	public HttpResponse<String> postJson(String path, String json) {
		return send(request(path).header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
	}

	/** Posts a form as a browser does ({@code application/x-www-form-urlencoded}, UTF-8). */
	public HttpResponse<String> postForm(String path, Map<String, String> fields) {
		String body = fields.entrySet()
			.stream()
			.map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
			.header("Accept", "text/html")
			.POST(BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
	}

	/** Follows one redirect answer to where it points and gets that page (the fragment stays with the client). */
	public HttpResponse<String> follow(HttpResponse<?> redirect) {
		String location = redirect.headers().firstValue("Location").orElseThrow(
				() -> new AssertionError("No Location header in a " + redirect.statusCode() + " answer"));
		URI target = redirect.uri().resolve(location);
		return get(target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()));
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return client.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
