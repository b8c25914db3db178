package dev.gazette.search.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.gazette.article.Author;
import dev.gazette.article.SearchableArticle;
import dev.gazette.article.Tag;
import dev.gazette.comment.SearchableComment;
import dev.gazette.search.ArticleHits;
import dev.gazette.search.CommentHits;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.springframework.web.util.HtmlUtils;

/**
 * What the index holds: the fields of an article's and a comment's document, and how a hit is read back from them.
 * Writing and reading sit together so that a field cannot be renamed on one side only; a change to what a document
 * holds raises {@link #LAYOUT}, and an index written with another layout is rebuilt on start.
 */
final class SearchDocuments {

	/**
	 * The layout of the documents, kept with each commit. 2: comments and writers' names indexed; 3: the body stored
	 * only as its lead ({@link #BODY_LEAD}).
	 */
	static final String LAYOUT = "3";

	/** Each document's kind: the readers' queries ask for articles only, the moderators' for comments only. */
	static final String TYPE = "type";

	static final String ARTICLE_ID = "id";

	static final String COMMENT_ID = "commentId";

	static final String COMMENT_ARTICLE_ID = "commentArticleId";

	/** The folded, unstemmed text of an article, where "did you mean" looks for words. */
	static final String SPELLING = "spell";

	/**
	 * How much of the body is stored, and so where snippets come from: its first 2,000 characters (about 300 words,
	 * the first half of a typical piece). The whole body is indexed and found; a word first used further on gets a
	 * snippet from the standfirst, or the lead without a mark. Storing whole bodies made every page of hits read and
	 * decode ten of them (a third of a query's time on a 100,000-article archive) and the index larger.
	 */
	static final int BODY_LEAD = 2_000;

	/** What an article hit shows, read once per hit (with the text its snippet comes from). */
	static final Set<String> ARTICLE_HIT_FIELDS = Set.of(ARTICLE_ID, "slug", "headline", "standfirst", "bodyLead",
			"kind", "section", "sectionName", "authorName", "published");

	/** What a comment hit shows, read once per hit (with the text its snippet comes from). */
	static final Set<String> COMMENT_HIT_FIELDS = Set.of(COMMENT_ID, COMMENT_ARTICLE_ID, "commentArticle",
			"commentArticleHeadline", "commentAuthor", "commentAccount", "commentStatus", "commentCreated", "commentBody");

	/** A comment without a snippet shows its first characters, this many at most. */
	private static final int COMMENT_OPENING = 300;

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

	private SearchDocuments() {
	}

	static Document article(SearchableArticle article) {
		Document doc = new Document();
		doc.add(new StringField(TYPE, "article", Field.Store.NO));
		doc.add(new StringField(ARTICLE_ID, Long.toString(article.id()), Field.Store.YES));
		doc.add(new StoredField("slug", article.slug()));
		doc.add(new Field("headline", article.headline(), TEXT));
		String standfirst = article.standfirst() == null ? "" : article.standfirst();
		doc.add(new Field("standfirst", standfirst, TEXT));
		doc.add(new Field("body", article.bodyText(), TEXT_NOT_STORED));
		doc.add(new StoredField("bodyLead", lead(article.bodyText())));
		doc.add(new TextField(SPELLING, article.headline() + "\n" + standfirst + "\n" + article.bodyText(),
				Field.Store.NO));
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

	/**
	 * A comment's document. Its fields have names of their own ("comment…"), so no article query can match one even
	 * without the type filter. The e-mail address is a keyword (exact, lower case) and not stored: it finds a guest's
	 * comments, and the index never hands it out.
	 */
	static Document comment(SearchableComment comment) {
		Document doc = new Document();
		doc.add(new StringField(TYPE, "comment", Field.Store.NO));
		doc.add(new StringField(COMMENT_ID, Long.toString(comment.id()), Field.Store.YES));
		doc.add(new StringField(COMMENT_ARTICLE_ID, Long.toString(comment.articleId()), Field.Store.YES));
		doc.add(new StringField("commentArticle", comment.articleSlug(), Field.Store.YES));
		doc.add(new StoredField("commentArticleHeadline", comment.articleHeadline()));
		doc.add(new Field("commentBody", comment.body(), TEXT));
		doc.add(new TextField("commentAuthor", comment.authorName(), Field.Store.YES));
		if (comment.guestEmail() != null) {
			doc.add(new StringField("commentEmail", comment.guestEmail().strip().toLowerCase(Locale.ROOT),
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

	/** An article hit from its stored fields ({@link #ARTICLE_HIT_FIELDS}) and its snippet, if it has one. */
	static ArticleHits.Hit articleHit(Document doc, String snippet) {
		String standfirst = doc.get("standfirst");
		var published = doc.getField("published");
		return new ArticleHits.Hit(Long.parseLong(doc.get(ARTICLE_ID)), doc.get("slug"), doc.get("headline"),
				standfirst == null || standfirst.isEmpty() ? null : standfirst, snippet, doc.get("kind"),
				doc.get("section"), doc.get("sectionName"), List.of(doc.getValues("authorName")),
				published == null ? null : Instant.ofEpochMilli(published.numericValue().longValue()));
	}

	/**
	 * A comment hit from its stored fields ({@link #COMMENT_HIT_FIELDS}); without a snippet, the comment's opening,
	 * escaped as a snippet is.
	 */
	static CommentHits.Hit commentHit(Document doc, String snippet) {
		if (snippet == null) {
			String body = doc.get("commentBody");
			snippet = HtmlUtils.htmlEscape(body.length() > COMMENT_OPENING ? body.substring(0,
					body.offsetByCodePoints(0, Math.min(COMMENT_OPENING, body.codePointCount(0, body.length()))))
					+ " …" : body);
		}
		String account = doc.get("commentAccount");
		return new CommentHits.Hit(Long.parseLong(doc.get(COMMENT_ID)), Long.parseLong(doc.get(COMMENT_ARTICLE_ID)),
				doc.get("commentArticle"), doc.get("commentArticleHeadline"), doc.get("commentAuthor"),
				account == null ? null : Long.valueOf(account), doc.get("commentStatus"),
				Instant.ofEpochMilli(doc.getField("commentCreated").numericValue().longValue()), snippet);
	}
}
