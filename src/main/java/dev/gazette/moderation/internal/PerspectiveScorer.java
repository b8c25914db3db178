package dev.gazette.moderation.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.gazette.comment.Submission;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * An adapter for the Perspective API (comments:analyze). Its public service is announced to close at the end of
 * 2026, so it is only ever an extra opinion: configured by an API key, never required, and its scores are mapped
 * onto Gazette's labels (TOXICITY → toxic, SEVERE_TOXICITY → severe_toxic, PROFANITY → obscene, THREAT, INSULT,
 * IDENTITY_ATTACK → identity_hate). It makes no decision; the pipeline holds at its own thresholds.
 */
public class PerspectiveScorer implements ExternalScorer {

	private static final Map<String, String> ATTRIBUTES = Map.of("TOXICITY", "toxic", "SEVERE_TOXICITY", "severe_toxic",
			"PROFANITY", "obscene", "THREAT", "threat", "INSULT", "insult", "IDENTITY_ATTACK", "identity_hate");

	private final JsonCall call;

	public PerspectiveScorer(String endpoint, String apiKey, Duration timeout, ObjectMapper json) {
		this.call = new JsonCall(URI.create(endpoint + "?key=" + URLEncoder.encode(apiKey, StandardCharsets.UTF_8)),
				null, timeout, json);
	}

	@Override
	public String name() {
		return "perspective";
	}

	@Override
	public Verdict ask(Submission submission) {
		Map<String, Object> attributes = new LinkedHashMap<>();
		ATTRIBUTES.keySet().forEach(attribute -> attributes.put(attribute, Map.of()));
		JsonNode scoresNode = call.post(Map.of("comment", Map.of("text", submission.body()), "requestedAttributes",
				attributes, "doNotStore", true))
			.path("attributeScores");
		Map<String, Double> scores = new LinkedHashMap<>();
		ATTRIBUTES.forEach((attribute, label) -> {
			JsonNode value = scoresNode.path(attribute).path("summaryScore").path("value");
			if (value.isNumber()) {
				scores.put(label, value.asDouble());
			}
		});
		return new Verdict(scores, Optional.empty());
	}
}
