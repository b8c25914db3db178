package dev.gazette.newsroom;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import dev.gazette.GazetteApplication;
import dev.gazette.account.AccountAdministration;
import dev.gazette.account.Accounts;
import dev.gazette.account.Registration;
import dev.gazette.account.Role;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.article.Author;
import dev.gazette.newsroom.Desk.Writer;
import dev.gazette.publication.Publication;
import dev.gazette.publication.Publications;
import dev.gazette.support.FreshTestDatabase;
import dev.gazette.support.Http;
import dev.gazette.support.Json;
import dev.gazette.support.Mailbox;
import dev.gazette.support.MutableClock;
import dev.gazette.support.Newsroom;
import dev.gazette.support.Readers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.gazette.newsroom.Desk.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scheduled piece goes live at its time, by the database alone: readers see it once the clock passes its time, and
 * it is announced once, by whichever node looks first — here a Gazette started after the time on the same database,
 * as after a restart.
 */
@NewsroomGazette
class NewsroomSchedulingTests {

	@Autowired
	Accounts accounts;

	@Autowired
	Registration registration;

	@Autowired
	AccountAdministration administration;

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	Publications publications;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	Environment environment;

	@LocalServerPort
	int port;

	Desk desk;

	Writer editor;

	Author byline;

	@BeforeEach
	void anEditor() {
		desk = new Desk(port, new Readers(registration, accounts, administration, new Mailbox(jdbc)));
		editor = desk.join("Sched Uler", Role.EDITOR);
		byline = new Newsroom(catalog).author("Tim Ely");
	}

	@Test
	void aLocalTimeIsReadInThePublicationsTimeZone() {
		Publication site = publications.current();
		publications.update(new Publication(site.name(), site.tagline(), ZoneId.of("Asia/Jerusalem"),
				site.secondCalendar(), site.opinionDisclaimer(), site.contributorInvitation()));
		try {
			long id = piece("Local time");
			Instant at = clock.instant().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MINUTES);
			LocalDateTime inJerusalem = LocalDateTime.ofInstant(at, ZoneId.of("Asia/Jerusalem"));

			HttpResponse<String> scheduled = desk.call(editor, "POST", "/" + id + "/schedule",
					Json.object("at", inJerusalem.toString()));

			assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(200);
			assertThat(Json.read(scheduled).get("publishedAt").asString()).isEqualTo(at.toString());
			assertThat(Json.read(scheduled).get("state").asString()).isEqualTo("scheduled");
		}
		finally {
			publications.update(site);
		}
	}

	@Test
	void aScheduledPieceGoesLiveAtItsTimeAndANodeStartedLaterAnnouncesItOnce() {
		long id = piece("Scheduled for noon");
		String slug = desk.piece(editor, id).get("slug").asString();
		Instant at = clock.instant().plus(Duration.ofHours(3));
		assertThat(desk.call(editor, "POST", "/" + id + "/schedule", Json.object("at", at.toString())).statusCode())
			.isEqualTo(200);

		catalog.announceDue();
		assertThat(desk.read("/articles/" + slug).statusCode()).as("not before its time").isEqualTo(404);
		assertThat(announcements(id)).isZero();

		clock.advance(Duration.ofHours(3).plusMinutes(1));

		assertThat(desk.read("/articles/" + slug).statusCode()).as("readers need not wait for the announcer").isEqualTo(200);
		assertThat(desk.piece(editor, id).get("state").asString()).isEqualTo("published");
		ConfigurableApplicationContext later = startAnotherNodeAt(clock.instant());
		try {
			later.getBean(ArticleCatalog.class).announceDue();
			catalog.announceDue();

			int laterPort = ((WebServerApplicationContext) later).getWebServer().getPort();
			assertThat(new Http(laterPort).get("/articles/" + slug).statusCode()).isEqualTo(200);
		}
		finally {
			later.close();
		}
		assertThat(announcements(id)).as("announced once, whichever node looked").isEqualTo(1);
		assertThat(jdbc.sql("select state from article where id = :id").param("id", id).query(String.class).single())
			.isEqualTo("published");
	}

	@Test
	void aPieceTakenOffTheScheduleBeforeItsTimeNeverAppears() {
		long id = piece("Never mind");
		String slug = desk.piece(editor, id).get("slug").asString();
		desk.call(editor, "POST", "/" + id + "/schedule",
				Json.object("at", clock.instant().plus(Duration.ofHours(1)).toString()));

		assertThat(desk.post(editor, "/" + id + "/draft").statusCode()).isEqualTo(200);
		clock.advance(Duration.ofHours(2));
		catalog.announceDue();

		assertThat(desk.read("/articles/" + slug).statusCode()).isEqualTo(404);
		assertThat(desk.piece(editor, id).get("state").asString()).isEqualTo("draft");
		assertThat(announcements(id)).isZero();
	}

	@Test
	void reschedulingAScheduledPieceMovesItsTimeAndTheTimeMustBeAhead() {
		long id = piece("Moved twice");
		desk.call(editor, "POST", "/" + id + "/schedule",
				Json.object("at", clock.instant().plus(Duration.ofHours(1)).toString()));
		Instant later = clock.instant().plus(Duration.ofHours(5));

		JsonNode moved = Json.read(desk.call(editor, "POST", "/" + id + "/schedule", Json.object("at", later.toString())));

		assertThat(moved.get("publishedAt").asString()).isEqualTo(later.toString());
		assertProblem(desk.call(editor, "POST", "/" + id + "/schedule", Json.object("at", clock.instant().toString())), 400);
		assertThat(desk.piece(editor, id).get("publishedAt").asString()).isEqualTo(later.toString());
	}

	private long piece(String headline) {
		return desk.start(editor, "headline", Newsroom.unique(headline), "authors", List.of(byline.slug()),
				"bodyMarkdown", "Right on time.");
	}

	private long announcements(long id) {
		return jdbc.sql("select count(*) from event_publication where serialized_event like :id")
			.param("id", "%\"articleId\":" + id + ",%")
			.query(Long.class)
			.single();
	}

	/** Another Gazette on the same database, started now: nothing of this node's memory, only the tables. */
	private ConfigurableApplicationContext startAnotherNodeAt(Instant now) {
		return new SpringApplicationBuilder(GazetteApplication.class).run("--server.port=0",
				"--" + FreshTestDatabase.KEEP_DATASOURCE + "=true",
				"--spring.datasource.url=" + environment.getRequiredProperty("spring.datasource.url"),
				"--spring.datasource.username=" + environment.getRequiredProperty("spring.datasource.username"),
				"--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
				"--spring.datasource.hikari.maximum-pool-size=3", "--gazette.clock=" + now,
				"--gazette.base-url=https://gazette.example", "--gazette.demo-content=false",
				"--gazette.articles.announce-interval=1h", "--gazette.webhooks.poll-interval=1h",
				"--gazette.newsletter.poll-interval=1h", "--gazette.notifications.poll-interval=1h",
				"--spring.modulith.events.completion-mode=update");
	}
}
