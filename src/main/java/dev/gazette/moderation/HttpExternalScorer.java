package dev.gazette.moderation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.gazette.comment.Submission;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The generic “external moderation” call: Gazette posts the comment and its context as JSON to a configured URL
 * (the comment's text, the article's slug and headline, the parent comment's id and the author) and reads back a
 * decision (publish, hold or reject) and scores by label, either of which may be missing. README shows the
 * exact JSON both ways.
 */
class HttpExternalScorer implements ExternalScorer {

	private final URI url;

	private final Duration timeout;

	private final HttpClient client;

	private final ObjectMapper json;

	HttpExternalScorer(URI url, Duration timeout, ObjectMapper json) {
		this.url = url;
		this.timeout = timeout;
		this.json = json;
		this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
	}

	@Override
	public String name() {
		return "external";
	}

	@Override
	public Verdict ask(Submission submission) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("comment", Map.of("text", submission.body()));
		body.put("article", Map.of("slug", submission.article().slug(), "headline", submission.article().headline()));
		body.put("parentId", submission.parentId());
		Map<String, Object> author = new LinkedHashMap<>();
		author.put("accountId", submission.commenter().accountId());
		author.put("name", submission.commenter().name());
		body.put("author", author);
		JsonNode answer = post(json.writeValueAsString(body));
		Map<String, Double> scores = new LinkedHashMap<>();
		JsonNode scoreNode = answer.path("scores");
		scoreNode.propertyNames().forEach(name -> scores.put(name, scoreNode.path(name).asDouble()));
		String decision = answer.path("decision").asString("");
		return new Verdict(scores, decision.isBlank() ? Optional.empty() : Optional.of(decision.strip().toLowerCase()));
	}

	private JsonNode post(String body) {
		HttpRequest request = HttpRequest.newBuilder(url)
			.timeout(timeout)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		try {
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() / 100 != 2) {
				throw new ExternalFailure("answered " + response.statusCode(), null);
			}
			return json.readTree(response.body());
		}
		catch (IOException | RuntimeException ex) {
			throw ex instanceof ExternalFailure failure ? failure : new ExternalFailure(ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ExternalFailure("interrupted", ex);
		}
	}
}
