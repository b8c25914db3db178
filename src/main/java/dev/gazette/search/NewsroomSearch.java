package dev.gazette.search;

import java.util.List;

import org.springframework.stereotype.Service;

/**
 * The newsroom's search: pieces in any state whose headline, standfirst, body or writers' names match. It only says
 * which pieces match; the newsroom's list applies who may see which (editors every piece, writers their own).
 */
@Service
public class NewsroomSearch {

	/** More matches than a newsroom would page through; the list shows them newest first. */
	static final int LIMIT = 1_000;

	private final SearchEngine engine;

	private final SearchIndexer indexer;

	NewsroomSearch(SearchEngine engine, SearchIndexer indexer) {
		this.engine = engine;
		this.indexer = indexer;
	}

	/** Ids of the matching pieces, best match first; empty for blank text. */
	public List<Long> matching(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		String words = text.strip();
		indexer.readThrough();
		return engine.searchAllArticles(words.length() > SearchFields.MAX_QUERY
				? words.substring(0, SearchFields.MAX_QUERY) : words, LIMIT);
	}
}
