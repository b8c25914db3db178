package dev.gazette.search;

import dev.gazette.article.ArticleCatalog;
import dev.gazette.article.ArticleChanged;
import dev.gazette.article.SearchableArticle;
import dev.gazette.changes.ChangeLog;
import dev.gazette.comment.CommentChanged;
import dev.gazette.comment.Comments;
import dev.gazette.comment.SearchableComment;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps this node's index current from the change log ({@code dev.gazette.changes}, written inside each change's
 * own transaction): applies its new rows shortly after this node's own commits and once a second for other nodes'
 * (and builds the whole index from the database when the engine has none).
 * <p>
 * Every write to the index happens on one thread of its own, {@code search-feed}, which nothing interrupts: an
 * interrupted thread that touches Lucene's files closes their channels, the index lock's among them. A post does no
 * search work beyond its change log row: the poll applies everything committed since the last one in one batch (one
 * segment, one Lucene commit a second however many posts). A search first has the feed applied, up to what this node
 * committed before it, and made visible (a near-real-time reader, durable at the next poll), so an author's next
 * search finds their comment ({@link #readThrough}). The feed is what is durable: a node that stops between the two
 * applies those rows again when it starts.
 * <p>
 * Feed ids are handed out when a row is inserted but become visible when its transaction commits, so a smaller id can
 * appear after a larger one. The position kept in the index therefore only moves over ids without a hole before
 * them; rows past a hole are applied anyway (applying is idempotent) and applied again until the hole fills or
 * {@code gazette.search.gap-wait} passes (a rolled-back transaction leaves a hole forever).
 */
@Component
class SearchIndexer implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);

	private static final int BATCH = 500;

	/** Marks a transaction that has its catch-up after the commit registered already. */
	private static final Object CATCH_UP_REGISTERED = new Object();

	/** How long a search waits at most for this node's own changes to become visible. */
	private static final Duration READ_THROUGH_WAIT = Duration.ofSeconds(1);

	/** Rebuilding starts this many feed rows back: changes in transactions that were open while it read. */
	private static final int REBUILD_OVERLAP = 1_000;

	private final SearchEngine engine;

	private final ChangeLog feed;

	private final ArticleCatalog catalog;

	private final Comments comments;

	private final SearchProperties properties;

	/** Held while the index is written: by the search thread, or by a test that applies the feed itself. */
	private final ReentrantLock lock = new ReentrantLock();

	/** Whether the index holds applied changes not made durable yet; guarded by {@link #lock}. */
	private boolean uncommitted;

	/** This node's commits that changed something searchable, counted as they happen. */
	private final AtomicLong committed = new AtomicLong();

	/** How many of {@link #committed} searches can see; guarded by its own monitor, which searches wait on. */
	private final Object visible = new Object();

	private long visibleThrough;

	private volatile ScheduledExecutorService poller;

	/** Whether this start's index was compared with the feed's end ({@link #aheadOfTheFeed}); guarded by {@link #lock}. */
	private boolean checkedAgainstTheFeed;

	/** When the hole just past the position was first seen (nanoTime), or 0. */
	private long holeSince;

	SearchIndexer(SearchEngine engine, ChangeLog feed, ArticleCatalog catalog, Comments comments,
			SearchProperties properties) {
		this.engine = engine;
		this.feed = feed;
		this.catalog = catalog;
		this.comments = comments;
		this.properties = properties;
	}

	/** Runs in the publisher's transaction; the change log writes the row there ({@code dev.gazette.changes}). */
	@EventListener
	void on(ArticleChanged changed) {
		applySoon();
	}

	/** Likewise for a comment: posted, edited, moderated, deleted, or its author renamed or gone. */
	@EventListener
	void on(CommentChanged changed) {
		applySoon();
	}

	private void applySoon() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			// Once per transaction: one wake-up covers every change of it (comments committed together included).
			if (TransactionSynchronizationManager.hasResource(CATCH_UP_REGISTERED)) {
				return;
			}
			TransactionSynchronizationManager.bindResource(CATCH_UP_REGISTERED, Boolean.TRUE);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					TransactionSynchronizationManager.unbindResourceIfPossible(CATCH_UP_REGISTERED);
					committedHere();
				}

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(CATCH_UP_REGISTERED);
				}
			});
		}
		else {
			committedHere();
		}
	}

	/**
	 * After this node's own commit: only counted. The next poll applies it with everything else committed since, and
	 * a search before that has it applied first.
	 */
	private void committedHere() {
		committed.incrementAndGet();
	}

	/**
	 * Waits, up to a second, until every change this node committed before the call is visible to searches; each
	 * search calls it first. Returns at once when nothing is pending, the usual case. The waiting is all this thread
	 * does: the search thread applies the feed, so an interrupt here cannot reach the index's files.
	 */
	void readThrough() {
		long want = committed.get();
		synchronized (visible) {
			if (visibleThrough >= want) {
				return;
			}
		}
		ScheduledExecutorService executor = poller;
		if (executor == null) {
			return;
		}
		try {
			// Visible at once; made durable by the next poll.
			executor.execute(() -> catchUpQuietly(false));
		}
		catch (RejectedExecutionException stopping) {
			return;
		}
		long deadline = System.nanoTime() + READ_THROUGH_WAIT.toNanos();
		synchronized (visible) {
			while (visibleThrough < want) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					return;
				}
				try {
					TimeUnit.NANOSECONDS.timedWait(visible, left);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	/** Builds the index if there is none, then applies every feed row past its position and makes it durable. */
	void catchUp() {
		catchUp(true);
	}

	private void catchUp(boolean durable) {
		long target = committed.get();
		lock.lock();
		try {
			if (engine.appliedThrough() < 0 || missedPrunedRows() || aheadOfTheFeed()) {
				rebuild();
			}
			applyFeed(durable);
			if (durable && uncommitted) {
				engine.commit(engine.appliedThrough());
				uncommitted = false;
			}
		}
		finally {
			lock.unlock();
		}
		synchronized (visible) {
			visibleThrough = Math.max(visibleThrough, target);
			visible.notifyAll();
		}
	}

	private void catchUpQuietly(boolean durable) {
		try {
			catchUp(durable);
		}
		catch (RuntimeException ex) {
			log.warn("Applying the search feed stopped early; it resumes within {}", properties.pollInterval(), ex);
		}
	}

	/**
	 * Once per start: whether the index has applied past the last row of the feed, which no index fed from this
	 * database can have. It was built from another database, or from this one before it was restored from an older
	 * backup; trusted, it would miss every change until the ids passed its position.
	 */
	private boolean aheadOfTheFeed() {
		if (checkedAgainstTheFeed) {
			return false;
		}
		checkedAgainstTheFeed = true;
		return engine.appliedThrough() > feed.last();
	}

	/** Whether rows this node has not applied yet were pruned (it was away longer than the retention). */
	private boolean missedPrunedRows() {
		Long first = feed.first();
		return first != null && first > engine.appliedThrough() + 1;
	}

	private void rebuild() {
		long start = System.nanoTime();
		Long first = feed.first();
		// Not before the first row kept, or the next check would take the pruned rows as missed and rebuild again.
		long position = Math.max(first == null ? 0 : first - 1, Math.max(0, feed.last() - REBUILD_OVERLAP));
		engine.clear();
		long after = 0;
		int count = 0;
		List<Long> ids;
		while (!(ids = catalog.articleIdsAfter(after, BATCH)).isEmpty()) {
			engine.put(catalog.searchable(ids), List.of());
			after = ids.get(ids.size() - 1);
			count += ids.size();
		}
		after = 0;
		int commentCount = 0;
		while (!(ids = comments.commentIdsAfter(after, BATCH)).isEmpty()) {
			engine.putComments(comments.searchable(ids), List.of(), List.of());
			after = ids.get(ids.size() - 1);
			commentCount += ids.size();
		}
		engine.commit(position);
		log.info("Built the search index from the database: {} articles and {} comments in {} ms", count, commentCount,
				TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
	}

	private void applyFeed(boolean durable) {
		long position = engine.appliedThrough();
		List<ChangeLog.Change> changes;
		while (!(changes = feed.after(position, BATCH)).isEmpty()) {
			Set<Long> articleIds = new HashSet<>();
			changes.stream().filter(c -> !c.isComment()).forEach(c -> articleIds.add(c.subjectId()));
			List<SearchableArticle> found = catalog.searchable(articleIds);
			List<Long> gone = new ArrayList<>(articleIds);
			found.forEach(article -> gone.remove(article.id()));
			engine.put(found, gone);
			Set<Long> commentIds = new HashSet<>();
			changes.stream().filter(ChangeLog.Change::isComment).forEach(c -> commentIds.add(c.subjectId()));
			List<SearchableComment> foundComments = comments.searchable(commentIds);
			Set<Long> goneComments = new HashSet<>(commentIds);
			foundComments.forEach(comment -> goneComments.remove(comment.id()));
			// A deleted article takes its comments with it (the database cascades; no comment row says so).
			engine.putComments(foundComments, goneComments, gone);
			long reached = contiguous(position, changes);
			if (durable) {
				engine.commit(reached);
				uncommitted = false;
			}
			else {
				engine.publish(reached);
				uncommitted = true;
			}
			if (reached == position || changes.size() < BATCH) {
				return;
			}
			position = reached;
		}
	}

	/** The new position: the last id reached without a hole, or past a hole older than the gap wait. */
	private long contiguous(long position, List<ChangeLog.Change> changes) {
		long reached = position;
		for (ChangeLog.Change change : changes) {
			if (change.id() != reached + 1 && !holeExpired()) {
				return reached;
			}
			holeSince = 0;
			reached = change.id();
		}
		return reached;
	}

	private boolean holeExpired() {
		long now = System.nanoTime();
		if (holeSince == 0) {
			holeSince = now;
			return false;
		}
		return now - holeSince > properties.gapWait().toNanos();
	}

	@Override
	public void start() {
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
			Thread thread = new Thread(runnable, "search-feed");
			thread.setDaemon(true);
			return thread;
		});
		// At stop, a run still waiting for its delay is dropped: what it would apply is in the feed for the next start.
		executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
		long every = Math.max(50, properties.pollInterval().toMillis());
		executor.scheduleWithFixedDelay(() -> catchUpQuietly(true), 0, every, TimeUnit.MILLISECONDS);
		poller = executor;
	}

	@Override
	public void stop() {
		ScheduledExecutorService executor = poller;
		poller = null;
		if (executor != null) {
			// Not shutdownNow: an interrupt in the middle of a Lucene write closes the index's files, its lock's too.
			executor.shutdown();
			try {
				if (executor.awaitTermination(10, TimeUnit.SECONDS)) {
					makeDurable();
				}
				else {
					log.warn("The search thread did not finish within 10 s; the feed is applied again at the next start");
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** At stop: what was applied becomes durable, so the next start need not apply it again. */
	private void makeDurable() {
		lock.lock();
		try {
			if (uncommitted) {
				engine.commit(engine.appliedThrough());
				uncommitted = false;
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not commit the search index at stop; the feed is applied again at the next start", ex);
		}
		finally {
			lock.unlock();
		}
	}

	@Override
	public boolean isRunning() {
		return poller != null;
	}
}
