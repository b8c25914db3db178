package dev.gazette.newsletter.internal;

import java.util.List;

/**
 * The admin's view of the newsletter: who gets it (accounts and confirmed guests, by frequency and by section; guests
 * who have not confirmed yet) and the latest issues with how their deliveries stand. Public for the template only.
 */
public record NewsletterAdminView(long accountsDaily, long accountsWeekly, long guestsDaily, long guestsWeekly,
		long guestsPending, List<SectionCount> sections, List<IssueLine> issues) {

	public long total() {
		return accountsDaily + accountsWeekly + guestsDaily + guestsWeekly;
	}

	/** Subscribers who chose a section; those who chose none get every section and are not counted here. */
	public record SectionCount(String name, long accounts, long guests) {
	}

	/** One issue; times are already written out in the publication's zone. */
	public record IssueLine(String frequency, String period, String created, int articles, String status,
			int recipients, long sent, long skipped, long pending, String finished) {
	}
}
