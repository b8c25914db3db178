package dev.gazette.transaction;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One value per transaction: made at its first use in a transaction, handed to an action just before that
 * transaction commits (once, and not at all when it rolls back), and forgotten when it ends. An inner transaction of
 * its own ({@code REQUIRES_NEW}) gets a value of its own; the outer one's is put aside meanwhile and comes back with
 * it.
 * <p>
 * Outside a transaction, and once the action has run (something written during the commit itself), there is no value:
 * {@link #current()} is empty, and the caller does its work at once.
 */
public final class PerTransaction<T> {

	private final Supplier<T> make;

	private final Consumer<T> beforeCommit;

	/**
	 * @param make a fresh value for a transaction
	 * @param beforeCommit what to do with the value just before the transaction commits (write what it gathered);
	 * what it throws rolls the transaction back
	 */
	public PerTransaction(Supplier<T> make, Consumer<T> beforeCommit) {
		this.make = make;
		this.beforeCommit = beforeCommit;
	}

	/** A value kept for the transaction, with nothing to do at its commit (a read made once). */
	public static <T> PerTransaction<T> kept(Supplier<T> make) {
		return new PerTransaction<>(make, value -> {
		});
	}

	/** The current transaction's value, made now if this is its first use; empty outside one or once committing. */
	public Optional<T> current() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return Optional.empty();
		}
		@SuppressWarnings("unchecked")
		Bound<T> bound = (Bound<T>) TransactionSynchronizationManager.getResource(this);
		if (bound == null) {
			bound = new Bound<>(this, make.get());
			TransactionSynchronizationManager.registerSynchronization(bound);
			TransactionSynchronizationManager.bindResource(this, bound);
		}
		return bound.committing ? Optional.empty() : Optional.of(bound.value);
	}

	/** The value bound to the thread while its transaction is. */
	private static final class Bound<T> implements TransactionSynchronization {

		private final PerTransaction<T> owner;

		private final T value;

		private boolean committing;

		Bound(PerTransaction<T> owner, T value) {
			this.owner = owner;
			this.value = value;
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			committing = true;
			owner.beforeCommit.accept(value);
		}

		@Override
		public void suspend() {
			TransactionSynchronizationManager.unbindResource(owner);
		}

		@Override
		public void resume() {
			TransactionSynchronizationManager.bindResource(owner, this);
		}

		@Override
		public void afterCompletion(int status) {
			TransactionSynchronizationManager.unbindResourceIfPossible(owner);
		}
	}
}
