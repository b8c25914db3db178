package dev.gazette.moderation;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.gazette.account.AccountAdministration;
import dev.gazette.account.Accounts;
import dev.gazette.account.Registration;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.comment.Comment;
import dev.gazette.comment.CommentDraft;
import dev.gazette.comment.CommentStatus;
import dev.gazette.comment.Commenter;
import dev.gazette.comment.Commenting;
import dev.gazette.comment.Comments;
import dev.gazette.support.Http;
import dev.gazette.support.Json;
import dev.gazette.support.Mailbox;
import dev.gazette.support.Newsroom;
import dev.gazette.support.Newsroom.Published;
import dev.gazette.support.Readers;
import dev.gazette.support.Readers.Reader;
import dev.gazette.support.RunningGazette;
import dev.gazette.moderation.internal.ExternalScorers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

/**
 * The new external opinions in the running application, over HTTP: an OpenAI-compatible moderation endpoint and a
 * Llama Guard model, both fakes on loopback ports. What they flag is held, what they pass is published, and when
 * they are slow or talk nonsense the comment is published with a signal on its record, never refused.
 * <p>
 * And the rule that made {@code Comments.submit} two steps: they are asked before the transaction that stores the
 * comment opens. The scorers are watched at the moment they are asked, on the thread that asks them: no
 * transaction may be active there, and no database connection bound to it.
 */
@RunningGazette
class ExternalOpinionsTests {

	static final FakeModerationService moderationEndpoint = new FakeModerationService();

	static final FakeModerationService llamaGuard = new FakeModerationService();

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("gazette.moderation.openai-moderation.base-url", () -> moderationEndpoint.uri("").toString());
		registry.add("gazette.moderation.openai-moderation.timeout", () -> "500ms");
		registry.add("gazette.moderation.llama-guard.base-url", () -> llamaGuard.uri("").toString());
		registry.add("gazette.moderation.llama-guard.timeout", () -> "500ms");
	}

	@AfterAll
	static void stop() {
		moderationEndpoint.close();
		llamaGuard.close();
	}

	@MockitoSpyBean
	ExternalScorers scorers;

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	ClassifierModels classifier;

	@Autowired
	Comments comments;

	@Autowired
	Commenting commenting;

	@Autowired
	Accounts accounts;

	@Autowired
	Registration registration;

	@Autowired
	AccountAdministration administration;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	/** What the asking thread looked like each time the scorers were asked. */
	final List<String> whileAsking = new CopyOnWriteArrayList<>();

	Published article;

	@BeforeEach
	void anArticleAndCivilServices() {
		// The first model is trained in the background after start; on a busy machine that takes longer than the
		// HTTP client waits, and these tests are about the services, not about the first post after a start.
		classifier.version();
		article = new Newsroom(catalog).article().publish();
		moderationEndpoint.answers(200, moderation(false, 0.01));
		llamaGuard.answers(200, says("safe"));
		doAnswer(call -> {
			whileAsking.add("transaction active: " + TransactionSynchronizationManager.isActualTransactionActive()
					+ ", resources bound: " + TransactionSynchronizationManager.getResourceMap().keySet());
			return call.callRealMethod();
		}).when(scorers).ask(any());
	}

	@Test
	void noTransactionIsOpenWhileTheServicesAreAskedAboutANewComment() {
		int before = moderationEndpoint.received().size();

		assertThat(post("A civil remark about the river.").get("status").asString()).isEqualTo("published");

		assertThat(moderationEndpoint.received()).as("the service was asked").hasSize(before + 1);
		assertThat(whileAsking).containsExactly("transaction active: false, resources bound: []");
	}

	@Test
	void noTransactionIsOpenWhileTheServicesAreAskedAboutAnEdit() {
		Reader reader = new Readers(registration, accounts, administration, new Mailbox(jdbc)).join("Leyla");
		Comment posted = commenting.submit(article.slug(), new CommentDraft("First thoughts on the dam.", null),
				new Commenter(reader.id(), reader.displayName(), null))
			.stored()
			.orElseThrow();
		whileAsking.clear();

		Comment edited = commenting.edit(posted.id(), reader.id(), "Second thoughts on the dam.")
			.stored()
			.orElseThrow();

		assertThat(edited.body()).isEqualTo("Second thoughts on the dam.");
		assertThat(whileAsking).containsExactly("transaction active: false, resources bound: []");
	}

	@Test
	void whatTheModerationEndpointFlagsIsHeldWithItsReasonOnRecord() {
		moderationEndpoint.answers(200, moderation(true, 0.96));

		JsonNode held = post("I disagree with the columnist about the dam.");

		assertThat(held.get("status").asString()).isEqualTo("pending");
		assertThat(record(held)).contains("openai-moderation").contains("insult 0.96").contains("decided hold");
	}

	@Test
	void whatLlamaGuardCallsHatefulIsHeld() {
		llamaGuard.answers(200, says("unsafe\nS10"));

		JsonNode held = post("The valley should decide about the dam itself.");

		assertThat(held.get("status").asString()).isEqualTo("pending");
		assertThat(record(held)).contains("llama-guard").contains("identity_hate 1.00");
	}

	@Test
	void aSlowOrConfusedServiceLeavesTheCommentPublishedWithASignal() {
		moderationEndpoint.answersSlowly(Duration.ofSeconds(2), moderation(true, 0.99));
		llamaGuard.answers(200, says("I am sorry, I cannot classify this."));

		JsonNode published = post("The minister should answer the question about the dam.");

		assertThat(published.get("status").asString()).isEqualTo("published");
		assertThat(record(published)).contains("openai-moderation").contains("llama-guard").contains("(fail-open)");
		assertThat(comments.find(published.get("id").asLong()).orElseThrow().status())
			.isEqualTo(CommentStatus.PUBLISHED);
	}

	private JsonNode post(String body) {
		HttpResponse<String> response = new Http(port).postJson("/api/v1/articles/" + article.slug() + "/comments",
				Json.object("authorName", "Guest", "body", body, "parentId", null, "acknowledgeNudge", true));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return Json.read(response);
	}

	private String record(JsonNode comment) {
		return comments.moderationRecord(comment.get("id").asLong()).orElseThrow();
	}

	private static String moderation(boolean flagged, double harassment) {
		return Json.object("results", List.of(Map.of("flagged", flagged, "categories", Map.of("harassment", flagged),
				"category_scores", Map.of("harassment", harassment))));
	}

	private static String says(String content) {
		return Json.object("choices", List.of(Map.of("message", Map.of("role", "assistant", "content", content))));
	}
}
