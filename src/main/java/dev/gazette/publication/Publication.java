package dev.gazette.publication;

import java.time.ZoneId;

/**
 * The publication's own settings: who it is, where its day begins, the texts it shows under opinion and to a reader
 * whose comment is held, whether guests may comment, and who its mail comes from.
 *
 * @param heldReviewTime how soon a held comment is read, as the thank-you page promises it ("a few hours")
 * @param guestsAllowed whether guests may comment where an article says nothing; {@code null}: as
 *        {@code gazette.comments.guests-allowed} says
 * @param mailFrom the sender of every mail; {@code null}: as {@code gazette.mail.from} says
 */
public record Publication(String name, String tagline, ZoneId timeZone, SecondCalendar secondCalendar,
		String opinionDisclaimer, String contributorInvitation, String heldReviewTime, Boolean guestsAllowed,
		String mailFrom) {

	public static final String DEFAULT_REVIEW_TIME = "a few hours";

	/** The masthead and opinion texts alone; the rest as a new publication has them. */
	public Publication(String name, String tagline, ZoneId timeZone, SecondCalendar secondCalendar,
			String opinionDisclaimer, String contributorInvitation) {
		this(name, tagline, timeZone, secondCalendar, opinionDisclaimer, contributorInvitation, DEFAULT_REVIEW_TIME,
				null, null);
	}

	/** Whether guests may comment where an article says nothing, given the configured default. */
	public boolean guestsAllowedOr(boolean configured) {
		return guestsAllowed != null ? guestsAllowed : configured;
	}

	/** The sender of every mail, given the configured default. */
	public String mailFromOr(String configured) {
		return mailFrom != null ? mailFrom : configured;
	}
}
