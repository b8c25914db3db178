package dev.gazette.comment.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.gazette.support.TransactionsWithoutADatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Group commit: posts that arrive while another is being written are committed together, each answered with its own
 * outcome only after that commit, and one failing write costs the others nothing; the writer waits for posts
 * announced and still on their way (being screened), and for nothing else. A write counts as stored here when
 * its transaction commits (an after-commit callback), as a row does in the database.
 */
class CommentWritesTests {

	private final TransactionsWithoutADatabase transactions = new TransactionsWithoutADatabase();

	private final CommentWrites writes = new CommentWrites(new TransactionTemplate(transactions), Duration.ZERO);

	/** A writer that waits up to a minute for posts on their way. */
	private final CommentWrites patient = new CommentWrites(new TransactionTemplate(transactions), Duration.ofMinutes(1));

	private final Set<String> stored = ConcurrentHashMap.newKeySet();

	private final ExecutorService posters = Executors.newFixedThreadPool(8);

	@AfterEach
	void stop() {
		posters.shutdownNow();
	}

	@Test
	void aLonePostIsWrittenAtOnceOnItsOwnThread() {
		Thread caller = Thread.currentThread();
		String outcome = writes.write(() -> {
			assertThat(Thread.currentThread()).isSameAs(caller);
			return store("alone");
		});
		assertThat(outcome).isEqualTo("alone");
		assertThat(stored).containsExactly("alone");
		assertThat(transactions.commits).hasValue(1);
	}

	@Test
	void postsArrivingWhileOneIsWrittenShareTheNextCommitAndEachGetsItsOwnAnswer() throws Exception {
		CountDownLatch firstInside = new CountDownLatch(1);
		CountDownLatch letFirstFinish = new CountDownLatch(1);
		Future<String> first = posters.submit(() -> writes.write(() -> {
			firstInside.countDown();
			await(letFirstFinish);
			return store("first");
		}));
		assertThat(firstInside.await(30, TimeUnit.SECONDS)).isTrue();
		List<Future<String>> others = new ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			String name = "post " + i;
			others.add(posters.submit(() -> writes.write(() -> store(name))));
		}
		waitUntilWaiting(5);
		assertThat(stored).as("nothing is answered or stored before its commit").isEmpty();

		letFirstFinish.countDown();

		assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo("first");
		for (int i = 1; i <= 5; i++) {
			assertThat(others.get(i - 1).get(30, TimeUnit.SECONDS)).isEqualTo("post " + i);
		}
		assertThat(stored).containsExactlyInAnyOrder("first", "post 1", "post 2", "post 3", "post 4", "post 5");
		assertThat(transactions.commits).as("the first alone, the five waiting together").hasValue(2);
	}

	@Test
	void aFailingWriteInABatchIsRefusedAloneAndTheOthersAreStored() throws Exception {
		CountDownLatch firstInside = new CountDownLatch(1);
		CountDownLatch letFirstFinish = new CountDownLatch(1);
		Future<String> first = posters.submit(() -> writes.write(() -> {
			firstInside.countDown();
			await(letFirstFinish);
			return store("first");
		}));
		assertThat(firstInside.await(30, TimeUnit.SECONDS)).isTrue();
		Future<String> before = posters.submit(() -> writes.write(() -> store("before")));
		waitUntilWaiting(1);
		Future<String> failing = posters.submit(() -> writes.<String>write(() -> {
			store("half-written");
			throw new IllegalStateException("this one breaks");
		}));
		waitUntilWaiting(2);
		Future<String> after = posters.submit(() -> writes.write(() -> store("after")));
		waitUntilWaiting(3);

		letFirstFinish.countDown();

		assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo("first");
		assertThat(before.get(30, TimeUnit.SECONDS)).isEqualTo("before");
		assertThat(after.get(30, TimeUnit.SECONDS)).isEqualTo("after");
		assertThatThrownBy(() -> failing.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class)
			.hasMessageContaining("this one breaks");
		assertThat(stored).containsExactlyInAnyOrder("first", "before", "after");
	}

	@Test
	@Timeout(20)
	void aLonePostAnnouncedIsWrittenAtOnceThoughTheWriterMayWaitAMinute() {
		try (CommentWrites.Expected expected = patient.expect()) {
			assertThat(patient.write(expected, () -> store("alone"))).isEqualTo("alone");
		}
		assertThat(stored).containsExactly("alone");
	}

	@Test
	void theWriterWaitsForAPostStillOnItsWayAndCommitsBothTogether() throws Exception {
		CommentWrites.Expected first = patient.expect();
		CommentWrites.Expected second = patient.expect();
		Future<String> written = posters.submit(() -> patient.write(first, () -> store("first")));
		waitUntilWaiting(patient, 1);
		assertThat(stored).as("held for the post on its way").isEmpty();

		Future<String> arriving = posters.submit(() -> patient.write(second, () -> store("second")));

		assertThat(written.get(30, TimeUnit.SECONDS)).isEqualTo("first");
		assertThat(arriving.get(30, TimeUnit.SECONDS)).isEqualTo("second");
		assertThat(stored).containsExactlyInAnyOrder("first", "second");
		assertThat(transactions.commits).as("one commit for both").hasValue(1);
	}

	@Test
	void aPostStoppedOnItsWayNoLongerHoldsUpTheWriter() throws Exception {
		CommentWrites.Expected first = patient.expect();
		CommentWrites.Expected refused = patient.expect();
		Future<String> written = posters.submit(() -> patient.write(first, () -> store("first")));
		waitUntilWaiting(patient, 1);

		refused.close();

		assertThat(written.get(30, TimeUnit.SECONDS)).as("written without waiting out the minute").isEqualTo("first");
		assertThat(transactions.commits).hasValue(1);
	}

	@Test
	void aWriteInsideAnOpenTransactionJoinsIt() {
		new TransactionTemplate(transactions).executeWithoutResult(status -> writes.write(() -> store("joined")));
		assertThat(stored).containsExactly("joined");
		assertThat(transactions.commits).hasValue(1);
	}

	/** Stored when the transaction it runs in commits; forgotten when it rolls back. */
	private String store(String name) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				stored.add(name);
			}
		});
		return name;
	}

	private void waitUntilWaiting(int count) throws InterruptedException {
		waitUntilWaiting(writes, count);
	}

	private static void waitUntilWaiting(CommentWrites writes, int count) throws InterruptedException {
		for (int i = 0; i < 3000 && writes.waiting() < count; i++) {
			Thread.sleep(10);
		}
		assertThat(writes.waiting()).isEqualTo(count);
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException interrupted) {
			throw new IllegalStateException(interrupted);
		}
	}
}
