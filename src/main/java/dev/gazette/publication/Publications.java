package dev.gazette.publication;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import dev.gazette.reads.OneReadForMany;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionException;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The publication's settings and masthead. The settings row is kept in memory with its {@code settings_version},
 * which every change bumps; the kept row is used only after that number has been read again, once per request (and on
 * every call outside one, such as a background job's). A change saved on another node sharing the database therefore
 * shows on this node's next request, with one read of one column by primary key per request, and fewer under load:
 * the requests that arrive while one such read is on its way share the next ({@link OneReadForMany}), which begins
 * after all of them arrived. The dateline is computed once per day in the publication's zone, because every page
 * shows it.
 */
@Service
public class Publications {

	/** The request attribute that says the kept row was checked during this request. */
	private static final String CHECKED = Publications.class.getName() + ".checked";

	private static final String ERROR_STATUS = "jakarta.servlet.error.status_code";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AtomicReference<Kept> kept = new AtomicReference<>();

	private final AtomicReference<CachedMasthead> masthead = new AtomicReference<>();

	private final OneReadForMany<Long> versionCheck = new OneReadForMany<>();

	Publications(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public Publication current() {
		Kept known = kept.get();
		if (known != null && stillCurrent(known)) {
			return known.publication();
		}
		Kept loaded = load();
		kept.set(loaded);
		markChecked();
		return loaded.publication();
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

	/**
	 * Saves every setting and bumps the version, so every node (this one included) reads the row again at its next
	 * request. Callers that take input from people go through {@link PublicationSettings}, which checks it.
	 */
	public void update(Publication publication) {
		jdbc.sql("""
				update publication set name = :name, tagline = :tagline, time_zone = :zone, second_calendar = :calendar,
				       opinion_disclaimer = :disclaimer, contributor_invitation = :invitation,
				       held_review_time = :review, guests_allowed = :guests, mail_from = :from,
				       settings_version = settings_version + 1
				where id = 1""")
			.param("name", publication.name())
			.param("tagline", publication.tagline())
			.param("zone", publication.timeZone().getId())
			.param("calendar", publication.secondCalendar().key())
			.param("disclaimer", publication.opinionDisclaimer())
			.param("invitation", publication.contributorInvitation())
			.param("review", publication.heldReviewTime())
			.param("guests", publication.guestsAllowed())
			.param("from", publication.mailFrom())
			.update();
		// Nothing kept needs forgetting: the version read at the next request differs. Within this request, the
		// check is made again so the page that follows a change shows it.
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			request.removeAttribute(CHECKED, RequestAttributes.SCOPE_REQUEST);
		}
	}

	/**
	 * Whether the kept row may be used: checked already in this request, or its version is still the stored one. An
	 * error page, or a check the database cannot answer, uses the kept row: a 503 page must not wait for the
	 * database it reports missing, and the page that needs the database will find out for itself.
	 */
	private boolean stillCurrent(Kept known) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null && (request.getAttribute(CHECKED, RequestAttributes.SCOPE_REQUEST) != null
				|| request.getAttribute(ERROR_STATUS, RequestAttributes.SCOPE_REQUEST) != null)) {
			return true;
		}
		long stored;
		try {
			// Shared with the calls arriving meanwhile, as it begins after this one (inside a transaction, its own).
			stored = versionCheck.get(this::storedVersion);
		}
		catch (DataAccessException | TransactionException ex) {
			return true;
		}
		if (stored != known.version()) {
			return false;
		}
		markChecked();
		return true;
	}

	private long storedVersion() {
		return jdbc.sql("select settings_version from publication where id = 1").query(Long.class).single();
	}

	private static void markChecked() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			request.setAttribute(CHECKED, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
		}
	}

	private Kept load() {
		return jdbc.sql("select * from publication where id = 1")
			.query((rs, n) -> new Kept(rs.getLong("settings_version"), new Publication(rs.getString("name"),
					rs.getString("tagline"), ZoneId.of(rs.getString("time_zone")),
					SecondCalendar.fromKey(rs.getString("second_calendar")), rs.getString("opinion_disclaimer"),
					rs.getString("contributor_invitation"), rs.getString("held_review_time"),
					(Boolean) rs.getObject("guests_allowed"), rs.getString("mail_from"))))
			.single();
	}

	private record Kept(long version, Publication publication) {
	}

	private record CachedMasthead(LocalDate day, Publication publication, Masthead masthead) {
	}
}
