package dev.gazette.admin.internal;

import java.util.List;
import java.util.Set;

import dev.gazette.account.FormState;
import dev.gazette.publication.SecondCalendar;

/**
 * The settings page: the form (as saved, or as typed with its problems), a notice after saving, the choices offered,
 * the latest changes, and what the configuration says for the two settings it also provides.
 */
public record SettingsView(FormState form, String notice, Set<String> zones, List<ChangeLine> changes,
		boolean configuredGuestsAllowed, String configuredMailFrom) {

	/** One recorded change, written for people. */
	public record ChangeLine(String at, String by, String fields) {
	}

	public List<SecondCalendar> calendars() {
		return List.of(SecondCalendar.values());
	}

	/** How the calendar is named on the form. */
	public String calendarLabel(SecondCalendar calendar) {
		return switch (calendar) {
			case HEBREW -> "Hebrew";
			case ISLAMIC -> "Islamic (civil)";
			case PERSIAN -> "Persian (Solar Hijri)";
			case NONE -> "None: the Gregorian date alone";
		};
	}

	/** Whether the stored zone is one offered (a zone set in the database by hand may not be). */
	public boolean zoneOffered(String zone) {
		return zones.contains(zone);
	}
}
