package dev.gazette.changes;

import java.util.List;

import dev.gazette.article.ArticleCatalog;
import dev.gazette.article.DiscussionSettings;
import dev.gazette.comment.Comment;
import dev.gazette.comment.CommentDraft;
import dev.gazette.comment.CommentStatus;
import dev.gazette.comment.Commenter;
import dev.gazette.comment.Commenting;
import dev.gazette.comment.Comments;
import dev.gazette.support.Newsroom;
import dev.gazette.support.Newsroom.Published;
import dev.gazette.support.RunningGazette;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the live pages and the search index read: one row for each comment and article a transaction changed, with
 * what happened to it, and nothing for a transaction that rolled back.
 */
@RunningGazette
class ChangeLogTests {

	@Autowired
	Commenting commenting;

	@Autowired
	Comments comments;

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	ChangeLog log;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void aPostIsOneRowThatSaysItWasPublishedWhereAndInReplyToWhat() {
		Published article = new Newsroom(catalog).article().publish();
		Comment first = post(article, "Oğuz Kayıtçı", "The new tram line skips the old market.", null);
		Comment reply = post(article, "תמר מהיומן", "It stops there on Sundays 🚋", first.id());

		assertThat(rowsAbout(first.id())).extracting(ChangeLog.Change::kind).containsExactly("published");
		assertThat(rowsAbout(reply.id())).singleElement().satisfies(row -> {
			assertThat(row.kind()).isEqualTo("published");
			assertThat(row.articleSlug()).isEqualTo(article.slug());
			assertThat(row.parentId()).isEqualTo(first.id());
		});
		assertThat(log.publishedAfter(article.slug(), 0, 10)).extracting(ChangeLog.Change::subjectId)
			.containsExactly(first.id(), reply.id());
	}

	@Test
	void aHeldPostIsOneRowForTheModeratorsAndADecisionIsAnother() {
		Published article = new Newsroom(catalog).article().publish();
		catalog.changeDiscussion(article.slug(), true, new DiscussionSettings(true, null, null));
		long before = log.last();
		Comment held = post(article, "Harbour Watcher", "Every post here waits for a moderator.", null);
		assertThat(held.status()).isEqualTo(CommentStatus.PENDING);

		comments.moderate(held.id(), CommentStatus.REJECTED);

		assertThat(rowsAbout(held.id())).extracting(ChangeLog.Change::kind).containsExactly("pending", "comment");
		assertThat(log.publishedAfter(article.slug(), 0, 10)).as("nothing for the article's readers").isEmpty();
		assertThat(log.pendingAfter(before, 10)).extracting(ChangeLog.Change::subjectId).containsExactly(held.id());
	}

	@Test
	void commentsCommittedTogetherHaveARowEachAndARolledBackOneNone() {
		Published article = new Newsroom(catalog).article().publish();
		List<Comment> together = transaction.execute(status -> List.of(
				post(article, "Mira Halevi", "First of two in one transaction.", null),
				post(article, "Yusuf Arslan", "Second of two in one transaction.", null)));
		Comment undone = transaction.execute(status -> {
			Comment posted = post(article, "Dalia Rollback", "This one is rolled back.", null);
			status.setRollbackOnly();
			return posted;
		});

		List<ChangeLog.Change> first = rowsAbout(together.get(0).id());
		List<ChangeLog.Change> second = rowsAbout(together.get(1).id());
		assertThat(first).extracting(ChangeLog.Change::kind).containsExactly("published");
		assertThat(second).extracting(ChangeLog.Change::kind).containsExactly("published");
		assertThat(second.get(0).id()).as("written in one batch, in order").isEqualTo(first.get(0).id() + 1);
		assertThat(rowsAbout(undone.id())).isEmpty();
		assertThat(comments.find(undone.id())).isEmpty();
	}

	@Test
	void aTransactionOfItsOwnInsideAnotherWritesItsOwnRowsWhenItCommits() {
		Published outerArticle = new Newsroom(catalog).article().publish();
		Published innerArticle = new Newsroom(catalog).article().publish();
		TransactionTemplate own = new TransactionTemplate(transactions);
		own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		long[] ids = new long[2];
		transaction.executeWithoutResult(status -> {
			ids[0] = post(outerArticle, "Outer Writer", "Rolled back with the outer transaction.", null).id();
			ids[1] = own.execute(inner -> post(innerArticle, "Inner Writer", "Committed on its own.", null)).id();
			status.setRollbackOnly();
		});

		assertThat(rowsAbout(ids[1])).extracting(ChangeLog.Change::kind).containsExactly("published");
		assertThat(rowsAbout(ids[0])).isEmpty();
	}

	@Test
	void anArticleChangeIsARowAboutTheArticle() {
		long before = log.last();
		Published article = new Newsroom(catalog).article().headline("Tram line opens").publish();

		List<ChangeLog.Change> rows = log.after(before, 100);
		assertThat(rows).filteredOn(row -> row.subjectId() == article.id() && !row.isComment())
			.extracting(ChangeLog.Change::kind)
			.isNotEmpty()
			.containsOnly("article");
	}

	private Comment post(Published article, String name, String body, Long parent) {
		var outcome = commenting.submit(article.slug(), new CommentDraft(body, parent), new Commenter(null, name, null));
		return outcome.stored().orElseThrow(() -> new AssertionError(name + ": not stored: " + outcome));
	}

	private List<ChangeLog.Change> rowsAbout(long commentId) {
		return log.after(0, 100_000).stream().filter(row -> row.isComment() && row.subjectId() == commentId).toList();
	}
}
