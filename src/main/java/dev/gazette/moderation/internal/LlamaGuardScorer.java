package dev.gazette.moderation.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.gazette.comment.Submission;
import dev.gazette.moderation.ModerationProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A Llama Guard safety model (3 or 4; same hazard codes) served by any OpenAI-compatible chat endpoint — Ollama,
 * vLLM, a llama.cpp server: {@code POST {base-url}/v1/chat/completions} with the comment as the user's turn. The
 * server's chat template for the model wraps it in Llama Guard's own prompt; the model answers {@code safe}, or
 * {@code unsafe} and a line of hazard codes. The codes that speak to a comment's civility map onto Gazette's labels
 * and hold the comment:
 * <ul>
 * <li>S1 violent crimes, S9 indiscriminate weapons → threat; S7 privacy (someone's address or private details:
 * doxxing) → threat;</li>
 * <li>S10 hate → identity_hate;</li>
 * <li>S12 sexual content → obscene; S3 sex-related crimes, S4 child sexual exploitation → severe_toxic.</li>
 * </ul>
 * The rest are ignored, because they are not about how readers treat each other, and a news discussion touches
 * them all the time: S2 non-violent crimes, S5 defamation (a question of fact only an editor can weigh), S6
 * specialised advice, S8 intellectual property, S11 suicide and self-harm (about the writer), S13 elections, S14
 * code interpreter abuse. The model gives no probabilities, so a mapped code scores 1.0. An {@code unsafe} with no
 * code holds; an answer that is neither safe nor unsafe is a failure.
 */
public class LlamaGuardScorer implements ExternalScorer {

	static final Map<String, List<String>> LABELS = Map.of("S1", List.of("threat"), "S3", List.of("severe_toxic"),
			"S4", List.of("severe_toxic"), "S7", List.of("threat"), "S9", List.of("threat"), "S10",
			List.of("identity_hate"), "S12", List.of("obscene"));

	/** The verdict is a few tokens, but every one of the 14 codes on its line is two or three more: never cut it. */
	private static final int MAX_TOKENS = 64;

	private static final Pattern CODE = Pattern.compile("\\bS(\\d{1,2})\\b", Pattern.CASE_INSENSITIVE);

	private final JsonCall call;

	private final String model;

	public LlamaGuardScorer(ModerationProperties.LlamaGuard settings, ObjectMapper json) {
		this.call = new JsonCall(JsonCall.under(settings.baseUrl(), "/v1/chat/completions"), settings.apiKey(),
				settings.timeout(), json);
		this.model = settings.model();
	}

	@Override
	public String name() {
		return "llama-guard";
	}

	@Override
	public Verdict ask(Submission submission) {
		JsonNode content = call
			.post(Map.of("model", model, "messages", List.of(Map.of("role", "user", "content", submission.body())),
					"temperature", 0, "max_tokens", MAX_TOKENS, "stream", false))
			.path("choices")
			.path(0)
			.path("message")
			.path("content");
		if (!content.isString()) {
			throw new ExternalFailure("answered without a message", null);
		}
		return verdict(content.asString());
	}

	/** Reads {@code safe}, or {@code unsafe} followed by codes such as {@code S1,S10}, on the next line or the same. */
	public static Verdict verdict(String answer) {
		String text = answer.strip().toLowerCase(Locale.ROOT);
		if (text.startsWith("safe")) {
			return new Verdict(Map.of(), Optional.empty());
		}
		if (!text.startsWith("unsafe")) {
			throw new ExternalFailure("answered neither safe nor unsafe: " + abbreviate(answer), null);
		}
		Map<String, Double> scores = new LinkedHashMap<>();
		boolean anyCode = false;
		Matcher codes = CODE.matcher(text.substring("unsafe".length()));
		while (codes.find()) {
			anyCode = true;
			LABELS.getOrDefault("S" + Integer.parseInt(codes.group(1)), List.of())
				.forEach(label -> scores.put(label, 1.0));
		}
		return new Verdict(scores, !anyCode || !scores.isEmpty() ? Optional.of("hold") : Optional.empty());
	}

	private static String abbreviate(String text) {
		String line = text.strip().replaceAll("\\s+", " ");
		return line.length() <= 40 ? line : line.substring(0, 40) + "…";
	}
}
