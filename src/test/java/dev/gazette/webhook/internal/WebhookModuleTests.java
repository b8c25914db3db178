package dev.gazette.webhook.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import dev.gazette.article.ArticleCatalog;
import dev.gazette.comment.CommentDraft;
import dev.gazette.comment.Commenter;
import dev.gazette.comment.Commenting;
import dev.gazette.support.MutableClock;
import dev.gazette.support.Newsroom;
import dev.gazette.support.Newsroom.Published;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.TestPropertySource;

/**
 * The webhook module with the modules it needs and no others ({@code @ApplicationModuleTest} in
 * {@code ALL_DEPENDENCIES} mode: {@code article}, {@code comment}, {@code account}, {@code jobs}, {@code publication}
 * and what they in turn depend on; not the newsroom, search, syndication, newsletter or notifications), on a fresh
 * database, with a JDK {@code HttpServer} on a local port as the receiver: an article and then a comment published
 * through their own modules' services reach it as signed JSON with their essentials. {@code DIRECT_DEPENDENCIES} is not
 * enough (the comment module's beans need the article catalogue, the account module's the session store), and the
 * context is a mock web one because the account module's sessions are Spring Session's JDBC store, configured only
 * for a web application. The webhook is registered through the module's own {@link Webhooks}; registering it on the
 * admin page, retries, failures and two nodes are {@code WebhookTests}' (a Gazette of its own).
 * <p>
 * {@code application.properties} puts the moderation classifier's health check in the readiness group; a context
 * without the moderation module must not check that group's members, hence the one property.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@TestPropertySource(properties = { "gazette.base-url=https://gazette.example", "gazette.webhooks.poll-interval=1h",
		"gazette.webhooks.max-attempts=3", "gazette.webhooks.first-retry=30s", "gazette.webhooks.timeout=5s",
		"gazette.articles.announce-interval=1h", "management.endpoint.health.validate-group-membership=false" })
class WebhookModuleTests {

	@TestConfiguration(proxyBeanMethods = false)
	static class StandingClock {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(Instant.parse("2018-07-22T09:00:00Z"));
		}
	}

	@Autowired
	Webhooks webhooks;

	@Autowired
	WebhookDelivery delivery;

	@Autowired
	ObjectMapper json;

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	Commenting commenting;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	WebhookReceiver receiver;

	@BeforeEach
	void aReceiver() throws IOException {
		receiver = new WebhookReceiver(clock);
		receiver.secret = webhooks.register(new WebhookForm(receiver.url(),
				List.of("article.published", "comment.published"), "Ünïcode ✓ module"), clock.instant()).secret();
	}

	@AfterEach
	void stopTheReceiver() {
		receiver.close();
	}

	@Test
	void aPublishedArticleAndCommentArriveSignedWithTheirEssentials() {
		Published article = new Newsroom(catalog).article().headline("Harbour wall — Oğuz Türk, שלום 👍").publish();
		receiver.awaitQueued(jdbc, 1);
		commenting.submit(article.slug(), new CommentDraft("Teşekkürler 👍", null), new Commenter(null, "Gökçe Işıkoğlu", null));
		receiver.awaitQueued(jdbc, 2);

		assertThat(delivery.deliverDue()).isEqualTo(2);

		assertThat(receiver.received).hasSize(2).allMatch(WebhookReceiver.Received::signed);
		JsonNode articleEvent = json.readTree(receiver.received.get(0).body());
		assertThat(receiver.received.get(0).event()).isEqualTo("article.published");
		assertThat(articleEvent.get("type").asText()).isEqualTo("article.published");
		assertThat(articleEvent.get("id").asText()).startsWith("evt_article.");
		assertThat(articleEvent.get("data").get("headline").asText()).isEqualTo("Harbour wall — Oğuz Türk, שלום 👍");
		assertThat(articleEvent.get("data").get("url").asText()).isEqualTo("https://gazette.example" + article.path());
		JsonNode commentEvent = json.readTree(receiver.received.get(1).body());
		assertThat(commentEvent.get("type").asText()).isEqualTo("comment.published");
		assertThat(commentEvent.get("data").get("authorName").asText()).isEqualTo("Gökçe Işıkoğlu");
		assertThat(commentEvent.get("data").get("url").asText())
			.startsWith("https://gazette.example/articles/" + article.slug() + "/comments/");
		assertThat(receiver.received.get(0).delivery()).isNotEqualTo(receiver.received.get(1).delivery());
		assertThat(delivery.deliverDue()).as("nothing left").isZero();
	}
}
