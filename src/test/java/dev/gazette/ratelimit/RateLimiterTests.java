package dev.gazette.ratelimit;

import java.time.Duration;
import java.util.List;

import dev.gazette.ratelimit.RateLimiter.Charge;
import dev.gazette.ratelimit.RateLimiter.Limit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Named limits keep their buckets apart, and a request charged to several buckets takes from all or from none. */
class RateLimiterTests {

	private final RateLimiter limiter = new RateLimiter();

	private final Limit perClient = new Limit("client", 2, Duration.ofHours(1));

	private final Limit perRecipient = new Limit("recipient", 1, Duration.ofHours(1));

	@Test
	void aClientPastItsLimitIsToldHowLongToWaitAndOthersAreNot() {
		assertThat(limiter.tryAcquire(perClient, "a")).isZero();
		assertThat(limiter.tryAcquire(perClient, "a")).isZero();

		assertThat(limiter.tryAcquire(perClient, "a")).isPositive().isLessThanOrEqualTo(Duration.ofHours(1));
		assertThat(limiter.tryAcquire(perClient, "b")).isZero();
		assertThat(limiter.tryAcquire(new Limit("other", 2, Duration.ofHours(1)), "a")).as("another limit").isZero();
	}

	@Test
	void aRefusedRequestCostsNothingInTheBucketsThatWouldHaveLetItThrough() {
		assertThat(limiter.tryAcquireAll(List.of(new Charge(perClient, "a", 1), new Charge(perRecipient, "r", 1))))
			.isZero();

		assertThat(limiter.tryAcquireAll(List.of(new Charge(perClient, "a", 1), new Charge(perRecipient, "r", 1))))
			.isPositive();
		assertThat(limiter.tryAcquireAll(List.of(new Charge(perClient, "a", 1), new Charge(perRecipient, "s", 1))))
			.as("the client's second token was given back")
			.isZero();
	}

	@Test
	void moreThanALimitEverAllowsWaitsAWholePeriod() {
		assertThat(limiter.tryAcquireAll(List.of(new Charge(perClient, "a", 3)))).isEqualTo(Duration.ofHours(1));
	}
}
