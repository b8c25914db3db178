package dev.gazette.search;

import dev.gazette.article.ArticleCatalog;
import dev.gazette.article.ArticleChanged;
import dev.gazette.article.SearchableArticle;
import dev.gazette.comment.CommentChanged;
import dev.gazette.comment.Comments;
import dev.gazette.comment.SearchableComment;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps this node's index current: records each change in the feed inside the change's own transaction, applies
 * the feed's new rows once a second (and at once after this node's own commits), and builds the whole index from the
 * database when the engine has none.
 * <p>
 * Feed ids are handed out when a row is inserted but become visible when its transaction commits, so a smaller id can
 * appear after a larger one. The position kept in the index therefore only moves over ids without a hole before
 * them; rows past a hole are applied anyway (applying is idempotent) and applied again until the hole fills or
 * {@code gazette.search.gap-wait} passes (a rolled-back transaction leaves a hole forever).
 */
@Component
class SearchIndexer implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);

	static final String ARTICLE = "article";

	static final String COMMENT = "comment";

	private static final int BATCH = 500;

	/** Marks a transaction that has its catch-up after the commit registered already. */
	private static final Object CATCH_UP_REGISTERED = new Object();

	/** Rebuilding starts this many feed rows back: changes in transactions that were open while it read. */
	private static final int REBUILD_OVERLAP = 1_000;

	private final SearchEngine engine;

	private final ChangeFeed feed;

	private final ArticleCatalog catalog;

	private final Comments comments;

	private final SearchProperties properties;

	/** When this node last pruned the feed (nanoTime), or 0. */
	private long prunedAt;

	private final ReentrantLock lock = new ReentrantLock();

	private volatile ScheduledExecutorService poller;

	/** When the hole just past the position was first seen (nanoTime), or 0. */
	private long holeSince;

	SearchIndexer(SearchEngine engine, ChangeFeed feed, ArticleCatalog catalog, Comments comments,
			SearchProperties properties) {
		this.engine = engine;
		this.feed = feed;
		this.catalog = catalog;
		this.comments = comments;
		this.properties = properties;
	}

	/** Runs in the publisher's transaction: the feed row commits or rolls back with the change. */
	@EventListener
	void on(ArticleChanged changed) {
		feed.record(ARTICLE, changed.articleId());
		applySoon();
	}

	/** Likewise for a comment: posted, edited, moderated, deleted, or its author renamed or gone. */
	@EventListener
	void on(CommentChanged changed) {
		feed.record(COMMENT, changed.commentId());
		applySoon();
	}

	private void applySoon() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			// Once per transaction: one catch-up applies every change of it (comments committed together included).
			if (TransactionSynchronizationManager.hasResource(CATCH_UP_REGISTERED)) {
				return;
			}
			TransactionSynchronizationManager.bindResource(CATCH_UP_REGISTERED, Boolean.TRUE);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					TransactionSynchronizationManager.unbindResourceIfPossible(CATCH_UP_REGISTERED);
					catchUpIfFree();
				}

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(CATCH_UP_REGISTERED);
				}
			});
		}
		else {
			catchUpIfFree();
		}
	}

	/**
	 * After this node's own commit: applied at once, so the author's next search already sees it, unless a rebuild
	 * holds the index (then the poller applies it, and the database check keeps readers' results right meanwhile).
	 */
	private void catchUpIfFree() {
		try {
			if (lock.tryLock(1, TimeUnit.SECONDS)) {
				try {
					catchUpQuietly();
				}
				finally {
					lock.unlock();
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Builds the index if there is none, then applies every feed row past its position. */
	void catchUp() {
		lock.lock();
		try {
			if (engine.appliedThrough() < 0 || missedPrunedRows()) {
				rebuild();
			}
			applyFeed();
			pruneIfDue();
		}
		finally {
			lock.unlock();
		}
	}

	private void catchUpQuietly() {
		try {
			catchUp();
		}
		catch (RuntimeException ex) {
			log.warn("Applying the search feed stopped early; it resumes within {}", properties.pollInterval(), ex);
		}
	}

	/** Whether rows this node has not applied yet were pruned (it was away longer than the retention). */
	private boolean missedPrunedRows() {
		Long first = feed.first();
		return first != null && first > engine.appliedThrough() + 1;
	}

	/** Once per {@code gazette.search.prune-interval}, on every node (deleting what another node deleted is no harm). */
	private void pruneIfDue() {
		long now = System.nanoTime();
		if (prunedAt != 0 && now - prunedAt < properties.pruneInterval().toNanos()) {
			return;
		}
		prunedAt = now;
		int gone = feed.prune(properties.feedRetention());
		if (gone > 0) {
			log.info("Pruned {} search feed rows older than {}", gone, properties.feedRetention());
		}
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

	private void applyFeed() {
		long position = engine.appliedThrough();
		List<ChangeFeed.Change> changes;
		while (!(changes = feed.after(position, BATCH)).isEmpty()) {
			Set<Long> articleIds = new HashSet<>();
			changes.stream().filter(c -> ARTICLE.equals(c.kind())).forEach(c -> articleIds.add(c.subjectId()));
			List<SearchableArticle> found = catalog.searchable(articleIds);
			List<Long> gone = new ArrayList<>(articleIds);
			found.forEach(article -> gone.remove(article.id()));
			engine.put(found, gone);
			Set<Long> commentIds = new HashSet<>();
			changes.stream().filter(c -> COMMENT.equals(c.kind())).forEach(c -> commentIds.add(c.subjectId()));
			List<SearchableComment> foundComments = comments.searchable(commentIds);
			Set<Long> goneComments = new HashSet<>(commentIds);
			foundComments.forEach(comment -> goneComments.remove(comment.id()));
			// A deleted article takes its comments with it (the database cascades; no comment row says so).
			engine.putComments(foundComments, goneComments, gone);
			long reached = contiguous(position, changes);
			engine.commit(reached);
			if (reached == position || changes.size() < BATCH) {
				return;
			}
			position = reached;
		}
	}

	/** The new position: the last id reached without a hole, or past a hole older than the gap wait. */
	private long contiguous(long position, List<ChangeFeed.Change> changes) {
		long reached = position;
		for (ChangeFeed.Change change : changes) {
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
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "search-feed");
			thread.setDaemon(true);
			return thread;
		});
		long every = Math.max(50, properties.pollInterval().toMillis());
		executor.scheduleWithFixedDelay(this::catchUpQuietly, 0, every, TimeUnit.MILLISECONDS);
		poller = executor;
	}

	@Override
	public void stop() {
		ScheduledExecutorService executor = poller;
		poller = null;
		if (executor != null) {
			executor.shutdownNow();
			try {
				executor.awaitTermination(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return poller != null;
	}
}
