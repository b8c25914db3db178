package dev.gazette.search.internal;

import java.io.IOException;
import java.util.Objects;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.FilterScorer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;

/**
 * A query's relevance score times {@link Recency#factor} of the document's age: the same ranking as
 * {@code FunctionScoreQuery.boostByValue(query, new Recency(...))}, but one that keeps Lucene's top-k skipping. Because
 * the factor never exceeds {@link Recency#MAX_FACTOR}, this scorer can say how high a block of documents could score
 * (the wrapped query's bound times that factor) and pass the collector's "only scores above this matter" on to the
 * wrapped query (divided by it), so the terms' block-max scores still let whole blocks of weak matches go unscored
 * (block-max WAND). {@code FunctionScoreQuery} cannot bound an arbitrary function, so it scores every match.
 */
final class RecencyBoost extends Query {

	private final Query query;

	private final String field;

	private final long now;

	RecencyBoost(Query query, String field, long now) {
		this.query = query;
		this.field = field;
		this.now = now;
	}

	@Override
	public Query rewrite(IndexSearcher searcher) throws IOException {
		Query rewritten = query.rewrite(searcher);
		return rewritten == query ? super.rewrite(searcher) : new RecencyBoost(rewritten, field, now);
	}

	@Override
	public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
		Weight inner = query.createWeight(searcher, scoreMode, boost);
		if (!scoreMode.needsScores()) {
			return inner;
		}
		return new Weight(this) {

			@Override
			public Scorer scorer(LeafReaderContext context) throws IOException {
				ScorerSupplier supplier = scorerSupplier(context);
				return supplier == null ? null : supplier.get(Long.MAX_VALUE);
			}

			/**
			 * The wrapped query's scorers, told when they are the top-level scoring clause: only then do Lucene's term
			 * scorers skip blocks by their impacts (a wrapper that asked for a plain scorer would lose all skipping).
			 */
			@Override
			public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
				ScorerSupplier supplier = inner.scorerSupplier(context);
				if (supplier == null) {
					return null;
				}
				Weight weight = this;
				return new ScorerSupplier() {

					@Override
					public Scorer get(long leadCost) throws IOException {
						return boosted(supplier.get(leadCost), DocValues.getNumeric(context.reader(), field), weight);
					}

					@Override
					public long cost() {
						return supplier.cost();
					}

					@Override
					public void setTopLevelScoringClause() throws IOException {
						supplier.setTopLevelScoringClause();
					}
				};
			}

			@Override
			public Explanation explain(LeafReaderContext context, int doc) throws IOException {
				Explanation relevance = inner.explain(context, doc);
				if (!relevance.isMatch()) {
					return relevance;
				}
				NumericDocValues published = DocValues.getNumeric(context.reader(), field);
				double factor = factor(published, doc);
				return Explanation.match((float) (relevance.getValue().floatValue() * factor), "relevance times recency",
						relevance, Explanation.match((float) factor, "recency(" + field + ")"));
			}

			@Override
			public boolean isCacheable(LeafReaderContext context) {
				return false;
			}
		};
	}

	private Scorer boosted(Scorer scorer, NumericDocValues published, Weight weight) {
		return new FilterScorer(scorer, weight) {

			@Override
			public float score() throws IOException {
				return (float) (in.score() * factor(published, docID()));
			}

			@Override
			public int advanceShallow(int target) throws IOException {
				return in.advanceShallow(target);
			}

			@Override
			public float getMaxScore(int upTo) throws IOException {
				float max = in.getMaxScore(upTo);
				return max == Float.POSITIVE_INFINITY ? max : Math.nextUp((float) (max * Recency.MAX_FACTOR));
			}

			@Override
			public void setMinCompetitiveScore(float minScore) throws IOException {
				// Rounded down, so that no document the collector still wants is skipped by rounding.
				in.setMinCompetitiveScore(Math.max(0f, Math.nextDown((float) (minScore / Recency.MAX_FACTOR))));
			}
		};
	}

	private double factor(NumericDocValues published, int doc) throws IOException {
		return published.advanceExact(doc) ? Recency.factor(now - published.longValue()) : 1;
	}

	@Override
	public void visit(QueryVisitor visitor) {
		query.visit(visitor.getSubVisitor(BooleanClause.Occur.MUST, this));
	}

	@Override
	public String toString(String defaultField) {
		return "recency(" + query.toString(defaultField) + ", " + field + ")";
	}

	@Override
	public boolean equals(Object other) {
		return sameClassAs(other) && other instanceof RecencyBoost that && that.now == now && that.field.equals(field)
				&& that.query.equals(query);
	}

	@Override
	public int hashCode() {
		return Objects.hash(classHash(), query, field, now);
	}
}
