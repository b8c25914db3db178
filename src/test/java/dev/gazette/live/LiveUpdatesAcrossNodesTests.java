package dev.gazette.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.gazette.GazetteApplication;
import dev.gazette.account.AccountAdministration;
import dev.gazette.account.Accounts;
import dev.gazette.account.Registration;
import dev.gazette.account.Role;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.article.DiscussionSettings;
import dev.gazette.comment.CommentDraft;
import dev.gazette.comment.CommentStatus;
import dev.gazette.comment.Commenter;
import dev.gazette.comment.Commenting;
import dev.gazette.comment.Comments;
import dev.gazette.support.EventStream;
import dev.gazette.support.EventStream.Event;
import dev.gazette.support.FreshTestDatabase;
import dev.gazette.support.Http;
import dev.gazette.support.Mailbox;
import dev.gazette.support.Newsroom;
import dev.gazette.support.Newsroom.Published;
import dev.gazette.support.Readers;
import dev.gazette.support.RunningGazette;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Gazette nodes on one database (on PostgreSQL they hear of each other's comments through LISTEN/NOTIFY, on the
 * embedded database by reading the feed): a comment published on one reaches a reader streaming from the other within
 * two seconds, a moderator's approval likewise, a comment held for moderation reaches the moderation console's
 * stream on the other node, and a reader whose node was stopped and started again gets, by {@code Last-Event-ID},
 * every comment published meanwhile.
 */
@RunningGazette
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveUpdatesAcrossNodesTests {

	static final Duration WITHIN = Duration.ofSeconds(2);

	@Autowired
	Environment environment;

	@Autowired
	Comments comments;

	@Autowired
	Commenting commenting;

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	Registration registration;

	@Autowired
	Accounts accounts;

	@Autowired
	AccountAdministration administration;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int portA;

	ConfigurableApplicationContext nodeB;

	Published article;

	@BeforeAll
	void startASecondNodeOnTheSameDatabase() {
		nodeB = startNodeB();
	}

	@AfterAll
	void stopTheSecondNode() {
		if (nodeB != null) {
			nodeB.close();
		}
	}

	@BeforeEach
	void anArticle() {
		article = new Newsroom(catalog).article().headline("Ferry timetable changes for the winter").publish();
	}

	@Test
	void aCommentPublishedOnNodeAReachesAReaderStreamingFromNodeB() throws Exception {
		try (EventStream reader = EventStream.open(portB(), stream(article), null, null)) {
			long id = post(commenting, "Oğuzhan Türkoğlu", "The 7:40 boat was always full anyway 🚢");

			Event event = reader.next(WITHIN);

			assertThat(event).as("an event within %s", WITHIN).isNotNull();
			assertThat(event.name()).isEqualTo("comment");
			assertThat(event.data()).contains("\"comment\":" + id).contains("\"article\":\"" + article.slug() + "\"");
			assertThat(Long.parseLong(event.id())).isPositive();
		}
	}

	@Test
	void aModeratorsApprovalOnNodeBReachesAReaderOnNodeA() throws Exception {
		catalog.changeDiscussion(article.slug(), true, new DiscussionSettings(true, null, null));
		long held = post(commenting, "שרה לוי", "Will the night crossing stay?");
		assertThat(comments.find(held).orElseThrow().status()).isEqualTo(CommentStatus.PENDING);
		try (EventStream reader = EventStream.open(portA, stream(article), null, null)) {
			nodeB.getBean(Comments.class).moderate(held, CommentStatus.PUBLISHED);

			Event event = reader.next(WITHIN);

			assertThat(event).as("an event within %s", WITHIN).isNotNull();
			assertThat(event.data()).contains("\"comment\":" + held);
		}
	}

	@Test
	void aCommentHeldOnNodeBReachesTheModerationConsoleOnNodeA() throws Exception {
		catalog.changeDiscussion(article.slug(), true, new DiscussionSettings(true, null, null));
		Readers.Reader moderator = new Readers(registration, accounts, administration, new Mailbox(jdbc))
			.join("Leyla Məmmədova", Role.MODERATOR);
		Http console = Http.signedInAs(portA, moderator);
		String cookie = "gazette-session=" + console.cookie("gazette-session").orElseThrow();
		try (EventStream moderation = EventStream.open(portA, "/admin/moderation/live", null, cookie)) {
			long early = post(nodeB.getBean(Commenting.class), "Early Bird", "Held, then rejected.");
			// Between the two held comments, changes the console has no use for: a rejection, an article published.
			nodeB.getBean(Comments.class).moderate(early, CommentStatus.REJECTED);
			new Newsroom(nodeB.getBean(ArticleCatalog.class)).article().headline("Nothing to moderate here").publish();
			long held = post(nodeB.getBean(Commenting.class), "Harbour Watcher", "Please read this before it shows.");

			Event first = moderation.next(WITHIN);
			Event event = moderation.next(WITHIN);

			assertThat(first).as("an event within %s", WITHIN).isNotNull();
			assertThat(first.data()).contains("\"comment\":" + early);
			assertThat(event).as("the next event within %s", WITHIN).isNotNull();
			assertThat(event.name()).isEqualTo("pending");
			assertThat(event.data()).contains("\"comment\":" + held);
		}
	}

	@Test
	void aReaderOfANodeThatRestartsGetsWhatWasPublishedMeanwhileByLastEventId() throws Exception {
		String lastSeen;
		try (EventStream reader = EventStream.open(portB(), stream(article), null, null)) {
			post(commenting, "Early Bird", "First on the quay.");
			Event first = reader.next(WITHIN);
			assertThat(first).isNotNull();
			lastSeen = first.id();
		}
		nodeB.close();
		List<Long> meanwhile = new ArrayList<>();
		try {
			meanwhile.add(post(commenting, "Night Owl", "Posted while node B was down."));
			meanwhile.add(post(commenting, "Ünal Çelik", "And another — ğüşiöç."));
		}
		finally {
			nodeB = startNodeB();
		}

		try (EventStream again = EventStream.open(portB(), stream(article), lastSeen, null)) {
			List<Event> missed = again.drain(WITHIN);

			assertThat(missed).extracting(Event::data)
				.hasSize(2)
				.anySatisfy(data -> assertThat(data).contains("\"comment\":" + meanwhile.get(0)))
				.anySatisfy(data -> assertThat(data).contains("\"comment\":" + meanwhile.get(1)));
			assertThat(missed).extracting(event -> Long.parseLong(event.id())).isSorted();
		}
	}

	private long post(Commenting on, String name, String body) {
		var outcome = on.submit(article.slug(), new CommentDraft(body, null), new Commenter(null, name, null));
		return outcome.stored().orElseThrow(() -> new AssertionError(name + ": not stored: " + outcome)).id();
	}

	private static String stream(Published article) {
		return "/api/v1/live/articles/" + article.slug();
	}

	private int portB() {
		return ((WebServerApplicationContext) nodeB).getWebServer().getPort();
	}

	private ConfigurableApplicationContext startNodeB() {
		return new SpringApplicationBuilder(GazetteApplication.class).run("--server.port=0",
				"--" + FreshTestDatabase.KEEP_DATASOURCE + "=true",
				"--spring.datasource.url=" + environment.getRequiredProperty("spring.datasource.url"),
				"--spring.datasource.username=" + environment.getRequiredProperty("spring.datasource.username"),
				"--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
				"--gazette.clock=" + RunningGazette.NOW, "--gazette.base-url=" + RunningGazette.BASE_URL,
				"--gazette.demo-content=false");
	}
}
