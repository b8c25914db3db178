package dev.gazette.article;

import java.util.List;

/** One page of articles, newest first. Pages count from 1. */
public record ArticleList(List<ArticleSummary> items, int page, int pageSize, long total) {

	public boolean hasPrevious() {
		return page > 1;
	}

	public boolean hasNext() {
		return (long) page * pageSize < total;
	}

	public int totalPages() {
		return (int) Math.max(1, (total + pageSize - 1) / pageSize);
	}
}
