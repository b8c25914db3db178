package dev.gazette.comment.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * hands each its outcome; the others wait for the lock, and find their write done or take the next batch. It never
 * waits to fill a batch, so a lone post is written at once, on its own thread, as before.
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

	CommentWrites(TransactionTemplate transaction) {
		this.transaction = transaction;
	}

	/**
	 * Runs {@code work} in a transaction and returns what it returned once that transaction has committed; throws
	 * what it threw (or what the commit threw), with nothing of it stored.
	 */
	public <T> T write(Supplier<T> work) {
		if (TransactionSynchronizationManager.isActualTransactionActive() || writer.isHeldByCurrentThread()) {
			return transaction.execute(status -> work.get());
		}
		Pending<T> pending = new Pending<>(work);
		queue.add(pending);
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

	private void writeBatch() {
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
