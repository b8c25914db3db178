package dev.gazette.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;

/**
 * The publication module started on its own ({@code @ApplicationModuleTest}): its settings service, the
 * {@link Publications} every page's masthead comes from and the clock, on a database of its own made by the Flyway
 * migrations (the module's table is {@code publication}, seeded by them). Nothing of the features that build on it
 * is started, so this is the quickest place to check that a saved setting reaches the masthead.
 * <p>
 * {@code application.properties} puts the moderation classifier's health check in the readiness group; a context
 * without the moderation module must not check that group's members, hence the one property.
 */
@ApplicationModuleTest(webEnvironment = WebEnvironment.NONE)
@TestPropertySource(properties = { "gazette.clock=2018-07-22T09:00:00Z", "management.endpoint.health.validate-group-membership=false" })
class PublicationModuleTests {

	/** What the settings page passes as the default sender ({@code gazette.mail.from}, from the mail module). */
	private static final String CONFIGURED_SENDER = "Gazette <news@example.org>";

	@Autowired
	PublicationSettings settings;

	@Autowired
	Publications publications;

	@Autowired
	JdbcClient jdbc;

	@Test
	void savedSettingsReachTheMastheadAndAreRecordedWithTheClocksTime() {
		PublicationSettings.Draft draft = settings.draft(true, CONFIGURED_SENDER);
		PublicationSettings.Draft renamed = new PublicationSettings.Draft("The Module Times", "Alone and quick",
				"Asia/Jerusalem", "hebrew", draft.opinionDisclaimer(), draft.contributorInvitation(), draft.heldReviewTime(),
				draft.guestsAllowed(), draft.mailFrom());

		PublicationSettings.Outcome outcome = settings.change(renamed, null, "Module Test");

		assertThat(outcome).isInstanceOf(PublicationSettings.Saved.class);
		assertThat(((PublicationSettings.Saved) outcome).changed()).contains("name", "tagline");
		assertThat(publications.current().timeZone()).isEqualTo(ZoneId.of("Asia/Jerusalem"));
		Masthead masthead = publications.masthead();
		assertThat(masthead.name()).isEqualTo("The Module Times");
		assertThat(masthead.tagline()).isEqualTo("Alone and quick");
		assertThat(masthead.dateline()).isEqualTo("Sunday, July 22nd | 10 Av 5778");
		PublicationSettings.Change latest = settings.history(1).get(0);
		assertThat(latest.at()).isEqualTo(Instant.parse("2018-07-22T09:00:00Z"));
		assertThat(latest.byName()).isEqualTo("Module Test");
	}

	@Test
	void aDraftWithoutANameIsRefusedNamingTheFieldAndNothingChanges() {
		String before = publications.current().name();
		PublicationSettings.Draft draft = settings.draft(true, CONFIGURED_SENDER);
		PublicationSettings.Draft nameless = new PublicationSettings.Draft(" ", draft.tagline(), draft.timeZone(),
				draft.secondCalendar(), draft.opinionDisclaimer(), draft.contributorInvitation(), draft.heldReviewTime(),
				draft.guestsAllowed(), draft.mailFrom());

		PublicationSettings.Outcome outcome = settings.change(nameless, null, "Module Test");

		assertThat(outcome).isInstanceOf(PublicationSettings.Refused.class);
		assertThat(((PublicationSettings.Refused) outcome).problems()).extracting(PublicationSettings.Problem::field)
			.containsExactly("name");
		assertThat(publications.current().name()).isEqualTo(before);
	}

	@Test
	void aChangeSavedByAnotherNodeReachesEveryCallMadeAfterItEvenWhenTheyShareTheirCheck() throws Exception {
		assertThat(publications.current().name()).isNotEqualTo("The Other Node Herald");
		// Another node sharing the database saves a new name: only the row and its version change here.
		jdbc.sql("update publication set name = 'The Other Node Herald', settings_version = settings_version + 1 where id = 1")
			.update();

		ExecutorService readers = Executors.newFixedThreadPool(8);
		try {
			List<Future<String>> names = new ArrayList<>();
			for (int i = 0; i < 32; i++) {
				names.add(readers.submit(() -> publications.current().name()));
			}
			for (Future<String> name : names) {
				assertThat(name.get(10, TimeUnit.SECONDS)).isEqualTo("The Other Node Herald");
			}
		}
		finally {
			readers.shutdownNow();
		}
		assertThat(publications.masthead().name()).isEqualTo("The Other Node Herald");
	}
}
