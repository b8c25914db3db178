package dev.gazette.comment.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import dev.gazette.comment.CommentProperties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for new comments: the writes of comments posted at the same moment run one after the other inside a
 * single database transaction, and each poster is answered only after that transaction has committed. Nothing is
 * acknowledged before it is on disk, as before; what changes is that twenty posts arriving together cost one commit
 * instead of twenty, and that they no longer queue for the lock on their article's {@code discussion} row (every post
 * bumps that row's version, so on one busy article the posts' transactions ran one at a time anyway, each holding
 * the lock through its own commit, and on a busy machine a lock holder that lost its core held up everyone).
 * <p>
 * There is no writer thread: the posting threads take turns as the writer (a lock). The one that holds it takes
 * every write waiting (at most {@link #MAX_BATCH}), its own among them, runs them in one transaction, commits, and
 * hands each its outcome; the others wait for the lock, and find their write done or take the next batch.
 * <p>
 * <b>Waiting for the posts on their way.</b> A commit costs the same for one post as for ten (on H2 it rewrites
 * every page the batch changed, about 1 ms of CPU; on PostgreSQL it is a flush of the log), and on a busy site most
 * posts are still being screened when the writer starts, so batches stay small and commits many. So a post announces
 * itself before its screening ({@link #expect()}), and the writer, before it takes the batch, waits up to
 * {@link CommentProperties#groupCommitWait()} (2 ms) while posts announced are still on their way, as
 * PostgreSQL's {@code commit_delay} waits for its siblings. It stops waiting as soon as none is on its way (each
 * arrival or each post stopped by screening wakes it), so a lone post is written at once, on its own thread, as
 * before.
 * <p>
 * Should any write of a batch fail, the batch is rolled back (nothing of it was stored, and none of its events
 * reached a listener: they run after the commit) and every write of it is run again in a transaction of its own, so
 * the one that failed gets its own exception and the others are stored as if they had come alone. When the database
 * cannot be reached, every write of the batch gets that failure at once instead of waiting for it again alone.
 * <p>
 * A write asked for inside a transaction that is already open (a caller's own {@code @Transactional} method) joins
 * that transaction, on the caller's thread, as before.
 */
@Component
public class CommentWrites {

	/** Posts committed together at most: enough for every Tomcat thread, few enough to keep a batch short. */
	static final int MAX_BATCH = 64;

	private static final Logger log = LoggerFactory.getLogger(CommentWrites.class);

	private final TransactionTemplate transaction;

	private final Queue<Pending<?>> queue = new ConcurrentLinkedQueue<>();

	/** Held by the thread writing a batch. */
	private final ReentrantLock writer = new ReentrantLock();

	/** Posts announced ({@link #expect()}) and not yet queued or stopped. */
	private final AtomicInteger onTheirWay = new AtomicInteger();

	/** The writer while it waits for posts on their way; woken by each arrival. */
	private volatile Thread gathering;

	private final long waitNanos;

	@Autowired
	CommentWrites(TransactionTemplate transaction, CommentProperties properties) {
		this(transaction, properties.groupCommitWait());
	}

	CommentWrites(TransactionTemplate transaction, Duration wait) {
		this.transaction = transaction;
		this.waitNanos = wait.toNanos();
	}

	/**
	 * Announces a post that will reach {@link #write(Expected, Supplier)} once screened, so that a batch being
	 * gathered waits for it. Close it in any case: a post stopped before its write no longer holds up the writer.
	 */
	public Expected expect() {
		onTheirWay.incrementAndGet();
		return new Expected();
	}

	/** As {@link #write(Supplier)}, for a post announced with {@link #expect()}: it has arrived. */
	public <T> T write(Expected expected, Supplier<T> work) {
		return write(work, expected);
	}

	/**
	 * Runs {@code work} in a transaction and returns what it returned once that transaction has committed; throws
	 * what it threw (or what the commit threw), with nothing of it stored.
	 */
	public <T> T write(Supplier<T> work) {
		return write(work, null);
	}

	private <T> T write(Supplier<T> work, Expected expected) {
		if (TransactionSynchronizationManager.isActualTransactionActive() || writer.isHeldByCurrentThread()) {
			if (expected != null) {
				expected.close();
			}
			return transaction.execute(status -> work.get());
		}
		Pending<T> pending = new Pending<>(work);
		queue.add(pending);
		// Queued first, then no longer on its way: a gathering writer always finds this post in one place or the
		// other.
		if (expected != null) {
			expected.close();
		}
		while (!pending.isDone()) {
			writer.lock();
			try {
				// Under the lock no batch is running: not done means still queued, so this batch takes it.
				if (!pending.isDone()) {
					writeBatch();
				}
			}
			finally {
				writer.unlock();
			}
		}
		return pending.outcome();
	}

	/** How many writes wait for the writer now. */
	int waiting() {
		return queue.size();
	}

	/** Under the lock: waits (briefly) while announced posts are still on their way, so they share this commit. */
	private void gather() {
		if (waitNanos <= 0 || onTheirWay.get() == 0) {
			return;
		}
		long deadline = System.nanoTime() + waitNanos;
		gathering = Thread.currentThread();
		try {
			for (long left = waitNanos; left > 0 && onTheirWay.get() > 0 && queue.size() < MAX_BATCH;
					left = deadline - System.nanoTime()) {
				LockSupport.parkNanos(this, left);
			}
		}
		finally {
			gathering = null;
		}
	}

	private void wake() {
		Thread writer = gathering;
		if (writer != null) {
			LockSupport.unpark(writer);
		}
	}

	private void writeBatch() {
		gather();
		List<Pending<?>> batch = new ArrayList<>();
		for (Pending<?> next = queue.poll(); next != null; next = batch.size() < MAX_BATCH ? queue.poll() : null) {
			batch.add(next);
		}
		try {
			if (batch.size() == 1) {
				writeAlone(batch.get(0));
			}
			else if (!batch.isEmpty()) {
				writeTogether(batch);
			}
		}
		catch (Throwable unexpected) {
			// Each write's own failure is handed to its poster; this would be a bug, and no poster may wait forever.
			log.error("Comment writes: unexpected failure", unexpected);
			batch.forEach(pending -> pending.fail(unexpected));
		}
	}

	private void writeTogether(List<Pending<?>> batch) {
		List<Object> results;
		try {
			results = transaction.execute(status -> {
				List<Object> done = new ArrayList<>(batch.size());
				for (Pending<?> pending : batch) {
					done.add(pending.work.get());
				}
				return done;
			});
		}
		catch (CannotCreateTransactionException | DataAccessResourceFailureException unreachable) {
			// The database is away: each write alone would wait as long again for a connection. Every poster gets
			// what a post of its own would have got.
			batch.forEach(pending -> pending.fail(unreachable));
			return;
		}
		catch (RuntimeException | Error failed) {
			log.debug("A batch of {} comment writes failed ({}); writing each alone", batch.size(), failed.toString());
			batch.forEach(this::writeAlone);
			return;
		}
		for (int i = 0; i < batch.size(); i++) {
			batch.get(i).succeed(results.get(i));
		}
	}

	private void writeAlone(Pending<?> pending) {
		try {
			pending.succeed(transaction.execute(status -> pending.work.get()));
		}
		catch (RuntimeException | Error failed) {
			pending.fail(failed);
		}
	}

	/** A post on its way to the writer; closed when it arrives or is stopped before (closing twice counts once). */
	public final class Expected implements AutoCloseable {

		private boolean closed;

		private Expected() {
		}

		@Override
		public void close() {
			if (!closed) {
				closed = true;
				onTheirWay.decrementAndGet();
				wake();
			}
		}
	}

	/** One caller's write, and its outcome once written. */
	private static final class Pending<T> {

		final Supplier<T> work;

		private final CompletableFuture<Object> outcome = new CompletableFuture<>();

		Pending(Supplier<T> work) {
			this.work = work;
		}

		boolean isDone() {
			return outcome.isDone();
		}

		void succeed(Object result) {
			outcome.complete(result);
		}

		void fail(Throwable failure) {
			outcome.completeExceptionally(failure);
		}

		/** The write's result, or its own exception rethrown. Called once done. */
		@SuppressWarnings("unchecked")
		T outcome() {
			try {
				return (T) outcome.join();
			}
			catch (CompletionException failed) {
				Throwable cause = failed.getCause();
				if (cause instanceof RuntimeException runtime) {
					throw runtime;
				}
				if (cause instanceof Error error) {
					throw error;
				}
				throw failed;
			}
		}
	}
}
