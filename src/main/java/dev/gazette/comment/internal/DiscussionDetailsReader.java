package dev.gazette.comment.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.gazette.account.Account;
import dev.gazette.account.Accounts;
import dev.gazette.account.Role;
import dev.gazette.article.Article;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.article.Author;
import dev.gazette.article.AuthorProfile;
import dev.gazette.article.Contributors;
import dev.gazette.comment.Comment;
import dev.gazette.comment.CommenterIdentity;
import dev.gazette.comment.CommenterIdentity.Badge;
import dev.gazette.comment.DiscussionDetails;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;

/**
 * Reads a discussion's {@link DiscussionDetails} when its snapshot is built: one query for the recommendation counts,
 * one for the picks, and one look-up per commenting account (the snapshot is built once per change of the
 * discussion, not per reader). When a snapshot is brought up to date from the comments that changed
 * ({@link #update}), only their accounts, counts and picks are read again: a role granted or an address confirmed
 * shows from that account's next comment (or edit), or from the discussion's first change after its next full read
 * ({@link Discussions#READ_IN_FULL_EVERY}).
 */
@Component
public class DiscussionDetailsReader {

	private final JdbcClient jdbc;

	private final Accounts accounts;

	private final ArticleCatalog articles;

	private final Contributors contributors;

	DiscussionDetailsReader(JdbcClient jdbc, Accounts accounts, ArticleCatalog articles, Contributors contributors) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.articles = articles;
		this.contributors = contributors;
	}

	public DiscussionDetails read(long articleId, Collection<Comment> comments) {
		Set<Long> writers = writersOf(articleId);
		Map<Long, CommenterIdentity> identities = new HashMap<>();
		Map<Long, Account> found = new HashMap<>();
		for (Comment comment : comments) {
			Long id = comment.accountId();
			if (id != null && !identities.containsKey(id)) {
				accounts.find(id).ifPresent(account -> found.put(id, account));
				identities.put(id, found.containsKey(id) ? identity(found.get(id), writers.contains(id))
						: CommenterIdentity.GONE);
			}
		}
		return new DiscussionDetails(Map.copyOf(identities), recommendations(articleId), picks(comments, found));
	}

	/**
	 * The details of {@code before} brought up to date for the comments in {@code changed} (as stored now): their
	 * authors' accounts looked up again, their recommendation counts counted again, and the picks read again when
	 * one of them is or was a pick.
	 */
	public DiscussionDetails update(long articleId, DiscussionDetails before, Collection<Comment> changed) {
		if (changed.isEmpty()) {
			return before;
		}
		Map<Long, CommenterIdentity> identities = new HashMap<>(before.identities());
		Map<Long, Account> found = new HashMap<>();
		Set<Long> writers = null;
		for (Comment comment : changed) {
			Long id = comment.accountId();
			if (id != null && !found.containsKey(id)) {
				writers = writers == null ? writersOf(articleId) : writers;
				Optional<Account> account = accounts.find(id);
				account.ifPresent(a -> found.put(id, a));
				identities.put(id, account.isPresent() ? identity(account.get(), writers.contains(id)) : CommenterIdentity.GONE);
			}
		}
		Map<Long, Integer> recommendations = new HashMap<>(before.recommendations());
		Set<Long> ids = new HashSet<>();
		changed.forEach(comment -> ids.add(comment.id()));
		ids.forEach(recommendations::remove);
		jdbc.sql("select comment_id, count(*) as n from comment_recommendation where comment_id = any(:ids) group by comment_id")
			.param("ids", new SqlArrayValue("bigint", ids.toArray()))
			.query(rs -> {
				recommendations.put(rs.getLong("comment_id"), rs.getInt("n"));
			});
		List<DiscussionDetails.Pick> picks = before.featured();
		Map<Long, Comment> candidates = new HashMap<>();
		picks.forEach(pick -> candidates.put(pick.comment().id(), pick.comment()));
		boolean picksChanged = false;
		for (Comment comment : changed) {
			if (comment.featured() || candidates.containsKey(comment.id())) {
				candidates.put(comment.id(), comment);
				picksChanged = true;
			}
		}
		if (picksChanged) {
			picks = picks(candidates.values(), found);
		}
		return new DiscussionDetails(Map.copyOf(identities), Map.copyOf(recommendations), picks);
	}

	/** The accounts the article's byline authors write from. */
	private Set<Long> writersOf(long articleId) {
		Set<Long> writers = new HashSet<>();
		articles.slugOf(articleId).flatMap(articles::find).map(Article::authors).orElse(List.of())
			.stream()
			.map(Author::id)
			.forEach(authorId -> contributors.author(authorId)
				.map(AuthorProfile::accountId)
				.ifPresent(writers::add));
		return writers;
	}

	static CommenterIdentity identity(Account account, boolean writesTheArticle) {
		List<Badge> badges = new ArrayList<>();
		staffBadge(account.roles()).ifPresent(badges::add);
		if (writesTheArticle) {
			badges.add(Badge.AUTHOR);
		}
		if (account.emailVerified()) {
			badges.add(Badge.VERIFIED);
		}
		return new CommenterIdentity(List.copyOf(badges), account.avatarPath(), account.profilePath());
	}

	/** The highest of the newsroom's roles an account holds; contributors (outside bloggers) are not staff. */
	private static Optional<Badge> staffBadge(Set<Role> roles) {
		if (roles.contains(Role.ADMIN)) {
			return Optional.of(new Badge("Admin", "staff"));
		}
		if (roles.contains(Role.EDITOR)) {
			return Optional.of(new Badge("Editor", "staff"));
		}
		if (roles.contains(Role.MODERATOR)) {
			return Optional.of(new Badge("Moderator", "staff"));
		}
		if (roles.contains(Role.AUTHOR)) {
			return Optional.of(new Badge("Staff", "staff"));
		}
		return Optional.empty();
	}

	private Map<Long, Integer> recommendations(long articleId) {
		Map<Long, Integer> counts = new HashMap<>();
		jdbc.sql("""
				select r.comment_id, count(*) as n from comment_recommendation r join comment c on c.id = r.comment_id
				where c.article_id = :article group by r.comment_id""")
			.param("article", articleId)
			.query(rs -> {
				counts.put(rs.getLong("comment_id"), rs.getInt("n"));
			});
		return Map.copyOf(counts);
	}

	private List<DiscussionDetails.Pick> picks(Collection<Comment> comments, Map<Long, Account> known) {
		Map<Long, Comment> featured = new HashMap<>();
		comments.stream().filter(c -> c.featured() && c.isPublished()).forEach(c -> featured.put(c.id(), c));
		if (featured.isEmpty()) {
			return List.of();
		}
		record Picked(long id, Long by, OffsetDateTime at) {
		}
		List<Picked> picked = jdbc.sql("select id, featured_by, featured_at from comment where id = any(:ids)")
			.param("ids", new SqlArrayValue("bigint", featured.keySet().toArray()))
			.query((rs, n) -> {
				long by = rs.getLong("featured_by");
				return new Picked(rs.getLong("id"), rs.wasNull() ? null : by, rs.getObject("featured_at", OffsetDateTime.class));
			})
			.list();
		List<Picked> latestFirst = new ArrayList<>(picked);
		latestFirst.sort(Comparator.comparing(Picked::at, Comparator.nullsLast(
				Comparator.<OffsetDateTime>naturalOrder().reversed())).thenComparingLong(Picked::id));
		Set<DiscussionDetails.Pick> picks = new LinkedHashSet<>();
		for (Picked pick : latestFirst) {
			String by = pick.by() == null ? null
					: known.containsKey(pick.by()) ? known.get(pick.by()).displayName()
							: accounts.find(pick.by()).map(Account::displayName).orElse(null);
			picks.add(new DiscussionDetails.Pick(featured.get(pick.id()), by));
		}
		return List.copyOf(picks);
	}
}
