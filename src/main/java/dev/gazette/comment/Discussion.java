package dev.gazette.comment;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The public part of one article's discussion at one version: an immutable snapshot, built once from the stored
 * comments and then shared by every request until a comment changes.
 * <p>
 * Visible are the published comments, deleted ones as a "deleted" mark where they stood, and any held or rejected
 * comment that has a published reply, as a placeholder with its text withheld, so the replies keep their context. Threads are the top-level comments; inside a
 * thread, replies are flattened in conversation order (depth first, each level oldest first) and shown at most
 * {@link DisplayComment#MAX_LEVELS} deep.
 * <p>
 * A snapshot is built from every comment ({@link #of}) or from an older one and the comments changed since
 * ({@link #updated}), which rebuilds only the touched threads. Longer than most classes here because building,
 * updating and cutting pages all work on the private thread structure, which no other class should see.
 */
public final class Discussion {

	/** Replies per page on a thread's own page. */
	static final int THREAD_PAGE_SIZE = 100;

	private static final Comparator<Comment> CONVERSATION = Comparator.comparing(Comment::createdAt)
		.thenComparingLong(Comment::id);

	private final long version;

	private final int publishedComments;

	private final int repliesPerThread;

	private final int pageComments;

	private final int pagedComments;

	/** Comments shown somewhere in the discussion (placeholders included): whether it is read in lighter pages. */
	private final int visibleComments;

	private final Map<DiscussionSort, List<Thread>> threadsBySort;

	private final Map<Long, Thread> threadByRootId;

	/**
	 * Every stored comment of the article, in any status, by the id of its thread's root: what {@link #updated}
	 * starts from, so that a change rebuilds only the threads it touched. A held or rejected comment is kept although
	 * it is not shown: a reply published later can make it visible again as a placeholder.
	 */
	private final Map<Long, List<Comment>> storedByRoot;

	/**
	 * The thread root of every comment this snapshot or a later one updated from it has seen. Shared between them and
	 * only ever added to: a comment never changes its parent, so an entry stays true for every snapshot, and each
	 * snapshot answers for itself whether a comment is visible through its own threads.
	 */
	private final Map<Long, Long> rootOf;

	private final DiscussionDetails details;

	private Discussion(long version, Map<Long, Thread> threadByRootId, Map<Long, List<Comment>> storedByRoot,
			Map<Long, Long> rootOf, int repliesPerThread, int pageComments, int pagedComments,
			DiscussionDetails details) {
		this.version = version;
		this.repliesPerThread = repliesPerThread;
		this.pageComments = pageComments;
		this.pagedComments = pagedComments;
		this.details = details;
		this.threadByRootId = threadByRootId;
		this.storedByRoot = storedByRoot;
		this.rootOf = rootOf;
		List<Thread> threadsOldestFirst = new ArrayList<>(threadByRootId.values());
		threadsOldestFirst.sort(Comparator.comparing((Thread t) -> t.node().comment(), CONVERSATION));
		int published = 0;
		int visible = 0;
		for (Thread thread : threadsOldestFirst) {
			published += thread.published();
			visible += 1 + thread.entries().size();
		}
		this.publishedComments = published;
		this.visibleComments = visible;
		List<Thread> newest = new ArrayList<>(threadsOldestFirst);
		Collections.reverse(newest);
		List<Thread> mostReplies = new ArrayList<>(threadsOldestFirst);
		mostReplies.sort(Comparator.comparingInt((Thread t) -> t.node().descendants()).reversed());
		// A stable sort of the oldest-first list: threads recommended equally keep the order they were started in.
		List<Thread> mostRecommended = new ArrayList<>(threadsOldestFirst);
		mostRecommended.sort(Comparator.comparingInt((Thread t) -> details.recommendations(t.node().comment())).reversed());
		this.threadsBySort = Map.of(DiscussionSort.OLDEST, List.copyOf(threadsOldestFirst), DiscussionSort.NEWEST,
				List.copyOf(newest), DiscussionSort.REPLIES, List.copyOf(mostReplies), DiscussionSort.RECOMMENDED,
				List.copyOf(mostRecommended));
	}

	/**
	 * Builds the snapshot from every stored comment of one article, in any order and any status.
	 * @param repliesPerThread how many replies the article page shows under each thread
	 */
	public static Discussion of(long version, Collection<Comment> comments, int repliesPerThread) {
		return of(version, comments, repliesPerThread, DiscussionDetails.NONE);
	}

	/**
	 * Builds the snapshot as {@link #of(long, Collection, int)} does, with who the commenters are, the readers'
	 * recommendations and the editors' picks, read at the same version.
	 */
	public static Discussion of(long version, Collection<Comment> comments, int repliesPerThread,
			DiscussionDetails details) {
		return of(version, comments, repliesPerThread, Integer.MAX_VALUE, details);
	}

	/**
	 * Builds the snapshot as {@link #of(long, Collection, int, DiscussionDetails)} does, with at most
	 * {@code pageComments} comments on a page of the article's discussion: when the page's threads hold more replies
	 * than that leaves room for, each thread shows the same number of them (the short threads all of theirs) and
	 * links to its own page for the rest, so the page's size follows the page, not the discussion (issue 14).
	 */
	public static Discussion of(long version, Collection<Comment> comments, int repliesPerThread, int pageComments,
			DiscussionDetails details) {
		return of(version, comments, repliesPerThread, pageComments, pageComments, details);
	}

	/**
	 * Builds the snapshot as {@link #of(long, Collection, int, int, DiscussionDetails)} does, with a second, lower
	 * limit for a big discussion: one of at most {@code pageComments} comments is cut into pages by threads alone (so
	 * one with no more threads than a page holds is shown whole), but each page of a bigger one holds at most
	 * {@code pagedComments}, the replies beyond a thread's equal share one click away on its own page. So a page of a
	 * busy discussion stays light (under 100 KB for issue 14) while a discussion a reader can take in at once is
	 * shown as it always was.
	 */
	public static Discussion of(long version, Collection<Comment> comments, int repliesPerThread, int pageComments,
			int pagedComments, DiscussionDetails details) {
		// A reply is always stored after its parent, so it has a larger id: in id order, every parent's root is known
		// before its replies are placed. (Ids, not times: an imported comment may carry any time.)
		List<Comment> oldestIdFirst = new ArrayList<>(comments);
		oldestIdFirst.sort(Comparator.comparingLong(Comment::id));
		Map<Long, Long> rootOf = new ConcurrentHashMap<>();
		Map<Long, List<Comment>> byRoot = new HashMap<>();
		for (Comment comment : oldestIdFirst) {
			long root = place(comment, rootOf);
			byRoot.computeIfAbsent(root, id -> new ArrayList<>()).add(comment);
		}
		Map<Long, Thread> threads = new HashMap<>();
		byRoot.forEach((root, group) -> thread(group).ifPresent(thread -> threads.put(root, thread)));
		return new Discussion(version, threads, byRoot, rootOf, repliesPerThread, Math.max(1, pageComments),
				Math.max(1, pagedComments), details);
	}

	/**
	 * This snapshot brought up to {@code version}: {@code changed} holds every comment of the article written or
	 * changed since this snapshot's version (new ones, edited, moderated, deleted, featured, recommended), as stored
	 * now. Only the threads they belong to are rebuilt; the others are shared with this snapshot, which stays as it
	 * was for the requests still reading it. A comment removed from the database altogether cannot be told from
	 * here: such a change needs {@link #of} from every comment.
	 */
	Discussion updated(long version, Collection<Comment> changed, DiscussionDetails details) {
		List<Comment> oldestIdFirst = new ArrayList<>(changed);
		oldestIdFirst.sort(Comparator.comparingLong(Comment::id));
		Map<Long, List<Comment>> byRoot = new HashMap<>(storedByRoot);
		Map<Long, List<Comment>> copied = new HashMap<>();
		for (Comment comment : oldestIdFirst) {
			long root = place(comment, rootOf);
			List<Comment> group = copied.computeIfAbsent(root,
					id -> new ArrayList<>(storedByRoot.getOrDefault(id, List.of())));
			int at = indexOf(group, comment.id());
			if (at >= 0) {
				group.set(at, comment);
			}
			else {
				group.add(comment);
			}
		}
		byRoot.putAll(copied);
		Map<Long, Thread> threads = new HashMap<>(threadByRootId);
		copied.forEach((root, group) -> thread(group).ifPresentOrElse(thread -> threads.put(root, thread),
				() -> threads.remove(root)));
		return new Discussion(version, threads, byRoot, rootOf, repliesPerThread, pageComments, pagedComments,
				details);
	}

	/** Records and returns the root of a comment's thread; its parent, if any, was placed before it. */
	private static long place(Comment comment, Map<Long, Long> rootOf) {
		Long known = rootOf.get(comment.id());
		if (known != null) {
			return known;
		}
		// A parent that was never seen (not possible with the database's foreign key) leaves its replies unshown.
		long root = comment.parentId() == null ? comment.id() : rootOf.getOrDefault(comment.parentId(), comment.parentId());
		rootOf.put(comment.id(), root);
		return root;
	}

	private static int indexOf(List<Comment> group, long id) {
		for (int i = group.size() - 1; i >= 0; i--) {
			if (group.get(i).id() == id) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * The visible thread that one group of comments (a root and all its replies, any status) makes, if any: walking
	 * from the largest id down visits every reply before its parent, so visibility and nodes are built bottom-up
	 * without recursion.
	 */
	private static Optional<Thread> thread(List<Comment> group) {
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
		return Optional.ofNullable(rootNode).map(Discussion::thread);
	}

	public long version() {
		return version;
	}

	/** Badges, recommendation counts and editors' picks, as they stood at this version. */
	public DiscussionDetails details() {
		return details;
	}

	/** Published comments in the discussion, placeholders not counted. */
	public int publishedComments() {
		return publishedComments;
	}

	/** The full tree of every visible thread, as the API returns it. */
	public List<CommentNode> tree(DiscussionSort sort) {
		return threadsBySort.get(sort).stream().map(Thread::node).toList();
	}

	public DiscussionPage page(DiscussionSort sort, int page, int pageSize) {
		List<Thread> threads = threadsBySort.get(sort);
		int current = Math.max(1, page);
		int from = (int) Math.min(threads.size(), (long) (current - 1) * pageSize);
		int to = Math.min(threads.size(), from + pageSize);
		List<Thread> onPage = threads.subList(from, to);
		int[] shown = shownReplies(onPage, commentsPerPage());
		List<ThreadView> views = new ArrayList<>(onPage.size());
		for (int i = 0; i < onPage.size(); i++) {
			views.add(threadView(onPage.get(i), shown[i]));
		}
		return new DiscussionPage(views, sort, current, pageSize, threads.size(), publishedComments, details);
	}

	public Optional<ThreadPage> thread(long rootId, int page) {
		Thread thread = threadByRootId.get(rootId);
		if (thread == null) {
			return Optional.empty();
		}
		int replies = thread.entries().size();
		int totalPages = Math.max(1, (replies + THREAD_PAGE_SIZE - 1) / THREAD_PAGE_SIZE);
		int current = Math.min(Math.max(1, page), totalPages);
		int from = (current - 1) * THREAD_PAGE_SIZE;
		List<Entry> slice = thread.entries().subList(from, Math.min(replies, from + THREAD_PAGE_SIZE));
		return Optional.of(new ThreadPage(nest(thread.node().comment(), slice), replies, current, totalPages));
	}

	/** Where a visible comment appears when the discussion is read in {@code sort} order. */
	public Optional<CommentLocation> locate(long commentId, DiscussionSort sort, int pageSize) {
		if (!contains(commentId)) {
			return Optional.empty();
		}
		long rootId = rootOf.get(commentId);
		Thread thread = threadByRootId.get(rootId);
		List<Thread> threads = threadsBySort.get(sort);
		int position = threads.indexOf(thread);
		int page = position / pageSize + 1;
		int pageStart = (page - 1) * pageSize;
		List<Thread> onPage = threads.subList(pageStart, Math.min(threads.size(), pageStart + pageSize));
		int shownHere = shownReplies(onPage, commentsPerPage())[position - pageStart];
		int index = thread.positions().getOrDefault(commentId, thread.entries().size());
		boolean beyondArticlePage = commentId != rootId && index >= shownHere;
		return Optional.of(new CommentLocation(commentId, rootId, page,
				beyondArticlePage ? index / THREAD_PAGE_SIZE + 1 : 0));
	}

	public boolean contains(long commentId) {
		Long rootId = rootOf.get(commentId);
		Thread thread = rootId == null ? null : threadByRootId.get(rootId);
		return thread != null && (rootId == commentId || thread.positions().containsKey(commentId));
	}

	/**
	 * At most how many comments a page of this discussion holds: {@link #pageComments} when the whole discussion has
	 * no more than that, {@link #pagedComments} when it has more.
	 */
	private int commentsPerPage() {
		return visibleComments <= pageComments ? pageComments : Math.min(pageComments, pagedComments);
	}

	/**
	 * How many replies each thread of a page shows: up to {@link #repliesPerThread}, and within {@code limit} comments
	 * for the page as a whole, shared out evenly (the largest equal share that fits, then one more each for the
	 * first threads while room is left).
	 */
	private int[] shownReplies(List<Thread> onPage, int limit) {
		int[] wanted = new int[onPage.size()];
		long total = 0;
		for (int i = 0; i < wanted.length; i++) {
			wanted[i] = Math.min(onPage.get(i).entries().size(), repliesPerThread);
			total += wanted[i];
		}
		long room = Math.max(0, (long) limit - onPage.size());
		if (total <= room) {
			return wanted;
		}
		int share = 0;
		while (share < repliesPerThread && sharedOut(wanted, share + 1) <= room) {
			share++;
		}
		long left = room - sharedOut(wanted, share);
		int[] shown = new int[wanted.length];
		for (int i = 0; i < wanted.length; i++) {
			shown[i] = Math.min(wanted[i], share);
			if (left > 0 && wanted[i] > share) {
				shown[i]++;
				left--;
			}
		}
		return shown;
	}

	private static long sharedOut(int[] wanted, int share) {
		long sum = 0;
		for (int w : wanted) {
			sum += Math.min(w, share);
		}
		return sum;
	}

	private ThreadView threadView(Thread thread, int showing) {
		List<Entry> entries = thread.entries();
		List<Entry> shown = entries.subList(0, Math.min(entries.size(), showing));
		return new ThreadView(nest(thread.node().comment(), shown), entries.size(), entries.size() - shown.size());
	}

	/**
	 * Nests a run of conversation-ordered entries under their thread's root: second-level entries under the root,
	 * deeper ones under the last second-level entry before them. An entry whose parent is not the comment it is
	 * shown under says whom it answers.
	 */
	private static DisplayComment nest(Comment root, List<Entry> entries) {
		List<DisplayComment> level2 = new ArrayList<>();
		Comment currentLevel2 = null;
		List<DisplayComment> currentLevel3 = null;
		for (Entry entry : entries) {
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
		return new DisplayComment(root, null, List.copyOf(level2));
	}

	private static void flush(List<DisplayComment> level2, Comment comment, List<DisplayComment> replies) {
		if (comment != null) {
			level2.add(new DisplayComment(comment, null, List.copyOf(replies)));
		}
	}

	/** Depth-first, oldest first at each level: the order in which a conversation reads. */
	private static Thread thread(CommentNode root) {
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
		return new Thread(root, List.copyOf(entries), Map.copyOf(positions), published);
	}

	private static void pushReplies(Deque<Visit> stack, CommentNode parent, int depth) {
		List<CommentNode> replies = parent.replies();
		for (int i = replies.size() - 1; i >= 0; i--) {
			stack.push(new Visit(replies.get(i), parent, depth));
		}
	}

	private record Visit(CommentNode node, CommentNode parent, int depth) {
	}

	/**
	 * A thread: its root with the full tree, every reply flattened in conversation order, where each reply stands in
	 * that order, and how many of its comments (root included) are published.
	 */
	private record Thread(CommentNode node, List<Entry> entries, Map<Long, Integer> positions, int published) {
	}

	/** A reply in a flattened thread: {@code depth} 1 answers the root, 2 answers a depth-1 reply, and so on. */
	private record Entry(Comment comment, int depth, String parentName) {
	}
}
