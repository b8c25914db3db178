package dev.gazette.search;

import dev.gazette.article.SearchableArticle;
import dev.gazette.comment.SearchableComment;
import java.time.Instant;
import java.util.Collection;

/**
 * The line between Gazette and a search engine: documents in, queries out, and the change-feed position the engine
 * has made durable. The embedded Lucene implementation keeps one index per node (articles and comments side by side);
 * a cluster (OpenSearch) shared by all nodes would implement the same operations, keeping the position in its own
 * index metadata.
 */
public interface SearchEngine {

	/**
	 * The id of the last feed row whose effect is in the index (durable at start; then what was last published or
	 * committed); {@code -1} when the index has to be built from the database first (it is new, was lost or could not
	 * be read).
	 */
	long appliedThrough();

	/** Replaces these articles' documents (any state: queries ask for what readers may see) and drops {@code gone}. */
	void put(Collection<SearchableArticle> articles, Collection<Long> gone);

	/**
	 * Makes everything put so far visible to searches, not yet durable: a node that stops before the next
	 * {@link #commit} applies those feed rows again when it starts. Cheap enough to run after every few posts.
	 */
	void publish(long appliedThrough);

	/** Makes everything put so far durable, together with the feed position it reaches, and visible to searches. */
	void commit(long appliedThrough);

	/**
	 * Replaces these comments' documents (any status: moderators search them all, readers never do) and drops
	 * {@code gone} comments and every comment of the articles {@code goneArticles}.
	 */
	void putComments(Collection<SearchableComment> comments, Collection<Long> gone, Collection<Long> goneArticles);

	/** Drops every document, before a rebuild. */
	void clear();

	/** Published articles (by the index) matching a reader's query at {@code now}. */
	ArticleHits search(ArticleQuery query, Instant now);

	/** Comments in any status matching a moderator's query; statuses as the index last heard them. */
	CommentHits searchComments(CommentQuery query);

	/**
	 * Articles in any state matching words in the headline, standfirst, body or writers' names, best first: the
	 * newsroom's search, whose caller applies who may see what.
	 * @return at most {@code limit} ids
	 */
	java.util.List<Long> searchAllArticles(String text, int limit);
}
