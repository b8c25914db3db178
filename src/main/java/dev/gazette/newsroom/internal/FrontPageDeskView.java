package dev.gazette.newsroom.internal;

import java.util.List;
import java.util.Set;

import dev.gazette.article.ArticleSummary;
import dev.gazette.article.Section;

/** What the page shows: the page being edited, its picks, and the newest pieces one could pin. */
public record FrontPageDeskView(List<Section> sections, Section section, List<ArticleSummary> picks, List<ArticleSummary> candidates,
		Set<Long> pinned, int slots, String notice, String problem) {

	/** The page's own address, for the forms' return. */
	public String path() {
		return section == null ? "/" : "/sections/" + section.slug();
	}

	public String name() {
		return section == null ? "The front page" : section.name();
	}

	public boolean full() {
		return picks.size() >= slots;
	}
}
