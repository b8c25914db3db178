package dev.gazette.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DocumentStoredFieldVisitor;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Snippets for one page of hits, reading each hit's stored fields once. The plain {@link UnifiedHighlighter} reads
 * the stored text it highlights on its own, and the page then reads every hit again for its headline, byline and
 * date: two decompressions of each hit's block of stored documents. Here the page's documents are read first
 * ({@link #documents}) and the highlighter takes its text from them. The offsets of the matched words come from the
 * postings (the text fields are indexed with offsets), so nothing is analysed again, and term by term (see
 * {@code withWeightMatches}).
 * <p>
 * The index's merged field list, which the highlighter consults for every field it highlights, is built once per
 * index reader rather than once per search.
 */
final class PageHighlighter extends UnifiedHighlighter {

	/** The last index reader's merged field list: readers change only when the index does. */
	private static volatile ReaderFields lastFields;

	private record ReaderFields(Object reader, FieldInfos fields) {
	}

	private final Map<Integer, Document> documents;

	/**
	 * Lucene's passage ranking (BM25 over the passage, earlier passages a little ahead), with the passage's distinct
	 * terms told apart by comparing its few matches with each other: the stock scorer builds a hash of them for every
	 * candidate passage, whose first block alone is 32 KB, and that allocation was a tenth of highlighting a page.
	 */
	private static final PassageScorer PASSAGES = new PassageScorer() {

		@Override
		public float score(Passage passage, int contentLength) {
			BytesRef[] terms = passage.getMatchTerms();
			int[] inDocument = passage.getMatchTermFreqsInDoc();
			int matches = passage.getNumMatches();
			float score = 0;
			next: for (int i = 0; i < matches; i++) {
				for (int j = 0; j < i; j++) {
					if (terms[j].bytesEquals(terms[i])) {
						continue next;
					}
				}
				int inPassage = 1;
				for (int j = i + 1; j < matches; j++) {
					if (terms[j].bytesEquals(terms[i])) {
						inPassage++;
					}
				}
				score += weight(contentLength, inDocument[i]) * tf(inPassage, passage.getLength());
			}
			return score * norm(passage.getStartOffset());
		}
	};

	private final Map<String, String> storedAs;

	private PageHighlighter(Builder builder, Map<Integer, Document> documents, Map<String, String> storedAs) {
		super(builder);
		this.documents = documents;
		this.storedAs = storedAs;
	}

	/**
	 * The page's documents (only {@code fields}) by document number, and a highlighter that reads from them.
	 * @param storedAs the stored field whose text a field's snippets come from, when it is not the field itself (the
	 * body's lead for the body: a prefix of the indexed text, so its offsets hold; matches beyond it are left out,
	 * as with {@code withMaxLength})
	 */
	static PageHighlighter forPage(IndexSearcher searcher, Analyzer analyzer, ScoreDoc[] page, Set<String> fields,
			Map<String, String> storedAs) throws IOException {
		Map<Integer, Document> documents = new HashMap<>();
		var stored = searcher.storedFields();
		for (ScoreDoc hit : page) {
			DocumentStoredFieldVisitor visitor = new DocumentStoredFieldVisitor(fields);
			stored.document(hit.doc, visitor);
			documents.put(hit.doc, visitor.getDocument());
		}
		Builder builder = UnifiedHighlighter.builder(searcher, analyzer)
			.withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
			.withMaxLength(100_000)
			.withBreakIterator(SentenceBreaks::new)
			.withScorer(PASSAGES)
			// Each query term's offsets straight from the postings. Matching through the query's Weight (the default)
			// built a searcher and a Weight for the whole query again for every hit and field, which was half of a
			// page's highlighting; terms an exclusion names are not highlighted either way, and phrases stay strict.
			.withWeightMatches(false);
		return new PageHighlighter(builder, documents, storedAs);
	}

	Document document(int doc) {
		return documents.get(doc);
	}

	@Override
	protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheCharsThreshold)
			throws IOException {
		List<CharSequence[]> values = new ArrayList<>();
		for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
			Document document = documents.get(doc);
			CharSequence[] texts = new CharSequence[fields.length];
			for (int i = 0; i < fields.length; i++) {
				String text = document == null ? null : document.get(storedAs.getOrDefault(fields[i], fields[i]));
				texts[i] = text == null ? "" : text;
			}
			values.add(texts);
		}
		return values;
	}

	@Override
	protected FieldInfo getFieldInfo(String field) {
		IndexReader reader = searcher.getIndexReader();
		Object key = reader.getReaderCacheHelper() == null ? reader : reader.getReaderCacheHelper().getKey();
		ReaderFields known = lastFields;
		if (known == null || known.reader() != key) {
			known = new ReaderFields(key, FieldInfos.getMergedFieldInfos(reader));
			lastFields = known;
		}
		return known.fields().fieldInfo(field);
	}
}
