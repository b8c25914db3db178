package dev.gazette.reads;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One read shared by every request that can take its answer. A request that finds no read on its way makes one. A
 * request that arrives while one is on its way may not take that read's answer (it may have begun before a change the
 * request must see), so it joins the next read instead, with every other request that arrives meanwhile; that read
 * begins as the one on its way ends, after all of them arrived, so its answer is as fresh for each of them as a read
 * of their own. Under load, the requests that arrive during one read share one more, instead of making one each, and
 * none waits longer than for the end of one read and the whole of the next.
 * <p>
 * Used for the checks that make kept copies safe on several nodes: the kept article page's versions
 * ({@code web.ArticlePageCache}) and the publication's settings version ({@code publication.Publications}). What a
 * reader gets still reflects every change committed, on any node, before their request arrived, which is what the
 * checks are for. A read that fails fails for each request that shared it.
 * <p>
 * The read runs on the thread of one of the requests that share it, so it must not depend on that thread's state:
 * a caller inside a database transaction (whose read would see its own uncommitted writes, and a shared one would not)
 * reads for itself, always.
 */
public final class OneReadForMany<V> {

	/** The read on its way, or null. */
	private Batch<V> current;

	/** The requests waiting for the next read, or null. */
	private Batch<V> next;

	/** One read and the requests that share it; it begins when {@code begun} completes. */
	private static final class Batch<V> {

		final CompletableFuture<Void> begun = new CompletableFuture<>();

		final AtomicBoolean claimed = new AtomicBoolean();

		final CompletableFuture<V> result = new CompletableFuture<>();
	}

	/**
	 * The answer of a read begun after this call: this caller's own, or one shared with the calls that arrived while
	 * the read before it was on its way (never inside a transaction: there the caller reads for itself).
	 */
	public V get(Supplier<V> read) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return read.get();
		}
		Batch<V> batch;
		synchronized (this) {
			if (current == null) {
				current = new Batch<>();
				current.begun.complete(null);
			}
			else if (next == null) {
				next = new Batch<>();
			}
			batch = next != null ? next : current;
		}
		batch.begun.join();
		if (batch.claimed.compareAndSet(false, true)) {
			return readFor(batch, read);
		}
		try {
			return batch.result.join();
		}
		catch (CompletionException failed) {
			throw failed.getCause() instanceof RuntimeException runtime ? runtime : failed;
		}
	}

	private V readFor(Batch<V> batch, Supplier<V> read) {
		V value;
		try {
			value = read.get();
		}
		catch (RuntimeException | Error failure) {
			ended();
			batch.result.completeExceptionally(failure);
			throw failure;
		}
		ended();
		batch.result.complete(value);
		return value;
	}

	/** The read on its way has its answer: the waiting requests' read begins (one of them makes it). */
	private void ended() {
		Batch<V> waiting;
		synchronized (this) {
			current = next;
			next = null;
			waiting = current;
		}
		if (waiting != null) {
			waiting.begun.complete(null);
		}
	}
}
