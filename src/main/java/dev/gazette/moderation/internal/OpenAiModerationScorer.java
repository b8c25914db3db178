package dev.gazette.moderation.internal;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.gazette.comment.Submission;
import dev.gazette.moderation.ModerationProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * An OpenAI-compatible moderation endpoint ({@code POST {base-url}/v1/moderations}, e.g. OpenAI's
 * {@code omni-moderation-latest}, or a self-hosted server that speaks the same JSON). Its categories map onto
 * Gazette's labels, a label taking the highest score of its categories:
 * <ul>
 * <li>harassment → insult; harassment/threatening → threat;</li>
 * <li>hate → identity_hate; hate/threatening → identity_hate and threat;</li>
 * <li>sexual → obscene; sexual/minors → obscene and severe_toxic.</li>
 * </ul>
 * The service's own verdict counts too: a mapped category it flags holds the comment. The other categories are
 * left out on purpose: violence and violence/graphic describe what a news story is about (a war, a massacre), not
 * a threat to anyone; self-harm is about the writer, not their manners; illicit is advice. A comment flagged only
 * for those is published. README has the same table.
 */
public class OpenAiModerationScorer implements ExternalScorer {

	static final Map<String, List<String>> LABELS = Map.of("harassment", List.of("insult"),
			"harassment/threatening", List.of("threat"), "hate", List.of("identity_hate"), "hate/threatening",
			List.of("identity_hate", "threat"), "sexual", List.of("obscene"), "sexual/minors",
			List.of("obscene", "severe_toxic"));

	private final JsonCall call;

	private final String model;

	public OpenAiModerationScorer(ModerationProperties.OpenAiModeration settings, ObjectMapper json) {
		this(JsonCall.under(settings.baseUrl(), "/v1/moderations"), settings, json);
	}

	private OpenAiModerationScorer(URI url, ModerationProperties.OpenAiModeration settings, ObjectMapper json) {
		this.call = new JsonCall(url, settings.apiKey(), settings.timeout(), json);
		this.model = settings.model();
	}

	@Override
	public String name() {
		return "openai-moderation";
	}

	@Override
	public Verdict ask(Submission submission) {
		JsonNode result = call.post(Map.of("model", model, "input", submission.body())).path("results").path(0);
		if (!result.path("flagged").isBoolean()) {
			throw new ExternalFailure("answered without a moderation result", null);
		}
		Map<String, Double> scores = new LinkedHashMap<>();
		boolean flaggedMapped = false;
		for (Map.Entry<String, List<String>> category : LABELS.entrySet()) {
			JsonNode score = result.path("category_scores").path(category.getKey());
			if (score.isNumber()) {
				category.getValue().forEach(label -> scores.merge(label, score.asDouble(), Math::max));
			}
			flaggedMapped |= result.path("categories").path(category.getKey()).asBoolean(false);
		}
		// A server that says "flagged" without any categories gives nothing to tell civility apart by: take its word.
		boolean flaggedBare = result.path("flagged").asBoolean() && result.path("categories").isEmpty();
		return new Verdict(scores, flaggedMapped || flaggedBare ? Optional.of("hold") : Optional.empty());
	}
}
