package dev.gazette.background;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import dev.gazette.support.MutableClock;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The background module started on its own ({@code @ApplicationModuleTest}, {@code STANDALONE}): {@link EventRetries}
 * runs an event listener again once its publication is older than {@code first-retry}, and again after each
 * back-off, until it finishes. The module declares no dependency, yet its {@code EventRetries} takes the
 * {@link java.time.Clock} bean that in the application only {@code publication} defines (a JDK type, so Modulith sees
 * no dependency to follow, and {@code DIRECT_DEPENDENCIES} mode would not bring it). The test's configuration gives the
 * context that clock, a {@link MutableClock}; Spring Modulith's event publication registry dates publications by the
 * same bean, so moving it ages them without waiting. The scheduled look runs hourly here; the test calls
 * {@link EventRetries#retryDue()} itself.
 * <p>
 * The listener is the test's own, in this package so the module's scan finds it. {@code UnfinishedListenersTests}
 * covers the same retries in whole Gazettes, with real waits and a restart. {@code application.properties} puts the
 * moderation classifier's health check in the readiness group; a context without the moderation module must not check
 * that group's members, hence the property.
 */
@ApplicationModuleTest(webEnvironment = WebEnvironment.NONE)
@TestPropertySource(properties = { "gazette.background.retry-interval=1h", "gazette.background.first-retry=1m",
		"gazette.background.max-retry=1h", "management.endpoint.health.validate-group-membership=false" })
class BackgroundModuleTests {

	/** A message for {@link FailsTwice}. */
	record Errand(String id) {
	}

	/** A listener whose first two runs throw, as one does while the database or a service is away. */
	static class FailsTwice {

		final AtomicInteger runs = new AtomicInteger();

		final AtomicInteger effects = new AtomicInteger();

		@ApplicationModuleListener
		void on(Errand errand) {
			if (runs.incrementAndGet() <= 2) {
				throw new IllegalStateException("run " + runs.get() + " fails");
			}
			effects.incrementAndGet();
		}

		// Read through methods: the bean is a transactional proxy, whose own fields are empty.
		public int runs() {
			return runs.get();
		}

		public int effects() {
			return effects.get();
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Setup {

		@Bean
		MutableClock clock() {
			return new MutableClock(Instant.parse("2018-07-22T09:00:00Z"));
		}

		@Bean
		FailsTwice failsTwice() {
			return new FailsTwice();
		}
	}

	@Autowired
	EventRetries retries;

	@Autowired
	FailsTwice listener;

	@Autowired
	MutableClock clock;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aFailingListenerIsRunAgainAfterFirstRetryThenAfterItsBackOffUntilItTakesEffectOnce() {
		transaction.executeWithoutResult(status -> events.publishEvent(new Errand("e1")));
		await().atMost(Duration.ofSeconds(10)).until(() -> listener.runs() == 1);
		assertThat(unfinished()).as("the failed run stays in the registry").isEqualTo(1);

		assertThat(retries.retryDue()).as("younger than first-retry").isZero();
		clock.advance(Duration.ofMinutes(1).plusSeconds(1));
		assertThat(retries.retryDue()).isEqualTo(1);
		await().atMost(Duration.ofSeconds(10)).until(() -> listener.runs() == 2);

		clock.advance(Duration.ofSeconds(30));
		assertThat(retries.retryDue()).as("its back-off after one retry is first-retry").isZero();
		clock.advance(Duration.ofSeconds(31));
		assertThat(retries.retryDue()).isEqualTo(1);
		await().atMost(Duration.ofSeconds(10)).until(() -> unfinished() == 0);

		assertThat(listener.runs()).isEqualTo(3);
		assertThat(listener.effects()).isEqualTo(1);
		clock.advance(Duration.ofHours(2));
		assertThat(retries.retryDue()).as("a finished run is not retried").isZero();
		assertThat(listener.runs()).isEqualTo(3);
	}

	private long unfinished() {
		return jdbc.sql("select count(*) from event_publication where listener_id like :listener")
			.param("listener", "%" + FailsTwice.class.getSimpleName() + "%")
			.query(Long.class)
			.single();
	}
}
