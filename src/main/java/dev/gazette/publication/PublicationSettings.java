package dev.gazette.publication;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to the publication's settings as an admin makes them on {@code /admin/settings}: each value checked, all
 * saved together or none, and who changed which recorded ({@link #history}).
 */
@Service
public class PublicationSettings {

	static final int MAX_NAME = 100;

	static final int MAX_TAGLINE = 200;

	static final int MAX_TEXT = 2000;

	static final int MAX_REVIEW_TIME = 100;

	static final int MAX_MAIL_FROM = 320;

	/** The zones offered: the region-based ones Java knows ({@code Europe/Istanbul}), and UTC. */
	public static final Set<String> ZONES = zones();

	private final Publications publications;

	private final JdbcClient jdbc;

	private final Clock clock;

	PublicationSettings(Publications publications, JdbcClient jdbc, Clock clock) {
		this.publications = publications;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The settings as typed on the form, every one a string ({@code guestsAllowed} "true" or "false"). */
	public record Draft(String name, String tagline, String timeZone, String secondCalendar, String opinionDisclaimer,
			String contributorInvitation, String heldReviewTime, String guestsAllowed, String mailFrom) {
	}

	/** A problem with one field of the form, named as the {@link Draft}'s component is. */
	public record Problem(String field, String message) {
	}

	/** What came of a change. */
	public sealed interface Outcome permits Saved, Refused {
	}

	/** Saved; {@code changed} names the fields that differ from before (empty when nothing did). */
	public record Saved(List<String> changed) implements Outcome {
	}

	/** Nothing saved, because of these problems. */
	public record Refused(List<Problem> problems) implements Outcome {
	}

	/** One recorded change: when, by whom, which fields (by their labels on the form). */
	public record Change(Instant at, String byName, String fields) {
	}

	/** The draft of the settings as they are, with the configured defaults for those never saved. */
	public Draft draft(boolean configuredGuestsAllowed, String configuredMailFrom) {
		Publication p = publications.current();
		return new Draft(p.name(), p.tagline(), p.timeZone().getId(), p.secondCalendar().key(), p.opinionDisclaimer(),
				p.contributorInvitation(), p.heldReviewTime(), String.valueOf(p.guestsAllowedOr(configuredGuestsAllowed)),
				p.mailFromOr(configuredMailFrom));
	}

	@Transactional
	public Outcome change(Draft draft, Long actorId, String actorName) {
		List<Problem> problems = new ArrayList<>();
		String name = line(draft.name(), "name", "The name", MAX_NAME, true, problems);
		String tagline = line(draft.tagline(), "tagline", "The tagline", MAX_TAGLINE, true, problems);
		ZoneId zone = zone(draft.timeZone(), problems);
		SecondCalendar calendar = calendar(draft.secondCalendar(), problems);
		String disclaimer = text(draft.opinionDisclaimer(), "opinionDisclaimer", "The disclaimer", problems);
		String invitation = text(draft.contributorInvitation(), "contributorInvitation", "The invitation", problems);
		String review = line(draft.heldReviewTime(), "heldReviewTime", "The review time", MAX_REVIEW_TIME, true, problems);
		Boolean guests = guests(draft.guestsAllowed(), problems);
		String from = mailFrom(draft.mailFrom(), problems);
		if (!problems.isEmpty()) {
			return new Refused(problems);
		}
		Publication before = publications.current();
		Publication after = new Publication(name, tagline, zone, calendar, disclaimer, invitation, review, guests, from);
		List<String> changed = changedFields(before, after);
		if (changed.isEmpty()) {
			return new Saved(changed);
		}
		publications.update(after);
		jdbc.sql("""
				insert into publication_change (changed_at, changed_by, changed_by_name, fields)
				values (:at, :by, :name, :fields)""")
			.param("at", clock.instant().atOffset(ZoneOffset.UTC))
			.param("by", actorId)
			.param("name", actorName)
			.param("fields", String.join(", ", changed))
			.update();
		return new Saved(changed);
	}

	/** The latest changes first. */
	public List<Change> history(int limit) {
		return jdbc.sql("select * from publication_change order by changed_at desc, id desc limit :limit")
			.param("limit", limit)
			.query((rs, n) -> new Change(rs.getObject("changed_at", java.time.OffsetDateTime.class).toInstant(),
					rs.getString("changed_by_name"), rs.getString("fields")))
			.list();
	}

	private static List<String> changedFields(Publication before, Publication after) {
		Map<String, Boolean> same = new LinkedHashMap<>();
		same.put("name", before.name().equals(after.name()));
		same.put("tagline", before.tagline().equals(after.tagline()));
		same.put("time zone", before.timeZone().equals(after.timeZone()));
		same.put("second calendar", before.secondCalendar() == after.secondCalendar());
		same.put("opinion disclaimer", before.opinionDisclaimer().equals(after.opinionDisclaimer()));
		same.put("contributor invitation", before.contributorInvitation().equals(after.contributorInvitation()));
		same.put("review time", before.heldReviewTime().equals(after.heldReviewTime()));
		same.put("guest commenting", Objects.equals(before.guestsAllowed(), after.guestsAllowed()));
		same.put("mail sender", Objects.equals(before.mailFrom(), after.mailFrom()));
		return same.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
	}

	private static String line(String value, String field, String label, int max, boolean required,
			List<Problem> problems) {
		String text = value == null ? "" : value.strip();
		if (required && text.isEmpty()) {
			problems.add(new Problem(field, label + " is needed."));
		}
		else if (text.codePointCount(0, text.length()) > max) {
			problems.add(new Problem(field, label + " can be at most " + max + " characters."));
		}
		else if (text.chars().anyMatch(Character::isISOControl)) {
			problems.add(new Problem(field, label + " must be one line of text."));
		}
		return text;
	}

	private static String text(String value, String field, String label, List<Problem> problems) {
		String text = value == null ? "" : value.strip().replace("\r\n", "\n");
		if (text.isEmpty()) {
			problems.add(new Problem(field, label + " is needed."));
		}
		else if (text.codePointCount(0, text.length()) > MAX_TEXT) {
			problems.add(new Problem(field, label + " can be at most " + MAX_TEXT + " characters."));
		}
		return text;
	}

	private static ZoneId zone(String value, List<Problem> problems) {
		if (value != null && ZONES.contains(value.strip())) {
			try {
				return ZoneId.of(value.strip());
			}
			catch (DateTimeException ex) {
				// falls through to the problem below
			}
		}
		problems.add(new Problem("timeZone", "Choose a time zone from the list, such as Europe/Istanbul."));
		return null;
	}

	private static SecondCalendar calendar(String value, List<Problem> problems) {
		for (SecondCalendar calendar : SecondCalendar.values()) {
			if (calendar.key().equals(value)) {
				return calendar;
			}
		}
		problems.add(new Problem("secondCalendar", "Choose one of the calendars offered."));
		return null;
	}

	private static Boolean guests(String value, List<Problem> problems) {
		if ("true".equals(value) || "false".equals(value)) {
			return Boolean.valueOf(value);
		}
		problems.add(new Problem("guestsAllowed", "Choose whether guests may comment."));
		return null;
	}

	/** One address, with an optional name: {@code Gazette <news@example.org>}. */
	private static String mailFrom(String value, List<Problem> problems) {
		String text = value == null ? "" : value.strip();
		String problem = "Give one e-mail address, optionally with a name: Gazette <news@example.org>.";
		if (text.isEmpty() || text.length() > MAX_MAIL_FROM || text.chars().anyMatch(Character::isISOControl)) {
			problems.add(new Problem("mailFrom", problem));
			return text;
		}
		try {
			InternetAddress[] addresses = InternetAddress.parse(text, true);
			if (addresses.length != 1 || !addresses[0].getAddress().contains("@")) {
				problems.add(new Problem("mailFrom", problem));
			}
			else {
				addresses[0].validate();
			}
		}
		catch (AddressException ex) {
			problems.add(new Problem("mailFrom", problem));
		}
		return text;
	}

	private static Set<String> zones() {
		Set<String> zones = new TreeSet<>();
		for (String id : ZoneId.getAvailableZoneIds()) {
			if (id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/") && Character.isUpperCase(id.charAt(0))) {
				zones.add(id);
			}
		}
		zones.add("UTC");
		return java.util.Collections.unmodifiableSet(zones);
	}
}
