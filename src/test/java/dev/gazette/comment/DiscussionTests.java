package dev.gazette.comment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DiscussionTests {

	private static final int REPLIES_PER_THREAD = 30;

	private final Conversation talk = new Conversation();

	@Nested
	class OrderingThreads {

		@Test
		void threadsReadOldestFirstByDefault() {
			Comment first = talk.post("Ayelet");
			Comment second = talk.post("Burak");
			Comment third = talk.post("Chana");

			assertThat(roots(talk.discussion().page(DiscussionSort.OLDEST, 1, 50))).containsExactly(first, second, third);
			assertThat(talk.discussion().tree(DiscussionSort.OLDEST).stream().map(CommentNode::comment))
				.containsExactly(first, second, third);
		}

		@Test
		void newestSortPutsTheLatestThreadFirst() {
			Comment first = talk.post("Ayelet");
			Comment second = talk.post("Burak");
			talk.reply(first, "Chana");
			Comment third = talk.post("Dilek");

			assertThat(roots(talk.discussion().page(DiscussionSort.NEWEST, 1, 50))).containsExactly(third, second, first);
		}

		@Test
		void mostRepliesSortCountsEveryReplyBelowATopLevelComment() {
			Comment quiet = talk.post("Ayelet");
			Comment busy = talk.post("Burak");
			Comment deep = talk.post("Chana");
			Comment alsoQuiet = talk.post("Dilek");
			talk.reply(busy, "Eli");
			talk.reply(busy, "Fatma");
			// One direct reply with two replies of its own: three in all, more than busy's two.
			Comment answer = talk.reply(deep, "Gil");
			talk.reply(talk.reply(answer, "Hana"), "Idan");

			assertThat(roots(talk.discussion().page(DiscussionSort.REPLIES, 1, 50)))
				.containsExactly(deep, busy, quiet, alsoQuiet);
		}

		@Test
		void theOrderOfTheStoredCommentsDoesNotMatter() {
			Comment first = talk.post("Ayelet");
			Comment reply = talk.reply(first, "Burak");
			Comment second = talk.post("Chana");
			List<Comment> shuffled = new ArrayList<>(talk.all());
			Collections.shuffle(shuffled, new Random(7));

			Discussion discussion = Discussion.of(1, shuffled, REPLIES_PER_THREAD);

			assertThat(roots(discussion.page(DiscussionSort.OLDEST, 1, 50))).containsExactly(first, second);
			assertThat(discussion.tree(DiscussionSort.OLDEST).get(0).replies().get(0).comment()).isEqualTo(reply);
		}

		@Test
		void commentsPostedInTheSameInstantKeepTheOrderTheyWereStoredIn() {
			talk.freezeClock();
			Comment first = talk.post("Ayelet");
			Comment second = talk.post("Burak");
			Comment reply = talk.reply(first, "Chana");

			Discussion discussion = talk.discussion();

			assertThat(roots(discussion.page(DiscussionSort.OLDEST, 1, 50))).containsExactly(first, second);
			assertThat(discussion.tree(DiscussionSort.OLDEST).get(0).replies()).extracting(CommentNode::comment)
				.containsExactly(reply);
		}
	}

	@Nested
	class RepliesInAThread {

		@Test
		void repliesReadInConversationOrderDepthFirst() {
			Comment root = talk.post("Ayelet");
			Comment early = talk.reply(root, "Burak");
			Comment later = talk.reply(root, "Chana");
			Comment answerToEarly = talk.reply(early, "Dilek");

			DisplayComment shown = talk.discussion().page(DiscussionSort.OLDEST, 1, 50).threads().get(0).root();

			assertThat(shown.comment()).isEqualTo(root);
			assertThat(shown.replies()).extracting(DisplayComment::comment).containsExactly(early, later);
			assertThat(shown.replies().get(0).replies()).extracting(DisplayComment::comment)
				.containsExactly(answerToEarly);
			assertThat(flatten(shown)).containsExactly(root, early, answerToEarly, later);
		}

		@Test
		void theApiTreeNestsRepliesToAnyDepthAndCountsDescendants() {
			Comment root = talk.post("Ayelet");
			Comment chain = root;
			for (int i = 0; i < 6; i++) {
				chain = talk.reply(chain, "Replier " + i);
			}

			CommentNode tree = talk.discussion().tree(DiscussionSort.OLDEST).get(0);

			assertThat(tree.descendants()).isEqualTo(6);
			CommentNode node = tree;
			int depth = 0;
			while (!node.replies().isEmpty()) {
				node = node.replies().get(0);
				depth++;
			}
			assertThat(depth).isEqualTo(6);
			assertThat(node.comment()).isEqualTo(chain);
		}

		@Test
		void aLongChainIsShownAtMostThreeLevelsDeepAndSaysWhomEachDeepReplyAnswers() {
			Comment root = talk.post("Ayelet");
			Comment second = talk.reply(root, "Burak");
			Comment third = talk.reply(second, "Chana");
			Comment fourth = talk.reply(third, "Dilek");
			Comment fifth = talk.reply(fourth, "Eli");
			Comment sixth = talk.reply(fifth, "Fatma");

			DisplayComment shown = talk.discussion().page(DiscussionSort.OLDEST, 1, 50).threads().get(0).root();

			assertThat(levels(shown)).isEqualTo(DisplayComment.MAX_LEVELS);
			DisplayComment levelTwo = shown.replies().get(0);
			assertThat(levelTwo.comment()).isEqualTo(second);
			assertThat(levelTwo.inReplyTo()).isNull();
			assertThat(levelTwo.replies()).extracting(DisplayComment::comment)
				.containsExactly(third, fourth, fifth, sixth);
			// The nesting already says that the third answers the second; the others answer someone else.
			assertThat(levelTwo.replies()).extracting(DisplayComment::inReplyTo)
				.containsExactly(null, "Chana", "Dilek", "Eli");
		}

		@Test
		void aDeepReplyToAnAnonymousCommenterSaysAnonymous() {
			Comment root = talk.post("Ayelet");
			Comment anonymous = talk.reply(talk.reply(root, "Burak"), " ");
			Comment answer = talk.reply(anonymous, "Chana");

			DisplayComment levelTwo = talk.discussion().page(DiscussionSort.OLDEST, 1, 50).threads().get(0).root()
				.replies().get(0);

			assertThat(levelTwo.replies()).filteredOn(shown -> shown.comment().equals(answer))
				.extracting(DisplayComment::inReplyTo)
				.containsExactly("Anonymous");
		}
	}

	@Nested
	class Paging {

		@Test
		void threadsComeInPagesOfTheGivenSize() {
			List<Comment> threads = new ArrayList<>();
			for (int i = 0; i < 120; i++) {
				threads.add(talk.post("Reader " + i));
			}
			Discussion discussion = talk.discussion();

			DiscussionPage first = discussion.page(DiscussionSort.OLDEST, 1, 50);
			DiscussionPage second = discussion.page(DiscussionSort.OLDEST, 2, 50);
			DiscussionPage third = discussion.page(DiscussionSort.OLDEST, 3, 50);

			assertThat(roots(first)).containsExactlyElementsOf(threads.subList(0, 50));
			assertThat(roots(second)).containsExactlyElementsOf(threads.subList(50, 100));
			assertThat(roots(third)).containsExactlyElementsOf(threads.subList(100, 120));
			assertThat(Stream.of(first, second, third).map(DiscussionPage::hasNext)).containsExactly(true, true, false);
			assertThat(Stream.of(first, second, third).map(DiscussionPage::hasPrevious)).containsExactly(false, true, true);
			assertThat(first.totalThreads()).isEqualTo(120);
		}

		@Test
		void aPageBeyondTheLastIsEmptyAndAPageBeforeTheFirstIsTheFirst() {
			for (int i = 0; i < 3; i++) {
				talk.post("Reader " + i);
			}
			Discussion discussion = talk.discussion();

			assertThat(discussion.page(DiscussionSort.OLDEST, 9, 2).threads()).isEmpty();
			assertThat(discussion.page(DiscussionSort.OLDEST, 9, 2).hasNext()).isFalse();
			assertThat(discussion.page(DiscussionSort.OLDEST, -1, 2).page()).isEqualTo(1);
			assertThat(discussion.page(DiscussionSort.OLDEST, 0, 2).threads()).hasSize(2);
		}

		@Test
		void aLongThreadShowsItsFirstRepliesAndCountsTheRest() {
			Comment root = talk.post("Ayelet");
			List<Comment> replies = new ArrayList<>();
			for (int i = 0; i < 250; i++) {
				replies.add(talk.reply(root, "Reader " + i));
			}

			ThreadView thread = talk.discussion().page(DiscussionSort.OLDEST, 1, 50).threads().get(0);

			assertThat(thread.replyCount()).isEqualTo(250);
			assertThat(thread.hiddenReplies()).isEqualTo(250 - REPLIES_PER_THREAD);
			assertThat(flatten(thread.root())).containsExactlyElementsOf(
					Stream.concat(Stream.of(root), replies.subList(0, REPLIES_PER_THREAD).stream()).toList());
		}

		@Test
		void aThreadWithNoMoreRepliesThanShownHidesNone() {
			Comment root = talk.post("Ayelet");
			for (int i = 0; i < REPLIES_PER_THREAD; i++) {
				talk.reply(root, "Reader " + i);
			}

			ThreadView thread = talk.discussion().page(DiscussionSort.OLDEST, 1, 50).threads().get(0);

			assertThat(thread.hiddenReplies()).isZero();
			assertThat(flatten(thread.root())).hasSize(REPLIES_PER_THREAD + 1);
		}

		@Test
		void aDiscussionOfAtMostTheFullPageSizeIsShownWhole() {
			for (int t = 0; t < 40; t++) {
				Comment root = talk.post("Reader " + t);
				for (int r = 0; r < 4; r++) {
					talk.reply(root, "Replier " + r);
				}
			}

			DiscussionPage page = Discussion.of(1, talk.all(), REPLIES_PER_THREAD, 200, 100, DiscussionDetails.NONE)
				.page(DiscussionSort.OLDEST, 1, 50);

			assertThat(page.threads()).hasSize(40).allSatisfy(thread -> assertThat(thread.hiddenReplies()).isZero());
			assertThat(shown(page)).as("all 200 comments, although a paged discussion shows 100 a page").isEqualTo(200);
		}

		@Test
		void eachPageOfABiggerDiscussionHoldsAtMostThePagedNumber() {
			List<Comment> roots = new ArrayList<>();
			for (int t = 0; t < 60; t++) {
				Comment root = talk.post("Reader " + t);
				roots.add(root);
				for (int r = 0; r < 3; r++) {
					talk.reply(root, "Replier " + r);
				}
			}
			Discussion discussion = Discussion.of(1, talk.all(), REPLIES_PER_THREAD, 200, 100, DiscussionDetails.NONE);

			DiscussionPage first = discussion.page(DiscussionSort.OLDEST, 1, 50);
			DiscussionPage second = discussion.page(DiscussionSort.OLDEST, 2, 50);

			assertThat(first.threads()).as("240 comments in 60 threads").hasSize(50)
				.allSatisfy(thread -> assertThat(thread.hiddenReplies()).isEqualTo(2));
			assertThat(shown(first)).isEqualTo(100);
			assertThat(second.threads()).hasSize(10).allSatisfy(thread -> assertThat(thread.hiddenReplies()).isZero());
			DiscussionPage smaller = Discussion
				.of(1, talk.all().subList(0, 180), REPLIES_PER_THREAD, 200, 100, DiscussionDetails.NONE)
				.page(DiscussionSort.OLDEST, 1, 50);
			assertThat(smaller.threads()).as("180 comments in 45 threads: one page, whole").hasSize(45)
				.allSatisfy(thread -> assertThat(thread.hiddenReplies()).isZero());
			CommentLocation secondReply = discussion.locate(roots.get(0).id() + 2, DiscussionSort.OLDEST, 50)
				.orElseThrow();
			assertThat(secondReply.threadPage()).as("the reply left off the page is on its thread's page").isEqualTo(1);
		}

		@Test
		void aThreadsOwnPageShowsItsRepliesInPagesOfAHundred() {
			Comment root = talk.post("Ayelet");
			List<Comment> replies = new ArrayList<>();
			for (int i = 0; i < 250; i++) {
				replies.add(talk.reply(root, "Reader " + i));
			}
			Discussion discussion = talk.discussion();

			ThreadPage first = discussion.thread(root.id(), 1).orElseThrow();
			ThreadPage last = discussion.thread(root.id(), 3).orElseThrow();

			assertThat(Discussion.THREAD_PAGE_SIZE).isEqualTo(100);
			assertThat(first.totalPages()).isEqualTo(3);
			assertThat(first.replyCount()).isEqualTo(250);
			assertThat(first.hasNext()).isTrue();
			assertThat(first.hasPrevious()).isFalse();
			assertThat(first.root().comment()).isEqualTo(root);
			assertThat(first.root().replies()).extracting(DisplayComment::comment)
				.containsExactlyElementsOf(replies.subList(0, 100));
			assertThat(last.root().replies()).extracting(DisplayComment::comment)
				.containsExactlyElementsOf(replies.subList(200, 250));
			assertThat(last.hasNext()).isFalse();
			assertThat(last.hasPrevious()).isTrue();
			assertThat(discussion.thread(root.id(), 99).orElseThrow().page()).isEqualTo(3);
			assertThat(discussion.thread(root.id(), 0).orElseThrow().page()).isEqualTo(1);
		}

		@Test
		void aThreadPageThatStartsInsideASubConversationSaysWhomItsFirstRepliesAnswer() {
			Comment root = talk.post("Ayelet");
			Comment popular = talk.reply(root, "Burak");
			for (int i = 0; i < 150; i++) {
				talk.reply(popular, "Reader " + i);
			}

			ThreadPage second = talk.discussion().thread(root.id(), 2).orElseThrow();

			assertThat(second.root().replies()).hasSize(51)
				.allSatisfy(shown -> assertThat(shown.inReplyTo()).isEqualTo("Burak"));
		}

		@Test
		void onlyTopLevelCommentsHaveAThreadPage() {
			Comment root = talk.post("Ayelet");
			Comment reply = talk.reply(root, "Burak");
			Discussion discussion = talk.discussion();

			assertThat(discussion.thread(root.id(), 1)).isPresent();
			assertThat(discussion.thread(reply.id(), 1)).isEmpty();
			assertThat(discussion.thread(9_999, 1)).isEmpty();
		}
	}

	@Nested
	class UnpublishedComments {

		@Test
		void aRemovedCommentWithAPublishedReplyStaysAsAPlaceholder() {
			Comment removed = talk.comment("Ayelet", null, CommentStatus.REJECTED);
			Comment reply = talk.reply(removed, "Burak");

			Discussion discussion = talk.discussion();

			DisplayComment shown = discussion.page(DiscussionSort.OLDEST, 1, 50).threads().get(0).root();
			assertThat(shown.comment()).isEqualTo(removed);
			assertThat(shown.comment().isPublished()).isFalse();
			assertThat(shown.replies()).extracting(DisplayComment::comment).containsExactly(reply);
			assertThat(discussion.publishedComments()).isEqualTo(1);
		}

		@Test
		void aPlaceholderKeepsAPlaceholderAboveItWhenOnlyADeeperReplyIsPublished() {
			Comment deleted = talk.comment("Ayelet", null, CommentStatus.DELETED);
			Comment pending = talk.comment("Burak", deleted, CommentStatus.PENDING);
			Comment published = talk.reply(pending, "Chana");

			CommentNode tree = talk.discussion().tree(DiscussionSort.OLDEST).get(0);

			assertThat(tree.comment()).isEqualTo(deleted);
			assertThat(tree.replies().get(0).comment()).isEqualTo(pending);
			assertThat(tree.replies().get(0).replies().get(0).comment()).isEqualTo(published);
		}

		@Test
		void heldAndRejectedCommentsWithoutPublishedRepliesDisappear() {
			Comment kept = talk.post("Ayelet");
			Comment rejected = talk.comment("Burak", null, CommentStatus.REJECTED);
			Comment pending = talk.comment("Dilek", kept, CommentStatus.PENDING);
			talk.comment("Eli", pending, CommentStatus.REJECTED);

			Discussion discussion = talk.discussion();

			assertThat(discussion.tree(DiscussionSort.OLDEST)).extracting(CommentNode::comment).containsExactly(kept);
			assertThat(discussion.tree(DiscussionSort.OLDEST).get(0).replies()).isEmpty();
			assertThat(Stream.of(rejected, pending).map(Comment::id).map(discussion::contains)).containsOnly(false);
			assertThat(discussion.page(DiscussionSort.OLDEST, 1, 50).threads().get(0).replyCount()).isZero();
		}

		@Test
		void aDeletedCommentAlwaysLeavesAPlaceholderInItsThread() {
			Comment kept = talk.post("Ayelet");
			Comment deleted = talk.comment("Chana", kept, CommentStatus.DELETED);

			Discussion discussion = talk.discussion();

			assertThat(discussion.contains(deleted.id())).isTrue();
			assertThat(discussion.tree(DiscussionSort.OLDEST).get(0).replies()).extracting(CommentNode::comment)
				.containsExactly(deleted);
			assertThat(discussion.publishedComments()).isEqualTo(1);
		}

		@Test
		void onlyPublishedCommentsAreCounted() {
			Comment first = talk.post("Ayelet");
			talk.reply(first, "Burak");
			Comment removed = talk.comment("Chana", null, CommentStatus.REJECTED);
			talk.reply(removed, "Dilek");
			talk.comment("Eli", first, CommentStatus.PENDING);

			Discussion discussion = talk.discussion();

			assertThat(discussion.publishedComments()).isEqualTo(3);
			assertThat(discussion.page(DiscussionSort.OLDEST, 1, 50).publishedComments()).isEqualTo(3);
			assertThat(discussion.page(DiscussionSort.OLDEST, 1, 50).totalThreads()).isEqualTo(2);
		}

		@Test
		void anEmptyDiscussionHasNoThreads() {
			Discussion discussion = Discussion.of(0, List.of(), REPLIES_PER_THREAD);

			assertThat(discussion.publishedComments()).isZero();
			assertThat(discussion.tree(DiscussionSort.NEWEST)).isEmpty();
			assertThat(discussion.page(DiscussionSort.OLDEST, 1, 50).threads()).isEmpty();
			assertThat(discussion.page(DiscussionSort.OLDEST, 1, 50).hasNext()).isFalse();
		}
	}

	@Nested
	class LocatingAComment {

		@Test
		void aTopLevelCommentIsOnThePageOfItsThread() {
			List<Comment> threads = new ArrayList<>();
			for (int i = 0; i < 60; i++) {
				threads.add(talk.post("Reader " + i));
			}
			Discussion discussion = talk.discussion();

			assertThat(discussion.locate(threads.get(49).id(), DiscussionSort.OLDEST, 50))
				.contains(new CommentLocation(threads.get(49).id(), threads.get(49).id(), 1, 0));
			assertThat(discussion.locate(threads.get(50).id(), DiscussionSort.OLDEST, 50))
				.contains(new CommentLocation(threads.get(50).id(), threads.get(50).id(), 2, 0));
			// Read newest first, the oldest thread is on the last page.
			assertThat(discussion.locate(threads.get(0).id(), DiscussionSort.NEWEST, 50).orElseThrow().page())
				.isEqualTo(2);
		}

		@Test
		void aReplyIsOnThePageOfItsThread() {
			List<Comment> threads = new ArrayList<>();
			for (int i = 0; i < 55; i++) {
				threads.add(talk.post("Reader " + i));
			}
			Comment onPageTwo = threads.get(52);
			Comment reply = talk.reply(talk.reply(onPageTwo, "Burak"), "Chana");

			CommentLocation location = talk.discussion().locate(reply.id(), DiscussionSort.OLDEST, 50).orElseThrow();

			assertThat(location).isEqualTo(new CommentLocation(reply.id(), onPageTwo.id(), 2, 0));
			assertThat(location.onThreadPage()).isFalse();
		}

		@Test
		void aReplyBeyondTheRepliesShownUnderItsThreadIsOnTheThreadsOwnPage() {
			Comment root = talk.post("Ayelet");
			List<Comment> replies = new ArrayList<>();
			for (int i = 0; i < 160; i++) {
				replies.add(talk.reply(root, "Reader " + i));
			}
			Discussion discussion = talk.discussion();

			CommentLocation lastShown = discussion.locate(replies.get(REPLIES_PER_THREAD - 1).id(), DiscussionSort.OLDEST, 50)
				.orElseThrow();
			CommentLocation firstHidden = discussion.locate(replies.get(REPLIES_PER_THREAD).id(), DiscussionSort.OLDEST, 50)
				.orElseThrow();
			CommentLocation onSecondThreadPage = discussion.locate(replies.get(150).id(), DiscussionSort.OLDEST, 50)
				.orElseThrow();

			assertThat(lastShown.onThreadPage()).isFalse();
			assertThat(firstHidden).isEqualTo(new CommentLocation(replies.get(REPLIES_PER_THREAD).id(), root.id(), 1, 1));
			assertThat(onSecondThreadPage.threadPage()).isEqualTo(2);
			// ...and the thread's own page 2 does show it.
			assertThat(flatten(discussion.thread(root.id(), 2).orElseThrow().root())).contains(replies.get(150));
		}

		@Test
		void aCommentThePublicCannotSeeCannotBeLocated() {
			Comment root = talk.post("Ayelet");
			Comment pending = talk.comment("Burak", root, CommentStatus.PENDING);

			Discussion discussion = talk.discussion();

			assertThat(discussion.locate(pending.id(), DiscussionSort.OLDEST, 50)).isEmpty();
			assertThat(discussion.locate(424_242, DiscussionSort.OLDEST, 50)).isEmpty();
		}
	}

	private static List<Comment> roots(DiscussionPage page) {
		return page.threads().stream().map(thread -> thread.root().comment()).toList();
	}

	private static int shown(DiscussionPage page) {
		return page.threads().stream().mapToInt(thread -> flatten(thread.root()).size()).sum();
	}

	/** Every comment shown, top to bottom. */
	private static List<Comment> flatten(DisplayComment shown) {
		List<Comment> all = new ArrayList<>();
		all.add(shown.comment());
		shown.replies().forEach(reply -> all.addAll(flatten(reply)));
		return all;
	}

	private static int levels(DisplayComment shown) {
		return 1 + shown.replies().stream().mapToInt(DiscussionTests::levels).max().orElse(0);
	}

	/** Comments as they would be stored for one article: ids in order, a minute apart unless the clock is frozen. */
	private static final class Conversation {

		private final List<Comment> comments = new ArrayList<>();

		private Instant clock = Instant.parse("2018-07-22T09:00:00Z");

		private Duration step = Duration.ofMinutes(1);

		void freezeClock() {
			step = Duration.ZERO;
		}

		Comment post(String author) {
			return comment(author, null, CommentStatus.PUBLISHED);
		}

		Comment reply(Comment parent, String author) {
			return comment(author, parent, CommentStatus.PUBLISHED);
		}

		Comment comment(String author, Comment parent, CommentStatus status) {
			clock = clock.plus(step);
			String body = "Comment " + (comments.size() + 1) + " by " + author;
			Comment comment = new Comment(comments.size() + 1, 1, parent == null ? null : parent.id(), author, body,
					"<p>" + body + "</p>", status, clock, null, null, false);
			comments.add(comment);
			return comment;
		}

		List<Comment> all() {
			return List.copyOf(comments);
		}

		Discussion discussion() {
			return Discussion.of(1, comments, REPLIES_PER_THREAD);
		}
	}
}
