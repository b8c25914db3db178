package dev.gazette.search;

import java.time.Instant;
import java.util.List;

/**
 * A page of matching articles.
 * @param total how many match in all (as the index sees it); when {@code totalIsLowerBound}, more than that match
 * (the engine stops counting past the last page a reader can reach, so a common word's search stays fast)
 * @param totalIsLowerBound whether more than {@code total} match
 * @param suggestion a spelling the index knows better, for "did you mean", or {@code null}
 */
public record ArticleHits(List<Hit> items, long total, boolean totalIsLowerBound, int page, int size,
		String suggestion) {

	public int pages() {
		return (int) Math.max(1, (total + size - 1) / size);
	}

	/**
	 * One matching article.
	 * @param snippetHtml a passage of the text with the matched words in {@code <mark>}: every other character is
	 * already HTML-escaped, so it is safe to emit as is
	 */
	public record Hit(long id, String slug, String headline, String standfirst, String snippetHtml, String kind,
			String sectionSlug, String sectionName, List<String> authors, Instant publishedAt) {

		public String path() {
			return "/articles/" + slug;
		}
	}

	ArticleHits without(java.util.Set<Long> hidden) {
		if (hidden.isEmpty()) {
			return this;
		}
		return new ArticleHits(items.stream().filter(hit -> !hidden.contains(hit.id())).toList(),
				totalIsLowerBound ? total : Math.max(0, total - hidden.size()), totalIsLowerBound, page, size, suggestion);
	}
}
