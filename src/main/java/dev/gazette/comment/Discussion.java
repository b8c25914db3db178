package dev.gazette.comment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
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
 * ({@link #updated}), which rebuilds only the touched threads. Each thread is a {@link DiscussionThread}, which keeps
 * its replies in conversation order and nests them for display; this class orders the threads, cuts pages of them
 * and shares a page's room out among their replies. (A little over 300 lines: building, updating and reading a snapshot
 * share its fields, and splitting them would hand those fields around.)
 */
public final class Discussion {

	/** Replies per page on a thread's own page. */
	static final int THREAD_PAGE_SIZE = 100;

	private final long version;

	private final int publishedComments;

	private final int repliesPerThread;

	private final int pageComments;

	private final int pagedComments;

	/** Comments shown somewhere in the discussion (placeholders included): whether it is read in lighter pages. */
	private final int visibleComments;

	private final Map<DiscussionSort, List<DiscussionThread>> threadsBySort;

	private final Map<Long, DiscussionThread> threadByRootId;

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

	private Discussion(long version, Map<Long, DiscussionThread> threadByRootId, Map<Long, List<Comment>> storedByRoot,
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
		List<DiscussionThread> threadsOldestFirst = new ArrayList<>(threadByRootId.values());
		threadsOldestFirst.sort(Comparator.comparing(DiscussionThread::root, DiscussionThread.CONVERSATION));
		int published = 0;
		int visible = 0;
		for (DiscussionThread thread : threadsOldestFirst) {
			published += thread.published();
			visible += 1 + thread.replies();
		}
		this.publishedComments = published;
		this.visibleComments = visible;
		List<DiscussionThread> newest = new ArrayList<>(threadsOldestFirst);
		Collections.reverse(newest);
		List<DiscussionThread> mostReplies = new ArrayList<>(threadsOldestFirst);
		mostReplies.sort(Comparator.comparingInt((DiscussionThread t) -> t.node().descendants()).reversed());
		// A stable sort of the oldest-first list: threads recommended equally keep the order they were started in.
		List<DiscussionThread> mostRecommended = new ArrayList<>(threadsOldestFirst);
		mostRecommended
			.sort(Comparator.comparingInt((DiscussionThread t) -> details.recommendations(t.root())).reversed());
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
		Map<Long, DiscussionThread> threads = new HashMap<>();
		byRoot.forEach((root, group) -> DiscussionThread.of(group).ifPresent(thread -> threads.put(root, thread)));
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
		Map<Long, DiscussionThread> threads = new HashMap<>(threadByRootId);
		copied.forEach((root, group) -> DiscussionThread.of(group).ifPresentOrElse(thread -> threads.put(root, thread),
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
		return threadsBySort.get(sort).stream().map(DiscussionThread::node).toList();
	}

	public DiscussionPage page(DiscussionSort sort, int page, int pageSize) {
		List<DiscussionThread> threads = threadsBySort.get(sort);
		int current = Math.max(1, page);
		int from = (int) Math.min(threads.size(), (long) (current - 1) * pageSize);
		int to = Math.min(threads.size(), from + pageSize);
		List<DiscussionThread> onPage = threads.subList(from, to);
		int[] shown = shownReplies(onPage, commentsPerPage());
		List<ThreadView> views = new ArrayList<>(onPage.size());
		for (int i = 0; i < onPage.size(); i++) {
			views.add(onPage.get(i).view(shown[i]));
		}
		return new DiscussionPage(views, sort, current, pageSize, threads.size(), publishedComments, details);
	}

	public Optional<ThreadPage> thread(long rootId, int page) {
		DiscussionThread thread = threadByRootId.get(rootId);
		if (thread == null) {
			return Optional.empty();
		}
		int replies = thread.replies();
		int totalPages = Math.max(1, (replies + THREAD_PAGE_SIZE - 1) / THREAD_PAGE_SIZE);
		int current = Math.min(Math.max(1, page), totalPages);
		int from = (current - 1) * THREAD_PAGE_SIZE;
		return Optional.of(new ThreadPage(thread.slice(from, Math.min(replies, from + THREAD_PAGE_SIZE)), replies,
				current, totalPages));
	}

	/** Where a visible comment appears when the discussion is read in {@code sort} order. */
	public Optional<CommentLocation> locate(long commentId, DiscussionSort sort, int pageSize) {
		if (!contains(commentId)) {
			return Optional.empty();
		}
		long rootId = rootOf.get(commentId);
		DiscussionThread thread = threadByRootId.get(rootId);
		List<DiscussionThread> threads = threadsBySort.get(sort);
		int position = threads.indexOf(thread);
		int page = position / pageSize + 1;
		int pageStart = (page - 1) * pageSize;
		List<DiscussionThread> onPage = threads.subList(pageStart, Math.min(threads.size(), pageStart + pageSize));
		int shownHere = shownReplies(onPage, commentsPerPage())[position - pageStart];
		int index = thread.positionOf(commentId);
		boolean beyondArticlePage = commentId != rootId && index >= shownHere;
		return Optional.of(new CommentLocation(commentId, rootId, page,
				beyondArticlePage ? index / THREAD_PAGE_SIZE + 1 : 0));
	}

	public boolean contains(long commentId) {
		Long rootId = rootOf.get(commentId);
		DiscussionThread thread = rootId == null ? null : threadByRootId.get(rootId);
		return thread != null && thread.shows(commentId);
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
	private int[] shownReplies(List<DiscussionThread> onPage, int limit) {
		int[] wanted = new int[onPage.size()];
		long total = 0;
		for (int i = 0; i < wanted.length; i++) {
			wanted[i] = Math.min(onPage.get(i).replies(), repliesPerThread);
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
}
