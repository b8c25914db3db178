package dev.gazette.comment;

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
import dev.gazette.comment.CommenterIdentity.Badge;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads a discussion's {@link DiscussionDetails} when its snapshot is built: one query for the recommendation counts,
 * one for the picks, and one look-up per commenting account (the snapshot is built once per change of the
 * discussion, not per reader). A role granted or an address confirmed shows from the discussion's next change.
 */
@Component
class DiscussionDetailsReader {

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

	DiscussionDetails read(long articleId, Collection<Comment> comments) {
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
		List<Picked> picked = jdbc.sql("select id, featured_by, featured_at from comment where id in (:ids)")
			.param("ids", featured.keySet())
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
