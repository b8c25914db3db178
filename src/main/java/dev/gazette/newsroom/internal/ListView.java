package dev.gazette.newsroom.internal;

import java.util.List;

/**
 * {@code /admin/articles}: the pieces one may see, by state, newest first, a page at a time. Public for the template.
 *
 * @param state the tab shown ("" for all)
 */
public record ListView(String state, List<Tab> tabs, List<Line> items, int page, boolean hasNext, String q) {

	public ListView(String state, List<Tab> tabs, List<Line> items, int page, boolean hasNext) {
		this(state, tabs, items, page, hasNext, "");
	}

	/** @param q the search the counts are for ("" for none), kept by the tab's link */
	public record Tab(String key, String label, long count, boolean current, String q) {

		public Tab(String key, String label, long count, boolean current) {
			this(key, label, count, current, "");
		}

		public String href() {
			String search = q.isBlank() ? "" : "q=" + encode(q);
			if (key.isEmpty()) {
				return search.isEmpty() ? "/admin/articles" : "/admin/articles?" + search;
			}
			return "/admin/articles?state=" + key + (search.isEmpty() ? "" : "&" + search);
		}
	}

	private static String encode(String text) {
		return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
	}

	public boolean searching() {
		return !q.isBlank();
	}

	/** One piece; {@code when} is its publication time (or schedule) or when it was started, in the site's zone. */
	public record Line(long id, String headline, String state, String stateLabel, String when) {
	}

	public String pageHref(int number) {
		return "/admin/articles?" + (state.isEmpty() ? "" : "state=" + state + "&")
				+ (q.isBlank() ? "" : "q=" + encode(q) + "&") + "page=" + number;
	}
}
