package dev.gazette.reads;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A check shared between requests (the kept page's versions, the publication's settings): nobody gets an answer read
 * before they arrived, and the requests that arrive during one read share one more read rather than making one each.
 */
class OneReadForManyTests {

	final OneReadForMany<Long> check = new OneReadForMany<>();

	/** The "database": a version that writers bump, and how many times it was read. */
	final AtomicLong version = new AtomicLong();

	final AtomicInteger reads = new AtomicInteger();

	final ExecutorService readers = Executors.newFixedThreadPool(11);

	@AfterEach
	void stop() {
		readers.shutdownNow();
	}

	@Test
	void requestsArrivingDuringAReadGetTheNextOneWhichSeesWhatWasWrittenBeforeThem() throws Exception {
		CountDownLatch firstReadStarted = new CountDownLatch(1);
		CountDownLatch releaseFirstRead = new CountDownLatch(1);
		Future<Long> first = readers.submit(() -> check.get(() -> {
			long seen = version.get();
			reads.incrementAndGet();
			firstReadStarted.countDown();
			await(releaseFirstRead);
			return seen;
		}));
		assertThat(firstReadStarted.await(10, TimeUnit.SECONDS)).isTrue();

		// A comment is committed while the first read is on its way; ten readers arrive after it.
		version.set(7);
		List<Future<Long>> later = new ArrayList<>();
		List<Thread> waiting = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			later.add(readers.submit(() -> {
				synchronized (waiting) {
					waiting.add(Thread.currentThread());
				}
				return check.get(this::read);
			}));
		}
		awaitAllBlocked(waiting, 10);
		releaseFirstRead.countDown();

		assertThat(first.get(10, TimeUnit.SECONDS)).isZero();
		for (Future<Long> answer : later) {
			assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo(7);
		}
		assertThat(reads.get()).isEqualTo(2);
	}

	@Test
	void aLoneRequestReadsForItselfEveryTime() {
		assertThat(check.get(this::read)).isZero();
		version.set(3);
		assertThat(check.get(this::read)).isEqualTo(3);
		assertThat(reads.get()).isEqualTo(2);
	}

	@Test
	void aFailedReadFailsItsRequestAndTheNextReadsAgain() {
		IllegalStateException away = new IllegalStateException("the database is away");

		assertThatThrownBy(() -> check.get(() -> {
			throw away;
		})).isSameAs(away);
		assertThat(check.get(this::read)).isZero();
	}

	@Test
	void aCallerInsideATransactionReadsForItselfWhileAnotherReadIsOnItsWay() throws Exception {
		CountDownLatch firstReadStarted = new CountDownLatch(1);
		CountDownLatch releaseFirstRead = new CountDownLatch(1);
		Future<Long> first = readers.submit(() -> check.get(() -> {
			firstReadStarted.countDown();
			await(releaseFirstRead);
			return read();
		}));
		assertThat(firstReadStarted.await(10, TimeUnit.SECONDS)).isTrue();
		version.set(5);

		Future<Long> inside = readers.submit(() -> {
			TransactionSynchronizationManager.setActualTransactionActive(true);
			try {
				// Its transaction's view, here a write of its own not yet committed, which no shared read would see.
				return check.get(() -> 6L);
			}
			finally {
				TransactionSynchronizationManager.setActualTransactionActive(false);
			}
		});

		assertThat(inside.get(5, TimeUnit.SECONDS)).as("answered at once, without waiting for the read on its way")
			.isEqualTo(6);
		releaseFirstRead.countDown();
		assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(5);
	}

	private long read() {
		reads.incrementAndGet();
		return version.get();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Waits until {@code count} threads have arrived and are parked waiting for a read. */
	private static void awaitAllBlocked(List<Thread> threads, int count) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (System.nanoTime() < deadline) {
			synchronized (threads) {
				if (threads.size() == count && threads.stream()
					.allMatch(t -> t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING)) {
					return;
				}
			}
			Thread.sleep(5);
		}
		throw new AssertionError("the readers never all waited");
	}
}
