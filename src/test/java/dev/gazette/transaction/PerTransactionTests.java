package dev.gazette.transaction;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.gazette.support.TransactionsWithoutADatabase;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a transaction gathers is handed over once, just before it commits, and never for one rolled back; an inner
 * transaction of its own gathers apart from the outer one; outside a transaction there is nothing to gather into.
 */
class PerTransactionTests {

	private final List<List<String>> written = new ArrayList<>();

	/** How many batches had been written at each commit. */
	private final List<Integer> writtenAtCommit = new ArrayList<>();

	private final TransactionTemplate transaction = new TransactionTemplate(
			new TransactionsWithoutADatabase(() -> writtenAtCommit.add(written.size())));

	private final AtomicInteger made = new AtomicInteger();

	private final PerTransaction<List<String>> gathered = new PerTransaction<>(() -> {
		made.incrementAndGet();
		return new ArrayList<>();
	}, rows -> written.add(List.copyOf(rows)));

	@Test
	void whatATransactionGathersIsWrittenOnceJustBeforeItCommits() {
		transaction.executeWithoutResult(status -> {
			add("first");
			add("second");
			assertThat(written).as("nothing before the commit").isEmpty();
		});

		assertThat(written).containsExactly(List.of("first", "second"));
		assertThat(made).as("one value for the transaction").hasValue(1);
		assertThat(writtenAtCommit).as("written before the commit, not after").containsExactly(1);
	}

	@Test
	void aRolledBackTransactionWritesNothingAndTheNextStartsAfresh() {
		transaction.executeWithoutResult(status -> {
			add("undone");
			status.setRollbackOnly();
		});
		transaction.executeWithoutResult(status -> add("kept"));

		assertThat(written).containsExactly(List.of("kept"));
	}

	@Test
	void anInnerTransactionOfItsOwnGathersApartAndTheOuterGoesOnAfterIt() {
		TransactionTemplate own = new TransactionTemplate(transaction.getTransactionManager());
		own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		transaction.executeWithoutResult(status -> {
			add("outer, before");
			own.executeWithoutResult(inner -> add("inner"));
			add("outer, after");
		});

		assertThat(written).containsExactly(List.of("inner"), List.of("outer, before", "outer, after"));
	}

	@Test
	void outsideATransactionAndDuringTheCommitThereIsNoValue() {
		assertThat(gathered.current()).isEmpty();
		List<Boolean> duringCommit = new ArrayList<>();
		PerTransaction<List<String>> asksAgain = new PerTransaction<>(ArrayList::new,
				rows -> duringCommit.add(gathered.current().isPresent()));
		transaction.executeWithoutResult(status -> {
			add("one");
			asksAgain.current();
		});

		assertThat(duringCommit).as("a value already handed over takes nothing more").containsExactly(false);
		assertThat(TransactionSynchronizationManager.getResourceMap()).as("nothing left on the thread").isEmpty();
	}

	@Test
	void aKeptValueIsMadeOnceATransaction() {
		AtomicInteger reads = new AtomicInteger();
		PerTransaction<Integer> read = PerTransaction.kept(reads::incrementAndGet);
		List<Integer> seen = transaction.execute(status -> List.of(read.current().orElseThrow(),
				read.current().orElseThrow(), read.current().orElseThrow()));
		transaction.executeWithoutResult(status -> read.current());

		assertThat(seen).containsExactly(1, 1, 1);
		assertThat(reads).hasValue(2);
	}

	private void add(String row) {
		gathered.current().orElseThrow().add(row);
	}
}
