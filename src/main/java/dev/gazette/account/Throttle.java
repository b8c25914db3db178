package dev.gazette.account;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import org.springframework.stereotype.Component;

/**
 * Token buckets per (kind of action, key): a client address or an e-mail address. Buckets live in this node's
 * memory and are forgotten when idle; behind a load balancer each node enforces its own share, which keeps the
 * limits meaningful without a shared store (Bucket4j can move them to the database when needed).
 */
@Component
class Throttle {

	enum Action {
		SIGN_IN_ADDRESS, SIGN_IN_ACCOUNT, SIGN_UP, RESET
	}

	private final AccountProperties properties;

	private final Cache<String, Bucket> buckets;

	Throttle(AccountProperties properties) {
		this.properties = properties;
		this.buckets = Caffeine.newBuilder().expireAfterAccess(properties.period().multipliedBy(2)).maximumSize(100_000).build();
	}

	/** Takes one attempt from the bucket; zero when it was allowed, else how long until the next one is. */
	Duration tryAcquire(Action action, String key) {
		ConsumptionProbe probe = buckets.get(action + "|" + key, k -> newBucket(limit(action), properties.period()))
			.tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
	}

	private int limit(Action action) {
		return switch (action) {
			case SIGN_IN_ADDRESS -> properties.signInPerAddress();
			case SIGN_IN_ACCOUNT -> properties.signInPerAccount();
			case SIGN_UP -> properties.signUpPerAddress();
			case RESET -> properties.resetPerAddress();
		};
	}

	private static Bucket newBucket(int capacity, Duration period) {
		return Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
			.build();
	}
}
