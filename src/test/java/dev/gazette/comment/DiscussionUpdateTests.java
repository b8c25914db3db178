package dev.gazette.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * A snapshot brought up to date from the comments that changed ({@link Discussion#updated}) reads exactly as one
 * built from every comment ({@link Discussion#of}): the same threads in every order, the same pages, "More comments"
 * and thread pages, the same placeholders for removed comments with visible replies, the same counts. Checked after
 * each of several hundred random posts, replies, edits, moderations and deletions.
 */
class DiscussionUpdateTests {

	private static final int REPLIES_PER_THREAD = 3;

	private static final int PAGE_COMMENTS = 12;

	/** Lower than {@link #PAGE_COMMENTS}: the walk goes from a discussion on one page to a paged one. */
	private static final int PAGED_COMMENTS = 8;

	private static final Instant START = Instant.parse("2026-03-01T08:00:00Z");

	private final Map<Long, Comment> stored = new LinkedHashMap<>();

	private long nextId = 1;

	@Test
	void anUpdatedSnapshotReadsAsOneBuiltFromEveryComment() {
		Random random = new Random(14);
		long version = 1;
		Discussion updated = Discussion.of(version, List.of(), REPLIES_PER_THREAD, PAGE_COMMENTS, PAGED_COMMENTS,
				DiscussionDetails.NONE);
		for (int step = 0; step < 400; step++) {
			List<Comment> changed = new ArrayList<>();
			int changes = 1 + random.nextInt(3);
			for (int i = 0; i < changes; i++) {
				changed.add(change(random));
			}
			version++;
			DiscussionDetails details = recommendations(random);
			updated = updated.updated(version, changed, details);
			Discussion rebuilt = Discussion.of(version, stored.values(), REPLIES_PER_THREAD, PAGE_COMMENTS, PAGED_COMMENTS,
					details);
			assertSame(updated, rebuilt, step);
		}
		assertThat(updated.publishedComments()).as("the random walk left a discussion to compare").isGreaterThan(50);
	}

	@Test
	void aReplyPublishedUnderARemovedCommentBringsItBackAsAPlaceholder() {
		Comment root = put(new Comment(nextId++, 1, null, "Ayelet", "First.", "<p>First.</p>", CommentStatus.PUBLISHED,
				START, null, null, false));
		Comment reply = put(new Comment(nextId++, 1, root.id(), "Burak", "Held.", "<p>Held.</p>", CommentStatus.PENDING,
				START.plusSeconds(60), null, null, false));
		Discussion before = Discussion.of(2, stored.values(), REPLIES_PER_THREAD, PAGE_COMMENTS, PAGED_COMMENTS,
				DiscussionDetails.NONE);
		Comment rejected = put(withStatus(root, CommentStatus.REJECTED));
		Discussion gone = before.updated(3, List.of(rejected), DiscussionDetails.NONE);
		assertThat(gone.tree(DiscussionSort.OLDEST)).as("a rejected comment without visible replies").isEmpty();
		assertThat(gone.contains(root.id())).isFalse();

		Comment published = put(withStatus(reply, CommentStatus.PUBLISHED));
		Discussion back = gone.updated(4, List.of(published), DiscussionDetails.NONE);
		assertThat(back.tree(DiscussionSort.OLDEST)).singleElement().satisfies(node -> {
			assertThat(node.comment().status()).isEqualTo(CommentStatus.REJECTED);
			assertThat(node.replies()).extracting(CommentNode::comment).containsExactly(published);
		});
		assertThat(back.publishedComments()).isEqualTo(1);
		assertThat(before.tree(DiscussionSort.OLDEST)).as("the older snapshot is left as it was")
			.singleElement()
			.satisfies(node -> assertThat(node.comment()).isEqualTo(root));
		assertThat(before.contains(published.id())).isFalse();
	}

	/** One random change, applied to the stored comments; returns the comment as stored now. */
	private Comment change(Random random) {
		List<Comment> all = new ArrayList<>(stored.values());
		int kind = all.isEmpty() ? 0 : random.nextInt(10);
		Instant at = START.plusSeconds(60 * nextId);
		if (kind <= 1) {
			return put(new Comment(nextId, 1, null, "Reader " + nextId, "Thread " + nextId, "<p>Thread " + nextId + "</p>",
					status(random), at, null, null, false));
		}
		Comment some = all.get(random.nextInt(all.size()));
		if (kind <= 6) {
			return put(new Comment(nextId, 1, some.id(), "Reader " + nextId, "Reply " + nextId,
					"<p>Reply " + nextId + "</p>", status(random), at, null, null, false));
		}
		if (kind == 7) {
			return put(new Comment(some.id(), 1, some.parentId(), some.authorName(), "Edited " + some.id(),
					"<p>Edited " + some.id() + "</p>", some.status(), some.createdAt(), at, null, some.featured()));
		}
		return put(withStatus(some, CommentStatus.values()[random.nextInt(CommentStatus.values().length)]));
	}

	private static CommentStatus status(Random random) {
		return random.nextInt(5) == 0 ? CommentStatus.PENDING : CommentStatus.PUBLISHED;
	}

	private static Comment withStatus(Comment c, CommentStatus status) {
		return new Comment(c.id(), c.articleId(), c.parentId(), c.authorName(), c.body(), c.bodyHtml(), status,
				c.createdAt(), c.editedAt(), c.accountId(), c.featured());
	}

	private Comment put(Comment comment) {
		stored.put(comment.id(), comment);
		nextId = Math.max(nextId, comment.id() + 1);
		return comment;
	}

	/** Recommendation counts for a few comments, so the "most recommended" order has something to sort. */
	private DiscussionDetails recommendations(Random random) {
		Map<Long, Integer> counts = new HashMap<>();
		for (Comment comment : stored.values()) {
			if (random.nextInt(4) == 0) {
				counts.put(comment.id(), random.nextInt(5));
			}
		}
		return new DiscussionDetails(Map.of(), Map.copyOf(counts), List.of());
	}

	private void assertSame(Discussion updated, Discussion rebuilt, int step) {
		String at = "after step " + step;
		assertThat(updated.version()).isEqualTo(rebuilt.version());
		assertThat(updated.publishedComments()).as(at).isEqualTo(rebuilt.publishedComments());
		for (DiscussionSort sort : DiscussionSort.values()) {
			assertThat(updated.tree(sort)).as(at + ", " + sort).isEqualTo(rebuilt.tree(sort));
			for (int page = 1; page <= 4; page++) {
				assertThat(updated.page(sort, page, 3)).as(at + ", " + sort + " page " + page)
					.isEqualTo(rebuilt.page(sort, page, 3));
			}
		}
		for (Comment comment : stored.values()) {
			assertThat(updated.contains(comment.id())).as(at + ", comment " + comment.id())
				.isEqualTo(rebuilt.contains(comment.id()));
			assertThat(updated.locate(comment.id(), DiscussionSort.NEWEST, 3)).as(at + ", where " + comment.id() + " is")
				.isEqualTo(rebuilt.locate(comment.id(), DiscussionSort.NEWEST, 3));
			if (comment.parentId() == null) {
				for (int page = 1; page <= 2; page++) {
					assertThat(updated.thread(comment.id(), page)).as(at + ", thread " + comment.id())
						.isEqualTo(rebuilt.thread(comment.id(), page));
				}
			}
		}
	}
}
