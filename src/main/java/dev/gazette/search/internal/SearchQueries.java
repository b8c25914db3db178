package dev.gazette.search.internal;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.gazette.search.ArticleQuery;
import dev.gazette.search.CommentQuery;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
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
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;

import static dev.gazette.search.internal.SearchDocuments.SPELLING;
import static dev.gazette.search.internal.SearchDocuments.TYPE;

/**
 * What readers, moderators and the newsroom type, made into Lucene queries over {@link SearchDocuments}' fields: the
 * reader's syntax (words must all match, quotes, {@code -word}, {@code OR}), with whatever it cannot parse taken as
 * plain words; the filters each kind of search adds (only what readers may see, the dates asked for, a section, a
 * status); and "did you mean" for a search that found nothing.
 */
final class SearchQueries {

	private static final String[] READER_FIELDS = { "headline", "standfirst", "body" };

	/** Headline and standfirst say what a piece is about; the body mentions much in passing. */
	private static final Map<String, Float> READER_WEIGHTS = Map.of("headline", 3f, "standfirst", 2f, "body", 1f);

	private static final String[] NEWSROOM_FIELDS = { "headline", "standfirst", "body", "writer" };

	/** The newsroom also finds a piece by who wrote it. */
	private static final Map<String, Float> NEWSROOM_WEIGHTS = Map.of("headline", 3f, "standfirst", 2f, "body", 1f,
			"writer", 2f);

	/** Words and spaces only: no quotes, signs, brackets or fields, whose meaning a respelling could lose. */
	private static final Pattern PLAIN_WORDS = Pattern.compile("[\\p{L}\\p{M}\\p{N}\\s'’.,-]+");

	/** An exclusion ({@code -word}) or a boolean operator. */
	private static final Pattern OPERATORS = Pattern.compile("(^|\\s)-|\\b(OR|AND|NOT)\\b");

	private final Analyzer analyzer;

	private final Analyzer spelling = new SearchAnalyzer(false);

	private final DirectSpellChecker speller = new DirectSpellChecker();

	/** {@code analyzer} is the index's own, so a query's words are folded and stemmed as the documents' were. */
	SearchQueries(Analyzer analyzer) {
		this.analyzer = analyzer;
	}

	/** A reader's words over headline, standfirst and body. */
	Query readerText(String text) {
		return parse(text, READER_FIELDS, READER_WEIGHTS);
	}

	/** The words, and only the articles a reader may see that the query's filters keep. */
	static Query readerFilters(Query text, ArticleQuery query, Instant now) {
		BooleanQuery.Builder visible = new BooleanQuery.Builder()
			.add(new TermQuery(new Term("state", "published")), Occur.SHOULD)
			.add(new TermQuery(new Term("state", "scheduled")), Occur.SHOULD);
		long from = query.from() == null ? Long.MIN_VALUE : startOf(query.from());
		long to = now.toEpochMilli();
		if (query.to() != null) {
			to = Math.min(to, startOf(query.to().plusDays(1)) - 1);
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

	/** A moderator's words over the comments' text. */
	Query commentText(String text) {
		return parse(text, new String[] { "commentBody" }, Map.of("commentBody", 1f));
	}

	/** The words, and only the comments the query's filters keep (statuses, article, writer, dates). */
	Query commentFilters(Query text, CommentQuery query) {
		BooleanQuery.Builder all = new BooleanQuery.Builder().add(text, Occur.MUST)
			.add(new TermQuery(new Term(TYPE, "comment")), Occur.FILTER);
		if (!query.statuses().isEmpty()) {
			BooleanQuery.Builder statuses = new BooleanQuery.Builder();
			query.statuses()
				.forEach(status -> statuses.add(new TermQuery(new Term("commentStatus", status)), Occur.SHOULD));
			all.add(statuses.build(), Occur.FILTER);
		}
		if (query.article() != null) {
			all.add(new TermQuery(new Term("commentArticle", query.article())), Occur.FILTER);
		}
		if (query.authorName() != null) {
			all.add(parse(query.authorName(), new String[] { "commentAuthor" }, Map.of("commentAuthor", 1f)),
					Occur.FILTER);
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
			long from = query.from() == null ? Long.MIN_VALUE : startOf(query.from());
			long to = query.to() == null ? Long.MAX_VALUE : startOf(query.to().plusDays(1)) - 1;
			all.add(range("commentCreated", from, to), Occur.FILTER);
		}
		return all.build();
	}

	/** The newsroom's words over every article in any state, its writers' names included. */
	Query newsroom(String text) {
		return new BooleanQuery.Builder().add(parse(text, NEWSROOM_FIELDS, NEWSROOM_WEIGHTS), Occur.MUST)
			.add(new TermQuery(new Term(TYPE, "article")), Occur.FILTER)
			.build();
	}

	/**
	 * "Did you mean": for a query of plain words that found nothing, each word the index does not know replaced by the
	 * closest one it does (at most two edits away, from the folded, unstemmed spelling field); {@code null} when no
	 * word changes or the query uses phrases or operators.
	 */
	String suggestion(IndexSearcher searcher, String text) throws IOException {
		if (!PLAIN_WORDS.matcher(text).matches() || OPERATORS.matcher(text).find()) {
			return null;
		}
		List<String> words = new ArrayList<>();
		boolean changed = false;
		try (TokenStream terms = spelling.tokenStream(SPELLING, text)) {
			CharTermAttribute term = terms.addAttribute(CharTermAttribute.class);
			terms.reset();
			while (terms.incrementToken()) {
				String word = term.toString();
				SuggestWord[] better = speller.suggestSimilar(new Term(SPELLING, word), 1, searcher.getIndexReader(),
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

	private static long startOf(LocalDate day) {
		return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
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
}
