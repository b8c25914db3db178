package dev.gazette.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.gazette.article.SearchableArticle;
import dev.gazette.comment.SearchableComment;
import dev.gazette.publication.GazetteProperties;
import dev.gazette.search.ArticleHits;
import dev.gazette.search.ArticleQuery;
import dev.gazette.search.CommentHits;
import dev.gazette.search.CommentQuery;
import dev.gazette.search.SearchEngine;

import jakarta.annotation.PreDestroy;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import static dev.gazette.search.internal.SearchDocuments.ARTICLE_ID;
import static dev.gazette.search.internal.SearchDocuments.COMMENT_ARTICLE_ID;
import static dev.gazette.search.internal.SearchDocuments.COMMENT_ID;

/**
 * The embedded engine: one Lucene index per node in {@code gazette.data-dir}/search/articles. The feed position
 * travels in each commit's user data, so what the index holds and how far it has read the feed are made durable in
 * one step. An index that cannot be opened (missing, corrupt, from another Lucene format) is deleted and reported as
 * needing a rebuild.
 * <p>
 * This class keeps the index's life (open, write, commit, close) and runs the searches; what a document holds is
 * {@link SearchDocuments}, and how typed words become a query is {@link SearchQueries}.
 * <p>
 * Its length (about 440 lines) is the two searches, readers' and moderators', each run on the same writer, searcher
 * manager and queue of turns; they share that life and stay together, while the documents and the queries live in their
 * own classes.
 */
@Component
class LuceneSearchEngine implements SearchEngine {

	private static final Logger log = LoggerFactory.getLogger(LuceneSearchEngine.class);

	private static final String POSITION = "feed-position";

	/** The commit data's key for {@link SearchDocuments#LAYOUT}: an index of another layout is rebuilt on start. */
	private static final String LAYOUT = "layout";

	private static final int MAX_PAGE = 100;

	/**
	 * How far a search counts its matches exactly: as far as its last page reaches ({@value #MAX_PAGE} pages), so that
	 * every page a reader can ask for is counted. Beyond that the total is a lower bound (more than 1000), and the
	 * collectors may skip matches that cannot reach the page instead of scoring and counting every one, which is what
	 * keeps a common word's search within milliseconds on a large archive.
	 */
	private static int countUpTo(int size) {
		return MAX_PAGE * size;
	}

	/** Whether more match than were counted; the total then said is {@link #countUpTo}: more than 1000. */
	private static boolean atLeast(TopDocs top, int size) {
		return top.totalHits.relation == TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO
				&& top.totalHits.value > countUpTo(size);
	}

	private final Path path;

	private final Analyzer analyzer = new PerFieldAnalyzerWrapper(new SearchAnalyzer(true),
			Map.of("spell", new SearchAnalyzer(false)));

	private final SearchQueries queries = new SearchQueries(analyzer);

	/**
	 * Queries run at once: as many as the machine has cores, the others wait their turn in arrival order (as a search
	 * cluster's fixed search thread pool does). Sixteen queries time-sliced on two cores each took as long as eight
	 * and were preempted mid-way (a p99 forty times the median); one after another, each takes its own few
	 * milliseconds plus its place in the queue. A query that has waited {@link #QUEUE_WAIT_MS} runs anyway, so a few
	 * slow queries (a prefix of one letter, say) cannot hold up all the others for longer than that.
	 */
	private final Semaphore running = new Semaphore(Runtime.getRuntime().availableProcessors(), true);

	private static final long QUEUE_WAIT_MS = 100;

	private Directory directory;

	private IndexWriter writer;

	private SearcherManager searchers;

	private volatile long position;

	LuceneSearchEngine(GazetteProperties gazette) {
		this.path = gazette.dataDir().resolve("search").resolve("articles");
		try {
			open();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot open the search index at " + path, ex);
		}
	}

	private void open() throws IOException {
		Files.createDirectories(path);
		try {
			openExisting();
		}
		catch (IOException | RuntimeException unreadable) {
			log.warn("The search index at {} cannot be read ({}); it is rebuilt from the database", path,
					unreadable.toString());
			closeQuietly();
			deleteRecursively(path);
			Files.createDirectories(path);
			directory = FSDirectory.open(path);
			writer = new IndexWriter(directory, config().setOpenMode(OpenMode.CREATE));
			searchers = new SearcherManager(writer, null);
			position = -1;
		}
	}

	private void openExisting() throws IOException {
		directory = FSDirectory.open(path);
		boolean exists = DirectoryReader.indexExists(directory);
		writer = new IndexWriter(directory, config().setOpenMode(OpenMode.CREATE_OR_APPEND));
		searchers = new SearcherManager(writer, null);
		IndexSearcher searcher = searchers.acquire();
		try {
			// Reading every stored document's id proves the files are there and sound, at a cost of milliseconds.
			searcher.count(new MatchAllDocsQuery());
		}
		finally {
			searchers.release(searcher);
		}
		position = exists && SearchDocuments.LAYOUT.equals(commitData(LAYOUT)) ? storedPosition() : -1;
	}

	private IndexWriterConfig config() {
		return new IndexWriterConfig(analyzer).setCommitOnClose(false);
	}

	private long storedPosition() {
		String stored = commitData(POSITION);
		return stored == null ? -1 : Long.parseLong(stored);
	}

	private String commitData(String key) {
		Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
		if (data != null) {
			for (Map.Entry<String, String> entry : data) {
				if (key.equals(entry.getKey())) {
					return entry.getValue();
				}
			}
		}
		return null;
	}

	@Override
	public long appliedThrough() {
		return position;
	}

	@Override
	public void put(Collection<SearchableArticle> articles, Collection<Long> gone) {
		try {
			for (SearchableArticle article : articles) {
				writer.updateDocument(new Term(ARTICLE_ID, Long.toString(article.id())), SearchDocuments.article(article));
			}
			for (long id : gone) {
				writer.deleteDocuments(new Term(ARTICLE_ID, Long.toString(id)));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void publish(long appliedThrough) {
		try {
			searchers.maybeRefreshBlocking();
			position = appliedThrough;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void commit(long appliedThrough) {
		try {
			writer.setLiveCommitData(
					Map.of(POSITION, Long.toString(appliedThrough), LAYOUT, SearchDocuments.LAYOUT).entrySet());
			writer.commit();
			searchers.maybeRefreshBlocking();
			position = appliedThrough;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void clear() {
		try {
			writer.deleteAll();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public ArticleHits search(ArticleQuery query, Instant now) {
		int size = query.size();
		int page = Math.min(Math.max(1, query.page()), MAX_PAGE);
		Query text = query.hasText() ? queries.readerText(query.text()) : new MatchAllDocsQuery();
		Query matching = SearchQueries.readerFilters(text, query, now);
		boolean byDate = query.order() == ArticleQuery.Order.DATE || !query.hasText();
		Query scored = new RecencyBoost(matching, "published", now.toEpochMilli());
		return inTurn(searcher -> {
			TopDocs top = top(searcher, byDate ? matching : scored, byDate ? "published" : null, page, size);
			List<ArticleHits.Hit> hits = hits(searcher, slice(top, page, size), query.hasText() ? text : null);
			boolean atLeast = atLeast(top, size);
			long total = atLeast ? countUpTo(size) : top.totalHits.value;
			String suggestion = total == 0 && query.hasText() ? queries.suggestion(searcher, query.text()) : null;
			return new ArticleHits(hits, total, atLeast, page, size, suggestion);
		});
	}

	/** Work on one searcher: a query and the reading of its page of hits. */
	private interface Reading<T> {

		T read(IndexSearcher searcher) throws IOException;
	}

	/** Runs a search in its turn ({@link #running}) on the newest searcher. */
	private <T> T inTurn(Reading<T> reading) {
		boolean queued = takeTurn();
		try {
			return withSearcher(reading);
		}
		finally {
			if (queued) {
				running.release();
			}
		}
	}

	private <T> T withSearcher(Reading<T> reading) {
		try {
			IndexSearcher searcher = searchers.acquire();
			try {
				return reading.read(searcher);
			}
			finally {
				searchers.release(searcher);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The matches up to the end of the page asked for: newest first by {@code dateField}, or best first when that is
	 * {@code null}; counted exactly as far as {@link #countUpTo}.
	 */
	private static TopDocs top(IndexSearcher searcher, Query query, String dateField, int page, int size)
			throws IOException {
		int wanted = page * size;
		return dateField != null
				? searcher.search(query, new TopFieldCollectorManager(
						new Sort(new SortField(dateField, SortField.Type.LONG, true)), wanted, null, countUpTo(size)))
				: searcher.search(query, new TopScoreDocCollectorManager(wanted, null, countUpTo(size)));
	}

	/** The page's share of the matches. */
	private static ScoreDoc[] slice(TopDocs top, int page, int size) {
		return Arrays.copyOfRange(top.scoreDocs, Math.min(top.scoreDocs.length, (page - 1) * size),
				top.scoreDocs.length);
	}

	/** Waits for a query's turn, at most {@link #QUEUE_WAIT_MS}; whether it got one (and must give it back). */
	private boolean takeTurn() {
		try {
			return running.tryAcquire(QUEUE_WAIT_MS, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private List<ArticleHits.Hit> hits(IndexSearcher searcher, ScoreDoc[] docs, Query text) throws IOException {
		String[] snippets = new String[docs.length];
		PageHighlighter page = PageHighlighter.forPage(searcher, analyzer, docs, SearchDocuments.ARTICLE_HIT_FIELDS,
				Map.of("body", "bodyLead"));
		if (text != null && docs.length > 0) {
			// From the body; from the standfirst only for the hits whose body has none of the words.
			String[] body = page.highlight("body", text, new TopDocs(new TotalHits(docs.length, TotalHits.Relation.EQUAL_TO),
					docs), 2);
			List<ScoreDoc> unmarked = new ArrayList<>();
			List<Integer> unmarkedAt = new ArrayList<>();
			for (int i = 0; i < docs.length; i++) {
				snippets[i] = body[i];
				if (body[i] == null || !body[i].contains("<mark>")) {
					unmarked.add(docs[i]);
					unmarkedAt.add(i);
				}
			}
			if (!unmarked.isEmpty()) {
				String[] standfirst = page.highlight("standfirst", text, new TopDocs(
						new TotalHits(unmarked.size(), TotalHits.Relation.EQUAL_TO), unmarked.toArray(ScoreDoc[]::new)), 1);
				for (int j = 0; j < standfirst.length; j++) {
					if (standfirst[j] != null && standfirst[j].contains("<mark>")) {
						snippets[unmarkedAt.get(j)] = standfirst[j];
					}
				}
			}
		}
		List<ArticleHits.Hit> hits = new ArrayList<>();
		for (int i = 0; i < docs.length; i++) {
			hits.add(SearchDocuments.articleHit(page.document(docs[i].doc), snippets[i]));
		}
		return hits;
	}

	@Override
	public void putComments(Collection<SearchableComment> comments, Collection<Long> gone,
			Collection<Long> goneArticles) {
		try {
			for (SearchableComment comment : comments) {
				writer.updateDocument(new Term(COMMENT_ID, Long.toString(comment.id())),
						SearchDocuments.comment(comment));
			}
			for (long id : gone) {
				writer.deleteDocuments(new Term(COMMENT_ID, Long.toString(id)));
			}
			for (long articleId : goneArticles) {
				writer.deleteDocuments(new Term(COMMENT_ARTICLE_ID, Long.toString(articleId)));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public CommentHits searchComments(CommentQuery query) {
		int size = query.size();
		int page = Math.min(Math.max(1, query.page()), MAX_PAGE);
		Query text = query.hasText() ? queries.commentText(query.text()) : new MatchAllDocsQuery();
		Query matching = queries.commentFilters(text, query);
		boolean byDate = query.order() == ArticleQuery.Order.DATE || !query.hasText();
		return inTurn(searcher -> {
			TopDocs top = top(searcher, matching, byDate ? "commentCreated" : null, page, size);
			boolean atLeast = atLeast(top, size);
			return new CommentHits(commentHits(searcher, slice(top, page, size), query.hasText() ? text : null),
					atLeast ? countUpTo(size) : top.totalHits.value, atLeast, page, size);
		});
	}

	private List<CommentHits.Hit> commentHits(IndexSearcher searcher, ScoreDoc[] docs, Query text) throws IOException {
		String[] snippets = new String[docs.length];
		PageHighlighter page = PageHighlighter.forPage(searcher, analyzer, docs, SearchDocuments.COMMENT_HIT_FIELDS,
				Map.of());
		if (text != null && docs.length > 0) {
			TopDocs top = new TopDocs(new TotalHits(docs.length, TotalHits.Relation.EQUAL_TO), docs);
			snippets = page.highlight("commentBody", text, top, 2);
		}
		List<CommentHits.Hit> hits = new ArrayList<>();
		for (int i = 0; i < docs.length; i++) {
			hits.add(SearchDocuments.commentHit(page.document(docs[i].doc), snippets[i]));
		}
		return hits;
	}

	@Override
	public List<Long> searchAllArticles(String text, int limit) {
		Query query = queries.newsroom(text);
		return withSearcher(searcher -> {
			List<Long> ids = new ArrayList<>();
			for (ScoreDoc doc : searcher.search(query, limit).scoreDocs) {
				ids.add(Long.parseLong(searcher.storedFields().document(doc.doc).get(ARTICLE_ID)));
			}
			return ids;
		});
	}

	@PreDestroy
	void close() {
		closeQuietly();
	}

	private void closeQuietly() {
		try {
			if (searchers != null) {
				searchers.close();
			}
			if (writer != null) {
				writer.close();
			}
			if (directory != null) {
				directory.close();
			}
		}
		catch (IOException | RuntimeException ex) {
			log.debug("Closing the search index", ex);
		}
		finally {
			searchers = null;
			writer = null;
			directory = null;
		}
	}

	private static void deleteRecursively(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(p);
			}
		}
	}
}
