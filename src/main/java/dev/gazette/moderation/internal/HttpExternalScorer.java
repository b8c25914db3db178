package dev.gazette.moderation.internal;

import java.net.URI;
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
public class HttpExternalScorer implements ExternalScorer {

	private final JsonCall call;

	public HttpExternalScorer(URI url, Duration timeout, ObjectMapper json) {
		this.call = new JsonCall(url, null, timeout, json);
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
		JsonNode answer = call.post(body);
		Map<String, Double> scores = new LinkedHashMap<>();
		JsonNode scoreNode = answer.path("scores");
		scoreNode.propertyNames().forEach(name -> scores.put(name, scoreNode.path(name).asDouble()));
		String decision = answer.path("decision").asString("");
		return new Verdict(scores, decision.isBlank() ? Optional.empty() : Optional.of(decision.strip().toLowerCase()));
	}
}
