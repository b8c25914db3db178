package dev.gazette.comment;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One visible thread of a {@link Discussion}: its root with the full tree, every reply flattened in conversation order
 * (depth first, each level oldest first), where each reply stands in that order, and how many of its comments (root
 * included) are published. It nests a run of its replies for display, to {@link DisplayComment#MAX_LEVELS} levels.
 * Immutable, and shared by every snapshot whose change did not touch it.
 */
final class DiscussionThread {

	/** The order in which a conversation reads: oldest first, ties by id. */
	static final Comparator<Comment> CONVERSATION = Comparator.comparing(Comment::createdAt)
		.thenComparingLong(Comment::id);

	private final CommentNode node;

	private final List<Entry> entries;

	private final Map<Long, Integer> positions;

	private final int published;

	private DiscussionThread(CommentNode node, List<Entry> entries, Map<Long, Integer> positions, int published) {
		this.node = node;
		this.entries = entries;
		this.positions = positions;
		this.published = published;
	}

	/**
	 * The visible thread that one group of comments (a root and all its replies, any status) makes, if any: walking
	 * from the largest id down visits every reply before its parent, so visibility and nodes are built bottom-up
	 * without recursion.
	 */
	static Optional<DiscussionThread> of(List<Comment> group) {
		List<Comment> youngestFirst = new ArrayList<>(group);
		youngestFirst.sort(Comparator.comparingLong(Comment::id).reversed());
		Map<Long, List<CommentNode>> childNodes = new HashMap<>();
		CommentNode rootNode = null;
		for (Comment comment : youngestFirst) {
			List<CommentNode> children = childNodes.getOrDefault(comment.id(), List.of());
			if (!comment.isPublished() && comment.status() != CommentStatus.DELETED && children.isEmpty()) {
				continue;
			}
			List<CommentNode> replies = new ArrayList<>(children);
			replies.sort(Comparator.comparing(CommentNode::comment, CONVERSATION));
			int descendants = replies.stream().mapToInt(reply -> 1 + reply.descendants()).sum();
			CommentNode node = new CommentNode(comment, List.copyOf(replies), descendants);
			if (comment.parentId() == null) {
				rootNode = node;
			}
			else {
				childNodes.computeIfAbsent(comment.parentId(), id -> new ArrayList<>()).add(node);
			}
		}
		return Optional.ofNullable(rootNode).map(DiscussionThread::flattened);
	}

	/** Depth-first, oldest first at each level: the order in which a conversation reads. */
	private static DiscussionThread flattened(CommentNode root) {
		List<Entry> entries = new ArrayList<>();
		Map<Long, Integer> positions = new HashMap<>();
		int published = root.comment().isPublished() ? 1 : 0;
		Deque<Visit> stack = new ArrayDeque<>();
		pushReplies(stack, root, 1);
		while (!stack.isEmpty()) {
			Visit visit = stack.pop();
			positions.put(visit.node().comment().id(), entries.size());
			published += visit.node().comment().isPublished() ? 1 : 0;
			entries.add(new Entry(visit.node().comment(), visit.depth(), visit.parent().comment().displayName()));
			pushReplies(stack, visit.node(), visit.depth() + 1);
		}
		return new DiscussionThread(root, List.copyOf(entries), Map.copyOf(positions), published);
	}

	private static void pushReplies(Deque<Visit> stack, CommentNode parent, int depth) {
		List<CommentNode> replies = parent.replies();
		for (int i = replies.size() - 1; i >= 0; i--) {
			stack.push(new Visit(replies.get(i), parent, depth));
		}
	}

	/** The root with the full tree, as the API returns it. */
	CommentNode node() {
		return node;
	}

	Comment root() {
		return node.comment();
	}

	/** How many of its comments, the root included, are published. */
	int published() {
		return published;
	}

	int replies() {
		return entries.size();
	}

	/** Where a visible reply stands in conversation order, from 0; {@link #replies()} for one that is not. */
	int positionOf(long commentId) {
		return positions.getOrDefault(commentId, entries.size());
	}

	/** Whether the comment is the root or a visible reply of this thread. */
	boolean shows(long commentId) {
		return root().id() == commentId || positions.containsKey(commentId);
	}

	/** The thread under the article: the root and its first {@code showing} replies. */
	ThreadView view(int showing) {
		List<Entry> shown = entries.subList(0, Math.min(entries.size(), showing));
		return new ThreadView(nest(shown), entries.size(), entries.size() - shown.size());
	}

	/** The root and the replies from {@code from} (inclusive) to {@code to} (exclusive), for the thread's own page. */
	DisplayComment slice(int from, int to) {
		return nest(entries.subList(from, to));
	}

	/**
	 * Nests a run of conversation-ordered entries under the root: second-level entries under the root, deeper ones
	 * under the last second-level entry before them. An entry whose parent is not the comment it is shown under says
	 * whom it answers.
	 */
	private DisplayComment nest(List<Entry> run) {
		List<DisplayComment> level2 = new ArrayList<>();
		Comment currentLevel2 = null;
		List<DisplayComment> currentLevel3 = null;
		for (Entry entry : run) {
			if (entry.depth() == 1) {
				flush(level2, currentLevel2, currentLevel3);
				currentLevel2 = entry.comment();
				currentLevel3 = new ArrayList<>();
			}
			else if (currentLevel2 == null) {
				level2.add(new DisplayComment(entry.comment(), entry.parentName(), List.of()));
			}
			else {
				boolean answersShownParent = entry.comment().parentId() == currentLevel2.id();
				currentLevel3.add(new DisplayComment(entry.comment(), answersShownParent ? null : entry.parentName(),
						List.of()));
			}
		}
		flush(level2, currentLevel2, currentLevel3);
		return new DisplayComment(root(), null, List.copyOf(level2));
	}

	private static void flush(List<DisplayComment> level2, Comment comment, List<DisplayComment> replies) {
		if (comment != null) {
			level2.add(new DisplayComment(comment, null, List.copyOf(replies)));
		}
	}

	private record Visit(CommentNode node, CommentNode parent, int depth) {
	}

	/** A reply in the flattened thread: {@code depth} 1 answers the root, 2 answers a depth-1 reply, and so on. */
	private record Entry(Comment comment, int depth, String parentName) {
	}
}
