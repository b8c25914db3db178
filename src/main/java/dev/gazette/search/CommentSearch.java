package dev.gazette.search;

import dev.gazette.account.Accounts;
import dev.gazette.comment.Comments;
import dev.gazette.comment.SearchableComment;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

/**
 * Moderators' searches over comments in every status. The index answers; the database then has the last word on
 * each hit's status and name, so a comment rejected on another node a moment ago shows as rejected (and drops out of
 * a search for published ones) before this node's index hears of it.
 * <p>
 * An e-mail address finds a guest's comments by the address they gave (a keyword in the index, exact and lower case)
 * and an account holder's by the account the address belongs to (looked up when searching, so a changed address
 * needs no reindexing).
 */
@Service
public class CommentSearch {

	private final SearchEngine engine;

	private final Comments comments;

	private final Accounts accounts;

	private final SearchIndexer indexer;

	CommentSearch(SearchEngine engine, Comments comments, Accounts accounts, SearchIndexer indexer) {
		this.engine = engine;
		this.indexer = indexer;
		this.comments = comments;
		this.accounts = accounts;
	}

	public CommentHits search(CommentQuery query) {
		CommentQuery asked = query;
		if (query.email() != null) {
			Set<Long> owners = new HashSet<>(query.accountIds());
			accounts.findByEmail(query.email()).ifPresent(account -> owners.add(account.id()));
			asked = query.withAccounts(owners);
		}
		indexer.readThrough();
		CommentHits hits = engine.searchComments(asked);
		if (hits.items().isEmpty()) {
			return hits;
		}
		Map<Long, SearchableComment> now = comments.searchable(hits.items().stream().map(CommentHits.Hit::id).toList())
			.stream()
			.collect(Collectors.toMap(SearchableComment::id, Function.identity()));
		List<CommentHits.Hit> current = hits.items()
			.stream()
			.filter(hit -> now.containsKey(hit.id()))
			.map(hit -> hit.as(now.get(hit.id()).status().key(), now.get(hit.id()).authorName()))
			.filter(hit -> query.statuses().isEmpty() || query.statuses().contains(hit.status()))
			.toList();
		return new CommentHits(current,
				hits.totalIsLowerBound() ? hits.total()
						: Math.max(0, hits.total() - (hits.items().size() - current.size())),
				hits.totalIsLowerBound(), hits.page(), hits.size());
	}
}
