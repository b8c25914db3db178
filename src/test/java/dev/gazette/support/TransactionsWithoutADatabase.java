package dev.gazette.support;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A transaction manager without a database, for tests of what happens around transactions (synchronizations, group
 * commit): it begins, suspends for an inner transaction of its own, commits and rolls back nothing, counts its
 * commits and runs {@code atCommit} at each, after every before-commit callback.
 */
public final class TransactionsWithoutADatabase extends AbstractPlatformTransactionManager {

	/** Commits so far. */
	public final AtomicInteger commits = new AtomicInteger();

	private final Runnable atCommit;

	public TransactionsWithoutADatabase() {
		this(() -> {
		});
	}

	public TransactionsWithoutADatabase(Runnable atCommit) {
		this.atCommit = atCommit;
	}

	@Override
	protected Object doGetTransaction() {
		return new Object();
	}

	@Override
	protected boolean isExistingTransaction(Object transaction) {
		return TransactionSynchronizationManager.isActualTransactionActive();
	}

	@Override
	protected void doBegin(Object transaction, TransactionDefinition definition) {
	}

	@Override
	protected Object doSuspend(Object transaction) {
		return transaction;
	}

	@Override
	protected void doResume(Object transaction, Object suspendedResources) {
	}

	@Override
	protected void doCommit(DefaultTransactionStatus status) {
		commits.incrementAndGet();
		atCommit.run();
	}

	@Override
	protected void doRollback(DefaultTransactionStatus status) {
	}
}
