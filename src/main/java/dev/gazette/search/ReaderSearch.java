package dev.gazette.search;

import dev.gazette.article.ArticleCatalog;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

import org.springframework.stereotype.Service;

/**
 * Readers' searches: the engine's hits, less any the database says readers may not see at this moment (the index of
 * this node may lag another node's unpublishing by up to {@code gazette.search.poll-interval}).
 */
@Service
public class ReaderSearch {

	private final SearchEngine engine;

	private final ArticleCatalog catalog;

	private final Clock clock;

	private final SearchIndexer indexer;

	ReaderSearch(SearchEngine engine, ArticleCatalog catalog, Clock clock, SearchIndexer indexer) {
		this.engine = engine;
		this.indexer = indexer;
		this.catalog = catalog;
		this.clock = clock;
	}

	public ArticleHits search(ArticleQuery query) {
		indexer.readThrough();
		ArticleHits hits = engine.search(query, clock.instant());
		if (hits.items().isEmpty()) {
			return hits;
		}
		Set<Long> hidden = new HashSet<>();
		hits.items().forEach(hit -> hidden.add(hit.id()));
		hidden.removeAll(catalog.visibleAmong(hidden));
		return hits.without(hidden);
	}
}
