package dev.gazette.publication;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The publication's settings and masthead. The settings row is read once and kept; the dateline is computed once
 * per day in the publication's zone, because every page shows it.
 */
@Service
public class Publications {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AtomicReference<Publication> current = new AtomicReference<>();

	private final AtomicReference<CachedMasthead> masthead = new AtomicReference<>();

	Publications(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public Publication current() {
		Publication publication = current.get();
		if (publication == null) {
			publication = load();
			current.set(publication);
		}
		return publication;
	}

	public Masthead masthead() {
		Publication publication = current();
		LocalDate today = LocalDate.now(clock.withZone(publication.timeZone()));
		CachedMasthead cached = masthead.get();
		if (cached == null || !cached.day().equals(today) || cached.publication() != publication) {
			String dateline = Dateline.format(clock.instant(), publication.timeZone(), publication.secondCalendar());
			cached = new CachedMasthead(today, publication,
					new Masthead(publication.name(), publication.tagline(), dateline));
			masthead.set(cached);
		}
		return cached.masthead();
	}

	@Transactional
	public void update(Publication publication) {
		jdbc.sql("""
				update publication set name = :name, tagline = :tagline, time_zone = :zone, second_calendar = :calendar,
				       opinion_disclaimer = :disclaimer, contributor_invitation = :invitation
				where id = 1""")
			.param("name", publication.name())
			.param("tagline", publication.tagline())
			.param("zone", publication.timeZone().getId())
			.param("calendar", publication.secondCalendar().key())
			.param("disclaimer", publication.opinionDisclaimer())
			.param("invitation", publication.contributorInvitation())
			.update();
		// Forget the kept row only once the change is committed: cleared earlier, a page rendered in between would
		// read the old row again and keep it.
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					current.set(null);
				}
			});
		}
		else {
			current.set(null);
		}
	}

	private Publication load() {
		return jdbc.sql("select * from publication where id = 1")
			.query((rs, n) -> new Publication(rs.getString("name"), rs.getString("tagline"),
					ZoneId.of(rs.getString("time_zone")), SecondCalendar.fromKey(rs.getString("second_calendar")),
					rs.getString("opinion_disclaimer"), rs.getString("contributor_invitation")))
			.single();
	}

	private record CachedMasthead(LocalDate day, Publication publication, Masthead masthead) {
	}
}
