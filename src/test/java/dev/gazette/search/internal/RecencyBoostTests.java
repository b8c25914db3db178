package dev.gazette.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.Random;

import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.junit.jupiter.api.Test;

/**
 * The readers' ranking with recency: the fast query, which lets Lucene skip weak matches and stops counting at a
 * threshold, puts the same pieces in the same order as scoring every match and multiplying by the recency factor.
 */
class RecencyBoostTests {

	private static final long DAY = 86_400_000L;

	private static final long NOW = 1_767_225_600_000L;

	@Test
	void ranksExactlyAsMultiplyingEveryMatchByItsRecency() throws IOException {
		Random random = new Random(16);
		String[] words = { "harbour", "ferry", "council", "storm", "market", "bridge", "river", "school" };
		try (Directory directory = new ByteBuffersDirectory()) {
			try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
				for (int i = 0; i < 20_000; i++) {
					Document doc = new Document();
					doc.add(new TextField("headline", text(random, words, 6), Field.Store.NO));
					doc.add(new TextField("body", text(random, words, 20 + random.nextInt(200)), Field.Store.NO));
					if (random.nextInt(50) != 0) {
						long at = NOW - (long) (random.nextDouble() * 3650 * DAY);
						doc.add(new LongPoint("published", at));
						doc.add(new NumericDocValuesField("published", at));
					}
					writer.addDocument(doc);
					if (i % 4_000 == 3_999) {
						writer.commit();
					}
				}
			}
			try (DirectoryReader reader = DirectoryReader.open(directory)) {
				IndexSearcher searcher = new IndexSearcher(reader);
				for (String word : words) {
					Query text = new BooleanQuery.Builder()
						.add(new BoostQuery(new TermQuery(new Term("headline", word)), 3f), Occur.SHOULD)
						.add(new TermQuery(new Term("body", word)), Occur.SHOULD)
						.build();
					TopDocs reference = searcher.search(FunctionScoreQuery.boostByValue(text, new Factor()), 30);
					TopDocs fast = searcher.search(new RecencyBoost(text, "published", NOW),
							new TopScoreDocCollectorManager(30, null, 100));

					assertThat(reference.totalHits.value).as(word).isGreaterThan(1_000);
					// Weak matches were skipped rather than scored and counted one by one.
					assertThat(fast.totalHits.relation).as(word).isEqualTo(TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO);
					assertThat(fast.totalHits.value).as(word).isLessThan(reference.totalHits.value);
					assertThat(docs(fast)).as(word).containsExactly(docs(reference));
					for (int i = 0; i < fast.scoreDocs.length; i++) {
						assertThat(fast.scoreDocs[i].score).isCloseTo(reference.scoreDocs[i].score,
								org.assertj.core.data.Percentage.withPercentage(0.001));
					}
				}
			}
		}
	}

	@Test
	void ofMatchesEquallyRelevantTheNewestComeFirst() throws IOException {
		Random random = new Random(7);
		long[] published = new long[5_000];
		try (Directory directory = new ByteBuffersDirectory()) {
			try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
				for (int i = 0; i < published.length; i++) {
					published[i] = NOW - (long) (random.nextDouble() * 3650 * DAY);
					Document doc = new Document();
					doc.add(new TextField("body", "harbour news", Field.Store.NO));
					doc.add(new LongPoint("published", published[i]));
					doc.add(new NumericDocValuesField("published", published[i]));
					writer.addDocument(doc);
				}
			}
			try (DirectoryReader reader = DirectoryReader.open(directory)) {
				TopDocs fast = new IndexSearcher(reader).search(
						new RecencyBoost(new TermQuery(new Term("body", "harbour")), "published", NOW),
						new TopScoreDocCollectorManager(10, null, 100));

				long[] newest = Arrays.stream(published).boxed().sorted(java.util.Comparator.reverseOrder()).limit(10)
					.mapToLong(Long::longValue).toArray();
				assertThat(Arrays.stream(fast.scoreDocs).mapToLong(hit -> published[hit.doc]).toArray()).isEqualTo(newest);
			}
		}
	}

	@Test
	void theFactorIsAtMostItsBoundAndFallsWithAge() {
		assertThat(Recency.factor(-DAY)).isEqualTo(Recency.MAX_FACTOR);
		assertThat(Recency.factor(0)).isEqualTo(Recency.MAX_FACTOR);
		assertThat(Recency.factor(365 * DAY)).isBetween(1.04, 1.07);
		assertThat(Recency.factor(3650 * DAY)).isBetween(1.0, 1.01);
	}

	private static int[] docs(TopDocs top) {
		return Arrays.stream(top.scoreDocs).mapToInt(hit -> hit.doc).toArray();
	}

	private static String text(Random random, String[] words, int length) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < length; i++) {
			// Skewed: the first words are common, the last rare.
			int w = (int) (words.length * Math.pow(random.nextDouble(), 2.5));
			text.append(random.nextInt(3) == 0 ? words[w] : "filler" + random.nextInt(500)).append(' ');
		}
		return text.toString();
	}

	/** The reference: the recency factor of every match, as {@code FunctionScoreQuery.boostByValue} applies it. */
	private static final class Factor extends DoubleValuesSource {

		@Override
		public DoubleValues getValues(LeafReaderContext context, DoubleValues scores) throws IOException {
			NumericDocValues published = DocValues.getNumeric(context.reader(), "published");
			return new DoubleValues() {
				private double value;

				@Override
				public double doubleValue() {
					return value;
				}

				@Override
				public boolean advanceExact(int doc) throws IOException {
					value = published.advanceExact(doc) ? Recency.factor(NOW - published.longValue()) : 1;
					return true;
				}
			};
		}

		@Override
		public boolean needsScores() {
			return false;
		}

		@Override
		public DoubleValuesSource rewrite(IndexSearcher searcher) {
			return this;
		}

		@Override
		public boolean isCacheable(LeafReaderContext context) {
			return false;
		}

		@Override
		public boolean equals(Object other) {
			return other == this;
		}

		@Override
		public int hashCode() {
			return 1;
		}

		@Override
		public String toString() {
			return "factor";
		}
	}
}
