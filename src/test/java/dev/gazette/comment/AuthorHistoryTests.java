package dev.gazette.comment;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import dev.gazette.article.ArticleCatalog;
import dev.gazette.support.Newsroom;
import dev.gazette.support.Newsroom.Published;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The standing screening judges a commenter on ({@link Comments#historyOf}): a guest by the address they gave, never
 * mixed with another guest's or a member's comments, each figure counted over the right span.
 */
@SpringBootTest
class AuthorHistoryTests {

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	Comments comments;

	Published article;

	Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	Instant since = now.minus(30, ChronoUnit.DAYS);

	String guest = "ayse-" + System.nanoTime() + "@example.org";

	@BeforeEach
	void publishAnArticle() {
		article = new Newsroom(catalog).article().publish();
	}

	@Test
	void aGuestIsJudgedOnTheirOwnCommentsRecentAndEver() {
		Instant old = now.minus(90, ChronoUnit.DAYS);
		byGuest(guest, CommentStatus.PUBLISHED, old);
		byGuest(guest, CommentStatus.REJECTED, old);
		byGuest(guest, CommentStatus.PUBLISHED, now.minus(1, ChronoUnit.DAYS));
		byGuest(guest, CommentStatus.PUBLISHED, now.minus(2, ChronoUnit.DAYS));
		byGuest(guest, CommentStatus.REJECTED, now.minus(3, ChronoUnit.DAYS));
		byGuest(guest, CommentStatus.PENDING, now.minus(4, ChronoUnit.HOURS));
		// Neither another guest's comments nor a member's count, though the member's carry the same name.
		byGuest("someone-else-" + guest, CommentStatus.REJECTED, now);
		comments.importComment(article.id(), null, "Ayşe Yılmaz", null, null, "No address given.",
				CommentStatus.REJECTED, now);

		AuthorHistory history = comments.historyOf(null, guest, since);

		assertThat(history.published()).as("published since").isEqualTo(2);
		assertThat(history.rejected()).as("rejected since").isEqualTo(1);
		assertThat(history.pending()).as("held since").isEqualTo(1);
		assertThat(history.total()).as("every comment ever").isEqualTo(6);
		assertThat(history.publishedEver()).as("published ever").isEqualTo(3);
	}

	@Test
	void aGuestWhoNeverPostedHasNoHistory() {
		AuthorHistory history = comments.historyOf(null, "first-time-" + guest, since);

		assertThat(history).isEqualTo(new AuthorHistory(0, 0, 0, 0, 0));
	}

	@Test
	void screeningReadsTheAuthorsOwnLatestCommentsOfThePeriodNewestFirst() {
		byGuest(guest, CommentStatus.PUBLISHED, now.minus(90, ChronoUnit.DAYS));
		byGuest(guest, CommentStatus.REJECTED, now.minus(3, ChronoUnit.DAYS));
		byGuest(guest, CommentStatus.PUBLISHED, now.minus(1, ChronoUnit.DAYS));
		byGuest("someone-else-" + guest, CommentStatus.PUBLISHED, now);

		List<RecentComment> recent = comments.recentBy(null, guest, since);

		assertThat(recent).extracting(RecentComment::status)
			.containsExactly(CommentStatus.PUBLISHED, CommentStatus.REJECTED);
		assertThat(recent).extracting(RecentComment::createdAt)
			.containsExactly(now.minus(1, ChronoUnit.DAYS), now.minus(3, ChronoUnit.DAYS));
		assertThat(recent.get(0).body()).isEqualTo("A view of my own, " + CommentStatus.PUBLISHED + ".");
	}

	@Test
	void screeningReadsNoMoreThanTheLatestHundred() {
		for (int i = 0; i < Comments.RECENT_LIMIT + 5; i++) {
			byGuest(guest, CommentStatus.PUBLISHED, now.minus(2, ChronoUnit.DAYS).plusSeconds(i));
		}

		List<RecentComment> recent = comments.recentBy(null, guest, since);

		assertThat(recent).hasSize(Comments.RECENT_LIMIT);
		assertThat(recent.get(0).createdAt()).isEqualTo(now.minus(2, ChronoUnit.DAYS).plusSeconds(104));
		assertThat(recent.get(recent.size() - 1).createdAt()).isEqualTo(now.minus(2, ChronoUnit.DAYS).plusSeconds(5));
	}

	private void byGuest(String email, CommentStatus status, Instant at) {
		comments.importComment(article.id(), null, "Ayşe Yılmaz", null, email, "A view of my own, " + status + ".",
				status, at);
	}
}
