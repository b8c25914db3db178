package dev.gazette.comment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import dev.gazette.article.ArticleCatalog;
import dev.gazette.comment.Comment;
import dev.gazette.comment.CommentProperties;
import dev.gazette.comment.CommentDraft;
import dev.gazette.comment.CommentStatus;
import dev.gazette.comment.Commenter;
import dev.gazette.comment.Commenting;
import dev.gazette.comment.Comments;
import dev.gazette.comment.Discussion;
import dev.gazette.comment.DiscussionSort;
import dev.gazette.comment.Discussions;
import dev.gazette.support.Newsroom;
import dev.gazette.support.Newsroom.Published;
import dev.gazette.support.RunningGazette;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A node brings its kept discussion up to date by reading only the comments that changed since its copy's version
 * (issue 14 item 3), and still shows every change made anywhere on its next read: a comment posted, edited,
 * moderated, deleted or featured through another node (the writes below go to the database as any node's would; this
 * node learns of them only from there), and a change that records no comment (a write that only bumps the version)
 * makes it read every comment again.
 */
@RunningGazette
class DiscussionsAcrossNodesTests {

	private static final Instant NOW = Instant.parse(RunningGazette.NOW);

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	Comments comments;

	@Autowired
	Commenting commenting;

	@Autowired
	Discussions discussions;

	@Autowired
	CommentRepository repository;

	@Autowired
	DiscussionDetailsReader details;

	@Autowired
	CommentProperties properties;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DiscussionRows rows;

	@Autowired
	TransactionTemplate transaction;

	Published article;

	long first;

	long second;

	@BeforeEach
	void threeThreads() {
		article = new Newsroom(catalog).article().publish();
		first = comments.importComment(article.id(), null, "Ayelet", "The first view.", CommentStatus.PUBLISHED, NOW.minusSeconds(300));
		second = comments.importComment(article.id(), null, "Burak", "The second view.", CommentStatus.PUBLISHED, NOW.minusSeconds(200));
		comments.importComment(article.id(), first, "Chana", "An answer to the first.", CommentStatus.PUBLISHED, NOW.minusSeconds(100));
		assertThat(discussions.discussion(article.id()).publishedComments()).isEqualTo(3);
	}

	@Test
	void aChangeElsewhereIsReadFromTheChangedCommentsAlone() {
		// Behind the node's back and without a new version: a full read would show it, an update from the changes not.
		jdbc.sql("update comment set body_html = '<p>Never read.</p>' where id = :id").param("id", second).update();
		long reply = comments.importComment(article.id(), first, "Dilek", "Posted on another node.", CommentStatus.PUBLISHED, NOW);

		Discussion now = discussions.discussion(article.id());
		assertThat(now.publishedComments()).isEqualTo(4);
		assertThat(now.contains(reply)).isTrue();
		assertThat(text(now, second)).as("an unchanged comment is not read again").isEqualTo("<p>The second view.</p>");
		assertThat(now.tree(DiscussionSort.OLDEST).get(0).replies()).extracting(node -> node.comment().id()).contains(reply);
	}

	@Test
	void aChangeThatRecordsNoCommentMakesTheNodeReadEveryComment() {
		jdbc.sql("update comment set body_html = '<p>The second wording.</p>' where id = :id").param("id", second).update();
		jdbc.sql("update discussion set version = version + 1 where article_id = :article").param("article", article.id()).update();
		comments.importComment(article.id(), null, "Dilek", "Posted after it.", CommentStatus.PUBLISHED, NOW);

		assertThat(text(discussions.discussion(article.id()), second)).isEqualTo("<p>The second wording.</p>");
	}

	@Test
	void postsEditsModerationDeletionsAndPicksElsewhereReadAsAFullRebuildWould() {
		long held = comments.importComment(article.id(), second, "Eli", "Held for a moderator.", CommentStatus.PENDING, NOW);
		assertSameAsFullRead("a held reply");
		assertThat(discussions.discussion(article.id()).contains(held)).isFalse();

		comments.moderate(held, CommentStatus.PUBLISHED);
		assertSameAsFullRead("the reply published");
		assertThat(discussions.discussion(article.id()).contains(held)).isTrue();

		comments.moderate(second, CommentStatus.REJECTED);
		assertSameAsFullRead("a thread's first comment rejected, its reply still visible");
		assertThat(discussions.discussion(article.id()).tree(DiscussionSort.OLDEST).get(1).comment().status())
			.as("a placeholder").isEqualTo(CommentStatus.REJECTED);

		comments.moderate(held, CommentStatus.REJECTED);
		assertSameAsFullRead("the reply rejected too");
		assertThat(discussions.discussion(article.id()).contains(second)).as("no visible reply, no placeholder").isFalse();

		comments.feature(first, true);
		assertSameAsFullRead("a pick");
		assertThat(discussions.discussion(article.id()).details().featuredIds()).containsExactly(first);

		long own = comments.importComment(article.id(), first, "Fatma", 4242L, "Mine to take back.", CommentStatus.PUBLISHED, NOW);
		assertSameAsFullRead("an account's reply");
		assertThat(commenting.deleteOwn(own, 4242L)).isEmpty();
		assertSameAsFullRead("the reply deleted by its author");
		assertThat(discussions.discussion(article.id()).publishedComments()).isEqualTo(2);

		comments.feature(first, false);
		assertSameAsFullRead("the pick taken back");
		assertThat(discussions.discussion(article.id()).details().featured()).isEmpty();
	}

	@Test
	void postsCommittedTogetherShareOneVersionAndEachIsCounted() {
		long before = discussions.discussion(article.id()).version();
		// As a group commit writes them: one transaction for several posts to one article.
		List<Long> posted = transaction.execute(status -> List.of(post("Together, the first.", null),
				post("Together, an answer.", first), post("Together, the third.", null)));

		assertThat(stamps(posted)).as("one version for the three, one past the copy kept").containsOnly(before + 1);
		assertThat(discussions.discussion(article.id()).version()).isEqualTo(before + 1);
		assertSameAsFullRead("three posts committed together");
		assertThat(discussions.discussion(article.id()).publishedComments()).isEqualTo(6);
		assertThat(rows.publishedCounts(List.of(article.id()))).as("the count the article lists show")
			.containsEntry(article.id(), 6);

		long alone = post("Then one on its own.", second);
		assertThat(stamps(List.of(alone))).containsOnly(before + 2);
		assertSameAsFullRead("a post after them");
		assertThat(rows.publishedCounts(List.of(article.id()))).containsEntry(article.id(), 7);
	}

	private long post(String body, Long parent) {
		var outcome = commenting.submit(article.slug(), new CommentDraft(body, parent),
				new Commenter(null, "Group Commit Reader", null));
		return outcome.stored().orElseThrow(() -> new AssertionError("not stored: " + outcome)).id();
	}

	private List<Long> stamps(List<Long> ids) {
		return jdbc.sql("select changed_in from comment where id = any(:ids)")
			.param("ids", new SqlArrayValue("bigint", ids.toArray()))
			.query(Long.class)
			.list();
	}

	private void assertSameAsFullRead(String after) {
		Discussion kept = discussions.discussion(article.id());
		List<Comment> stored = repository.ofArticle(article.id());
		Discussion full = Discussion.of(kept.version(), stored, properties.repliesPerThread(), properties.pageComments(),
				properties.pagedPageComments(), details.read(article.id(), stored));
		assertThat(kept.publishedComments()).as(after).isEqualTo(full.publishedComments());
		assertThat(kept.details()).as(after).isEqualTo(full.details());
		for (DiscussionSort sort : DiscussionSort.values()) {
			assertThat(kept.tree(sort)).as(after + ", " + sort).isEqualTo(full.tree(sort));
			assertThat(kept.page(sort, 1, 50)).as(after + ", " + sort).isEqualTo(full.page(sort, 1, 50));
		}
		assertThat(kept.thread(first, 1)).as(after).isEqualTo(full.thread(first, 1));
	}

	private static String text(Discussion discussion, long id) {
		return discussion.tree(DiscussionSort.OLDEST).stream()
			.filter(node -> node.comment().id() == id)
			.findFirst()
			.orElseThrow()
			.comment()
			.bodyHtml();
	}
}
