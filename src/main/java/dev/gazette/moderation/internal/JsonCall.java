package dev.gazette.moderation.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * One JSON POST to an external moderation service, the way every scorer makes it: a connect and a response timeout,
 * an optional bearer key, and any failure — unreachable, slow, not 2xx, not JSON — as an
 * {@link ExternalScorer.ExternalFailure}, so that the caller turns it into a signal and the comment is never lost.
 */
public final class JsonCall {

	private final URI url;

	private final String bearer;

	private final Duration timeout;

	private final HttpClient client;

	private final ObjectMapper json;

	/** {@code bearer}: an API key sent as {@code Authorization: Bearer …}; null or blank sends none. */
	public JsonCall(URI url, String bearer, Duration timeout, ObjectMapper json) {
		this.url = url;
		this.bearer = bearer == null || bearer.isBlank() ? null : bearer.strip();
		this.timeout = timeout;
		this.json = json;
		this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
	}

	/** {@code base} without its trailing slashes, then {@code path}: a base URL given with or without one works. */
	public static URI under(String base, String path) {
		String trimmed = base.strip();
		while (trimmed.endsWith("/")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		return URI.create(trimmed + path);
	}

	/** Posts {@code body} as JSON and reads the answer. */
	public JsonNode post(Object body) {
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(url)
				.timeout(timeout)
				.header("Content-Type", "application/json")
				.header("Accept", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
			if (bearer != null) {
				request.header("Authorization", "Bearer " + bearer);
			}
			HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() / 100 != 2) {
				throw new ExternalScorer.ExternalFailure("answered " + response.statusCode(), null);
			}
			return json.readTree(response.body());
		}
		catch (IOException | RuntimeException ex) {
			throw ex instanceof ExternalScorer.ExternalFailure failure ? failure
					: new ExternalScorer.ExternalFailure(describe(ex), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ExternalScorer.ExternalFailure("interrupted", ex);
		}
	}

	/** Some failures (a refused connection, for one) carry no message: their kind is all there is to say then. */
	private static String describe(Exception ex) {
		return ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
	}
}
