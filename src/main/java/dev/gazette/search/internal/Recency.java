package dev.gazette.search.internal;

import java.io.IOException;
import java.util.Objects;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;

/**
 * A little more weight for recent pieces: a relevance score is multiplied by 1.25 for a piece published now, falling
 * to about 1.06 after a year, 1 for the oldest. Small on purpose: a clearly better match stays first whatever its age.
 */
final class Recency extends DoubleValuesSource {

	private static final double DAY = 86_400_000d;

	private final String field;

	private final long now;

	Recency(String field, long now) {
		this.field = field;
		this.now = now;
	}

	static double factor(long ageMillis) {
		double days = Math.max(0, ageMillis / DAY);
		return 1 + 0.25 / (1 + days / 90);
	}

	@Override
	public DoubleValues getValues(LeafReaderContext context, DoubleValues scores) throws IOException {
		NumericDocValues published = DocValues.getNumeric(context.reader(), field);
		return new DoubleValues() {
			private double value = 1;

			@Override
			public double doubleValue() {
				return value;
			}

			@Override
			public boolean advanceExact(int doc) throws IOException {
				value = published.advanceExact(doc) ? factor(now - published.longValue()) : 1;
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
	public boolean isCacheable(LeafReaderContext ctx) {
		return false;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Recency that && that.now == now && that.field.equals(field);
	}

	@Override
	public int hashCode() {
		return Objects.hash(field, now);
	}

	@Override
	public String toString() {
		return "recency(" + field + ")";
	}
}
