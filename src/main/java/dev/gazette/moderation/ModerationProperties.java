package dev.gazette.moderation;

import java.time.Duration;

import dev.gazette.moderation.classifier.PretrainedModel;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the moderation pipeline decides, under {@code gazette.moderation.*}. Every threshold is a setting; README
 * lists them with their defaults.
 *
 * @param automaticScreening run the automatic checks (words, classifier, spam, trust) on every comment
 * @param maxLinks more links than this in one comment hold it as possible spam
 * @param burstCount more comments than this by one author within {@code burstWindow} hold the next ones
 * @param burstWindow see {@code burstCount}
 * @param newAccountAge an account younger than this posting links is held
 * @param trustWindow the period an author's record is judged over
 * @param trustRejectedShare an author with a larger share of rejected comments in the window is pre-moderated
 * @param trustMinimum the record counts only once the author has this many decided comments in the window
 * @param premoderateNewAccounts hold a new account's comments until {@code newAccountApprovals} were published
 * @param newAccountApprovals see {@code premoderateNewAccounts}
 * @param reportThreshold this many reports hold a published comment for review
 * @param externalUrl an external moderation service to ask as well (unset: none)
 * @param externalTimeout how long to wait for it (and for Perspective)
 * @param externalFailOpen when any external service fails or times out: publish, with a signal saying it was not
 * heard (true), or hold (false)
 * @param perspectiveApiKey a Perspective API key (unset: not used; never required; Google is retiring the service,
 * {@code openaiModeration} and {@code llamaGuard} replace it)
 * @param perspectiveUrl the Perspective endpoint
 * @param openaiModeration an OpenAI-compatible moderation endpoint to ask as well (off unless its base URL is set)
 * @param llamaGuard a Llama Guard–style safety model behind an OpenAI-compatible chat endpoint to ask as well (off
 * unless its base URL is set)
 * @param retrainAfter retrain the classifier after this many new moderator decisions
 * @param perClientChecks also count bursts and repeated text per client network address (in this node's memory),
 * which is all there is to go on for a guest who gave no e-mail address
 * @param pretrainedModel the model stored as version 1 on a first start, trained on the shipped data when Gazette was
 * built (a Spring resource location); where it is missing, the first start trains one in the background instead
 */
@ConfigurationProperties("gazette.moderation")
public record ModerationProperties(@DefaultValue("true") boolean automaticScreening, @DefaultValue("3") int maxLinks,
		@DefaultValue("5") int burstCount, @DefaultValue("2m") Duration burstWindow,
		@DefaultValue("1d") Duration newAccountAge, @DefaultValue("7d") Duration trustWindow,
		@DefaultValue("0.3") double trustRejectedShare, @DefaultValue("3") int trustMinimum,
		@DefaultValue("false") boolean premoderateNewAccounts, @DefaultValue("2") int newAccountApprovals,
		@DefaultValue("3") int reportThreshold, String externalUrl, @DefaultValue("2s") Duration externalTimeout,
		@DefaultValue("true") boolean externalFailOpen, String perspectiveApiKey,
		@DefaultValue("https://commentanalyzer.googleapis.com/v1alpha1/comments:analyze") String perspectiveUrl,
		@DefaultValue OpenAiModeration openaiModeration, @DefaultValue LlamaGuard llamaGuard,
		@DefaultValue("50") int retrainAfter, @DefaultValue("true") boolean perClientChecks,
		@DefaultValue("classpath:" + PretrainedModel.RESOURCE) String pretrainedModel) {

	/**
	 * {@code gazette.moderation.openai-moderation.*}: {@code POST {baseUrl}/v1/moderations}.
	 *
	 * @param baseUrl e.g. {@code https://api.openai.com} (unset: not asked)
	 * @param apiKey sent as a bearer token (unset: no {@code Authorization} header, for a local server)
	 * @param model the moderation model
	 * @param timeout how long to wait for an answer
	 */
	public record OpenAiModeration(String baseUrl, String apiKey, @DefaultValue("omni-moderation-latest") String model,
			@DefaultValue("2s") Duration timeout) {

		public boolean enabled() {
			return baseUrl != null && !baseUrl.isBlank();
		}

		// The key stays out of logs and error messages.
		@Override
		public String toString() {
			return "OpenAiModeration[baseUrl=" + baseUrl + ", model=" + model + ", timeout=" + timeout + "]";
		}
	}

	/**
	 * {@code gazette.moderation.llama-guard.*}: {@code POST {baseUrl}/v1/chat/completions} on Ollama, vLLM, a
	 * llama.cpp server or any other OpenAI-compatible chat server that serves a Llama Guard model.
	 *
	 * @param baseUrl e.g. {@code http://localhost:11434} for Ollama (unset: not asked)
	 * @param apiKey sent as a bearer token (unset: no {@code Authorization} header)
	 * @param model the model's name on that server
	 * @param timeout how long to wait for an answer; a language model on a CPU is slower than a classifier
	 */
	public record LlamaGuard(String baseUrl, String apiKey, @DefaultValue("llama-guard3") String model,
			@DefaultValue("5s") Duration timeout) {

		public boolean enabled() {
			return baseUrl != null && !baseUrl.isBlank();
		}

		// The key stays out of logs and error messages.
		@Override
		public String toString() {
			return "LlamaGuard[baseUrl=" + baseUrl + ", model=" + model + ", timeout=" + timeout + "]";
		}
	}
}
