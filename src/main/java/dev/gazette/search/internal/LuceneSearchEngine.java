package dev.gazette.search.internal;

import dev.gazette.article.Author;
import dev.gazette.article.SearchableArticle;
import dev.gazette.article.Tag;
import dev.gazette.comment.SearchableComment;
import dev.gazette.search.CommentHits;
import dev.gazette.search.CommentQuery;
import dev.gazette.publication.GazetteProperties;
import dev.gazette.search.ArticleHits;
import dev.gazette.search.ArticleQuery;
import dev.gazette.search.SearchEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.annotation.PreDestroy;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The embedded engine: one Lucene index per node in {@code gazette.data-dir}/search/articles. The feed position
 * travels in each commit's user data, so what the index holds and how far it has read the feed are made durable in
 * one step. An index that cannot be opened (missing, corrupt, from another Lucene format) is deleted and reported as
 * needing a rebuild.
 */
@Component
class LuceneSearchEngine implements SearchEngine {

	private static final Logger log = LoggerFactory.getLogger(LuceneSearchEngine.class);

	private static final String POSITION = "feed-position";

	/**
	 * What the documents hold, kept with each commit: an index written by an older version is rebuilt on start like a
	 * missing one. 2: comments and writers' names indexed; 3: the body stored only as its lead ({@link #BODY_LEAD}).
	 */
	private static final String LAYOUT = "layout";

	private static final String CURRENT_LAYOUT = "3";

	/** Each document's kind: the readers' queries ask for articles only, the moderators' for comments only. */
	private static final String TYPE = "type";

	private static final String COMMENT_ID = "commentId";

	private static final String[] NEWSROOM_FIELDS = { "headline", "standfirst", "body", "writer" };

	private static final String[] TEXT_FIELDS = { "headline", "standfirst", "body" };

	/** Headline and standfirst say what a piece is about; the body mentions much in passing. */
	private static final Map<String, Float> WEIGHTS = Map.of("headline", 3f, "standfirst", 2f, "body", 1f);

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

	/** Text with its offsets in the postings, so snippets need no second analysis. */
	private static final FieldType TEXT = new FieldType(TextField.TYPE_STORED);

	/** The same, not stored: the body, of which only the lead is kept to highlight. */
	private static final FieldType TEXT_NOT_STORED = new FieldType(TextField.TYPE_NOT_STORED);

	static {
		TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
		TEXT.freeze();
		TEXT_NOT_STORED.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
		TEXT_NOT_STORED.freeze();
	}

	/**
	 * How much of the body is stored, and so where snippets come from: its first 2,000 characters (about 300 words,
	 * the first half of a typical piece). The whole body is indexed and found; a word first used further on gets a
	 * snippet from the standfirst, or the lead without a mark. Storing whole bodies made every page of hits read and
	 * decode ten of them (a third of a query's time on a 100,000-article archive) and the index larger.
	 */
	static final int BODY_LEAD = 2_000;

	private final Path path;

	private final Analyzer analyzer = new PerFieldAnalyzerWrapper(new SearchAnalyzer(true),
			Map.of("spell", new SearchAnalyzer(false)));

	private final Analyzer spelling = new SearchAnalyzer(false);

	private final DirectSpellChecker speller = new DirectSpellChecker();

	/** Words and spaces only: no quotes, signs, brackets or fields, whose meaning a respelling could lose. */
	private static final Pattern PLAIN_WORDS = Pattern.compile("[\\p{L}\\p{M}\\p{N}\\s'’.,-]+");

	/** An exclusion ({@code -word}) or a boolean operator. */
	private static final Pattern OPERATORS = Pattern.compile("(^|\\s)-|\\b(OR|AND|NOT)\\b");

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
		position = exists && CURRENT_LAYOUT.equals(commitData(LAYOUT)) ? storedPosition() : -1;
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
				writer.updateDocument(new Term("id", Long.toString(article.id())), document(article));
			}
			for (long id : gone) {
				writer.deleteDocuments(new Term("id", Long.toString(id)));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void commit(long appliedThrough) {
		try {
			writer.setLiveCommitData(Map.of(POSITION, Long.toString(appliedThrough), LAYOUT, CURRENT_LAYOUT).entrySet());
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

	private static Document document(SearchableArticle article) {
		Document doc = new Document();
		doc.add(new StringField(TYPE, "article", Field.Store.NO));
		doc.add(new StringField("id", Long.toString(article.id()), Field.Store.YES));
		doc.add(new StoredField("slug", article.slug()));
		doc.add(new Field("headline", article.headline(), TEXT));
		String standfirst = article.standfirst() == null ? "" : article.standfirst();
		doc.add(new Field("standfirst", standfirst, TEXT));
		doc.add(new Field("body", article.bodyText(), TEXT_NOT_STORED));
		doc.add(new StoredField("bodyLead", lead(article.bodyText())));
		doc.add(new TextField("spell", article.headline() + "\n" + standfirst + "\n" + article.bodyText(), Field.Store.NO));
		doc.add(new StringField("kind", article.kind().key(), Field.Store.YES));
		doc.add(new StringField("state", article.state().key(), Field.Store.NO));
		if (article.section() != null) {
			doc.add(new StringField("section", article.section().slug(), Field.Store.YES));
			doc.add(new StoredField("sectionName", article.section().name()));
		}
		for (Author author : article.authors()) {
			doc.add(new StringField("author", author.slug(), Field.Store.NO));
			doc.add(new StoredField("authorName", author.displayName()));
			doc.add(new TextField("writer", author.displayName(), Field.Store.NO));
		}
		for (Tag tag : article.tags()) {
			doc.add(new StringField("tag", tag.slug(), Field.Store.NO));
		}
		if (article.publishedAt() != null) {
			long at = article.publishedAt().toEpochMilli();
			doc.add(new LongPoint("published", at));
			doc.add(new NumericDocValuesField("published", at));
			doc.add(new StoredField("published", at));
		}
		return doc;
	}

	/** The body's first {@link #BODY_LEAD} characters, not cutting a surrogate pair: offsets in it are the body's. */
	static String lead(String body) {
		if (body.length() <= BODY_LEAD) {
			return body;
		}
		int end = Character.isHighSurrogate(body.charAt(BODY_LEAD - 1)) ? BODY_LEAD - 1 : BODY_LEAD;
		return body.substring(0, end);
	}

	@Override
	public ArticleHits search(ArticleQuery query, Instant now) {
		int size = query.size();
		int page = Math.min(Math.max(1, query.page()), MAX_PAGE);
		Query text = query.hasText() ? parse(query.text()) : new MatchAllDocsQuery();
		Query matching = filtered(text, query, now);
		boolean byDate = query.order() == ArticleQuery.Order.DATE || !query.hasText();
		boolean queued = takeTurn();
		try {
			IndexSearcher searcher = searchers.acquire();
			try {
				int wanted = page * size;
				TopDocs top = byDate
						? searcher.search(matching, new TopFieldCollectorManager(
								new Sort(new SortField("published", SortField.Type.LONG, true)), wanted, null,
								countUpTo(size)))
						: searcher.search(new RecencyBoost(matching, "published", now.toEpochMilli()),
								new TopScoreDocCollectorManager(wanted, null, countUpTo(size)));
				ScoreDoc[] slice = Arrays.copyOfRange(top.scoreDocs, Math.min(top.scoreDocs.length, (page - 1) * size),
						top.scoreDocs.length);
				List<ArticleHits.Hit> hits = hits(searcher, slice, query.hasText() ? text : null);
				boolean atLeast = atLeast(top, size);
				long total = atLeast ? countUpTo(size) : top.totalHits.value;
				String suggestion = total == 0 && query.hasText() ? suggestion(searcher, query.text()) : null;
				return new ArticleHits(hits, total, atLeast, page, size, suggestion);
			}
			finally {
				searchers.release(searcher);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			if (queued) {
				running.release();
			}
		}
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

	/**
	 * "Did you mean": for a query of plain words that found nothing, each word the index does not know replaced by the
	 * closest one it does (at most two edits away, from the folded, unstemmed spelling field); {@code null} when no
	 * word changes or the query uses phrases or operators.
	 */
	private String suggestion(IndexSearcher searcher, String text) throws IOException {
		if (!PLAIN_WORDS.matcher(text).matches() || OPERATORS.matcher(text).find()) {
			return null;
		}
		List<String> words = new ArrayList<>();
		boolean changed = false;
		try (TokenStream terms = spelling.tokenStream("spell", text)) {
			CharTermAttribute term = terms.addAttribute(CharTermAttribute.class);
			terms.reset();
			while (terms.incrementToken()) {
				String word = term.toString();
				SuggestWord[] better = speller.suggestSimilar(new Term("spell", word), 1, searcher.getIndexReader(),
						SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
				if (better.length > 0) {
					words.add(better[0].string);
					changed = true;
				}
				else {
					words.add(word);
				}
			}
			terms.end();
		}
		return changed ? String.join(" ", words) : null;
	}

	/** The reader's syntax; anything it cannot parse is taken as plain words. */
	private Query parse(String text) {
		return parse(text, TEXT_FIELDS, WEIGHTS);
	}

	private Query parse(String text, String[] fields, Map<String, Float> weights) {
		MultiFieldQueryParser parser = new MultiFieldQueryParser(fields, analyzer, weights);
		parser.setDefaultOperator(QueryParser.Operator.AND);
		parser.setAllowLeadingWildcard(false);
		try {
			return parser.parse(text);
		}
		catch (ParseException | IndexSearcher.TooManyClauses | IllegalArgumentException
				| TooComplexToDeterminizeException ex) {
			// Text between slashes is a regular expression to the parser: Lucene's RegExp throws
			// IllegalArgumentException for one it cannot read (a query of "</b> and </i>" holds "/b> and </"), and
			// TooComplexToDeterminizeException for one too costly to run; a reader who typed that meant the words.
			try {
				return parser.parse(QueryParser.escape(text));
			}
			catch (ParseException stillNot) {
				return new MatchAllDocsQuery();
			}
		}
	}

	private static Query filtered(Query text, ArticleQuery query, Instant now) {
		BooleanQuery.Builder visible = new BooleanQuery.Builder()
			.add(new TermQuery(new Term("state", "published")), Occur.SHOULD)
			.add(new TermQuery(new Term("state", "scheduled")), Occur.SHOULD);
		long from = query.from() == null ? Long.MIN_VALUE : query.from().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
		long to = now.toEpochMilli();
		if (query.to() != null) {
			to = Math.min(to, query.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - 1);
		}
		BooleanQuery.Builder all = new BooleanQuery.Builder().add(text, Occur.MUST)
			.add(new TermQuery(new Term(TYPE, "article")), Occur.FILTER)
			.add(visible.build(), Occur.FILTER)
			.add(range("published", from, to), Occur.FILTER);
		Stream.of(new String[] { "section", query.section() }, new String[] { "author", query.author() },
				new String[] { "tag", query.tag() }, new String[] { "kind", query.kind() })
			.filter(pair -> pair[1] != null)
			.forEach(pair -> all.add(new TermQuery(new Term(pair[0], pair[1])), Occur.FILTER));
		return all.build();
	}

	/**
	 * A range of times, answered from the points (the matching documents collected up front) or, when the words match
	 * fewer documents than the range does, by checking each word match's value: "published before now" matches
	 * nearly every article, and building that set for each query cost more than the rest of it.
	 */
	private static Query range(String field, long from, long to) {
		return new IndexOrDocValuesQuery(LongPoint.newRangeQuery(field, from, to),
				NumericDocValuesField.newSlowRangeQuery(field, from, to));
	}

	/** What a hit on the page shows, read once per hit (with the text its snippet comes from). */
	private static final Set<String> HIT_FIELDS = Set.of("id", "slug", "headline", "standfirst", "bodyLead", "kind",
			"section", "sectionName", "authorName", "published");

	private List<ArticleHits.Hit> hits(IndexSearcher searcher, ScoreDoc[] docs, Query text) throws IOException {
		String[] snippets = new String[docs.length];
		PageHighlighter page = PageHighlighter.forPage(searcher, analyzer, docs, HIT_FIELDS, Map.of("body", "bodyLead"));
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
			Document doc = page.document(docs[i].doc);
			String standfirst = doc.get("standfirst");
			var published = doc.getField("published");
			hits.add(new ArticleHits.Hit(Long.parseLong(doc.get("id")), doc.get("slug"), doc.get("headline"),
					standfirst == null || standfirst.isEmpty() ? null : standfirst, snippets[i], doc.get("kind"),
					doc.get("section"), doc.get("sectionName"), List.of(doc.getValues("authorName")),
					published == null ? null : Instant.ofEpochMilli(published.numericValue().longValue())));
		}
		return hits;
	}

	@Override
	public void putComments(Collection<SearchableComment> comments, Collection<Long> gone,
			Collection<Long> goneArticles) {
		try {
			for (SearchableComment comment : comments) {
				writer.updateDocument(new Term(COMMENT_ID, Long.toString(comment.id())), document(comment));
			}
			for (long id : gone) {
				writer.deleteDocuments(new Term(COMMENT_ID, Long.toString(id)));
			}
			for (long articleId : goneArticles) {
				writer.deleteDocuments(new Term("commentArticleId", Long.toString(articleId)));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A comment's document. Its fields have names of their own ("comment…"), so no article query can match one even
	 * without the type filter. The e-mail address is a keyword (exact, lower case) and not stored: it finds a guest's
	 * comments, and the index never hands it out.
	 */
	private static Document document(SearchableComment comment) {
		Document doc = new Document();
		doc.add(new StringField(TYPE, "comment", Field.Store.NO));
		doc.add(new StringField(COMMENT_ID, Long.toString(comment.id()), Field.Store.YES));
		doc.add(new StringField("commentArticleId", Long.toString(comment.articleId()), Field.Store.YES));
		doc.add(new StringField("commentArticle", comment.articleSlug(), Field.Store.YES));
		doc.add(new StoredField("commentArticleHeadline", comment.articleHeadline()));
		doc.add(new Field("commentBody", comment.body(), TEXT));
		doc.add(new TextField("commentAuthor", comment.authorName(), Field.Store.YES));
		if (comment.guestEmail() != null) {
			doc.add(new StringField("commentEmail", comment.guestEmail().strip().toLowerCase(java.util.Locale.ROOT),
					Field.Store.NO));
		}
		if (comment.accountId() != null) {
			doc.add(new StringField("commentAccount", Long.toString(comment.accountId()), Field.Store.YES));
		}
		doc.add(new StringField("commentStatus", comment.status().key(), Field.Store.YES));
		long at = comment.createdAt().toEpochMilli();
		doc.add(new LongPoint("commentCreated", at));
		doc.add(new NumericDocValuesField("commentCreated", at));
		doc.add(new StoredField("commentCreated", at));
		return doc;
	}

	@Override
	public CommentHits searchComments(CommentQuery query) {
		int size = query.size();
		int page = Math.min(Math.max(1, query.page()), MAX_PAGE);
		Query text = query.hasText() ? parse(query.text(), new String[] { "commentBody" }, Map.of("commentBody", 1f))
				: new MatchAllDocsQuery();
		BooleanQuery.Builder all = new BooleanQuery.Builder().add(text, Occur.MUST)
			.add(new TermQuery(new Term(TYPE, "comment")), Occur.FILTER);
		if (!query.statuses().isEmpty()) {
			BooleanQuery.Builder statuses = new BooleanQuery.Builder();
			query.statuses().forEach(status -> statuses.add(new TermQuery(new Term("commentStatus", status)), Occur.SHOULD));
			all.add(statuses.build(), Occur.FILTER);
		}
		if (query.article() != null) {
			all.add(new TermQuery(new Term("commentArticle", query.article())), Occur.FILTER);
		}
		if (query.authorName() != null) {
			all.add(parse(query.authorName(), new String[] { "commentAuthor" }, Map.of("commentAuthor", 1f)), Occur.FILTER);
		}
		if (query.email() != null || !query.accountIds().isEmpty()) {
			BooleanQuery.Builder who = new BooleanQuery.Builder();
			if (query.email() != null) {
				who.add(new TermQuery(new Term("commentEmail", query.email())), Occur.SHOULD);
			}
			query.accountIds()
				.forEach(id -> who.add(new TermQuery(new Term("commentAccount", Long.toString(id))), Occur.SHOULD));
			all.add(who.build(), Occur.FILTER);
		}
		if (query.from() != null || query.to() != null) {
			long from = query.from() == null ? Long.MIN_VALUE
					: query.from().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
			long to = query.to() == null ? Long.MAX_VALUE
					: query.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - 1;
			all.add(range("commentCreated", from, to), Occur.FILTER);
		}
		Query matching = all.build();
		boolean byDate = query.order() == dev.gazette.search.ArticleQuery.Order.DATE || !query.hasText();
		boolean queued = takeTurn();
		try {
			IndexSearcher searcher = searchers.acquire();
			try {
				int wanted = page * size;
				TopDocs top = byDate
						? searcher.search(matching, new TopFieldCollectorManager(
								new Sort(new SortField("commentCreated", SortField.Type.LONG, true)), wanted, null,
								countUpTo(size)))
						: searcher.search(matching, new TopScoreDocCollectorManager(wanted, null, countUpTo(size)));
				ScoreDoc[] slice = Arrays.copyOfRange(top.scoreDocs, Math.min(top.scoreDocs.length, (page - 1) * size),
						top.scoreDocs.length);
				boolean atLeast = atLeast(top, size);
				return new CommentHits(commentHits(searcher, slice, query.hasText() ? text : null),
						atLeast ? countUpTo(size) : top.totalHits.value, atLeast, page, size);
			}
			finally {
				searchers.release(searcher);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			if (queued) {
				running.release();
			}
		}
	}

	/** What a comment hit shows, read once per hit (with the text its snippet comes from). */
	private static final Set<String> COMMENT_HIT_FIELDS = Set.of(COMMENT_ID, "commentArticleId", "commentArticle",
			"commentArticleHeadline", "commentAuthor", "commentAccount", "commentStatus", "commentCreated", "commentBody");

	private List<CommentHits.Hit> commentHits(IndexSearcher searcher, ScoreDoc[] docs, Query text) throws IOException {
		String[] snippets = new String[docs.length];
		PageHighlighter page = PageHighlighter.forPage(searcher, analyzer, docs, COMMENT_HIT_FIELDS, Map.of());
		if (text != null && docs.length > 0) {
			TopDocs top = new TopDocs(new TotalHits(docs.length, TotalHits.Relation.EQUAL_TO), docs);
			snippets = page.highlight("commentBody", text, top, 2);
		}
		List<CommentHits.Hit> hits = new ArrayList<>();
		for (int i = 0; i < docs.length; i++) {
			Document doc = page.document(docs[i].doc);
			String snippet = snippets[i];
			if (snippet == null) {
				String body = doc.get("commentBody");
				snippet = org.springframework.web.util.HtmlUtils
					.htmlEscape(body.length() > 300 ? body.substring(0, body.offsetByCodePoints(0,
							Math.min(300, body.codePointCount(0, body.length())))) + " …" : body);
			}
			String account = doc.get("commentAccount");
			hits.add(new CommentHits.Hit(Long.parseLong(doc.get(COMMENT_ID)), Long.parseLong(doc.get("commentArticleId")),
					doc.get("commentArticle"), doc.get("commentArticleHeadline"), doc.get("commentAuthor"),
					account == null ? null : Long.valueOf(account), doc.get("commentStatus"),
					Instant.ofEpochMilli(doc.getField("commentCreated").numericValue().longValue()), snippet));
		}
		return hits;
	}

	@Override
	public List<Long> searchAllArticles(String text, int limit) {
		Query query = new BooleanQuery.Builder()
			.add(parse(text, NEWSROOM_FIELDS, Map.of("headline", 3f, "standfirst", 2f, "body", 1f, "writer", 2f)),
					Occur.MUST)
			.add(new TermQuery(new Term(TYPE, "article")), Occur.FILTER)
			.build();
		try {
			IndexSearcher searcher = searchers.acquire();
			try {
				List<Long> ids = new ArrayList<>();
				for (ScoreDoc doc : searcher.search(query, limit).scoreDocs) {
					ids.add(Long.parseLong(searcher.storedFields().document(doc.doc).get("id")));
				}
				return ids;
			}
			finally {
				searchers.release(searcher);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
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
