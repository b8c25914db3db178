package dev.gazette.web;

import java.util.List;

/**
 * A front page (or a section's) as printed: the lead, the top stories, then the rest as a compact list.
 * @param lead {@code null} past page 1, or when nothing is published
 * @param listing the page's pager (and, past page 1, all of its cards)
 */
public record FrontView(CardView lead, List<CardView> top, List<CardView> rest, ListingView listing) {

	public boolean isEmpty() {
		return lead == null && rest.isEmpty();
	}
}
