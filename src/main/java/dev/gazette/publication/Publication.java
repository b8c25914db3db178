package dev.gazette.publication;

import java.time.ZoneId;

/** The publication's own settings: who it is, where its day begins, and the texts it shows under opinion. */
public record Publication(String name, String tagline, ZoneId timeZone, SecondCalendar secondCalendar,
		String opinionDisclaimer, String contributorInvitation) {
}
