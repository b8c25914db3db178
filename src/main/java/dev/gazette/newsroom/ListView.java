package dev.gazette.newsroom;

import java.util.List;

/**
 * {@code /admin/articles}: the pieces one may see, by state, newest first, a page at a time. Public for the template.
 *
 * @param state the tab shown ("" for all)
 */
public record ListView(String state, List<Tab> tabs, List<Line> items, int page, boolean hasNext) {

	public record Tab(String key, String label, long count, boolean current) {

		public String href() {
			return key.isEmpty() ? "/admin/articles" : "/admin/articles?state=" + key;
		}
	}

	/** One piece; {@code when} is its publication time (or schedule) or when it was started, in the site's zone. */
	public record Line(long id, String headline, String state, String stateLabel, String when) {
	}

	public String pageHref(int number) {
		return "/admin/articles?" + (state.isEmpty() ? "" : "state=" + state + "&") + "page=" + number;
	}
}
