package dev.gazette.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import org.springframework.stereotype.Component;

/**
 * The site's one rate limiter: a token bucket per (named limit, key), refilled gradually over the limit's period. A key
 * is a client ({@link ClientAddresses#client}), an account, an e-mail address, or several of these joined.
 * <p>
 * Buckets live in this node's memory and are forgotten when idle for twice their period (by then they are full again
 * anyway); at most 100,000 are kept. Behind a load balancer each node enforces its own share, which keeps the limits
 * meaningful without a shared store (Bucket4j can move them to the database if that is ever needed).
 */
@Component
public class RateLimiter {

	/**
	 * A limit: {@code perPeriod} tokens, refilled over {@code period}. Its name keeps its buckets apart from other
	 * limits' with the same keys, so each feature names its own.
	 */
	public record Limit(String name, int perPeriod, Duration period) {
	}

	/** Tokens to take from one bucket. */
	public record Charge(Limit limit, String key, int tokens) {
	}

	private record Limited(Bucket bucket, Duration period) {
	}

	private final Cache<String, Limited> buckets = Caffeine.newBuilder()
		.expireAfter(Expiry.accessing((String key, Limited limited) -> limited.period().multipliedBy(2)))
		.maximumSize(100_000)
		.build();

	/** Takes one token: zero when it was allowed, else how long until the next one can be (for {@code Retry-After}). */
	public Duration tryAcquire(Limit limit, String key) {
		return tryAcquireAll(List.of(new Charge(limit, key, 1)));
	}

	/**
	 * Takes every charge or none (what was taken before a refusal is given back, so a refused request costs nothing
	 * in the other buckets): zero when all were allowed, else the wait of the first bucket that refused.
	 */
	public Duration tryAcquireAll(List<Charge> charges) {
		List<Charge> taken = new ArrayList<>();
		for (Charge charge : charges) {
			Bucket bucket = bucket(charge.limit(), charge.key());
			ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(charge.tokens());
			if (!probe.isConsumed()) {
				taken.forEach(done -> bucket(done.limit(), done.key()).addTokens(done.tokens()));
				long nanos = probe.getNanosToWaitForRefill();
				// More tokens asked than the bucket holds: never, so say the whole period.
				return nanos == Long.MAX_VALUE ? charge.limit().period() : Duration.ofNanos(nanos);
			}
			taken.add(charge);
		}
		return Duration.ZERO;
	}

	private Bucket bucket(Limit limit, String key) {
		return buckets.get(limit.name() + "|" + key, k -> new Limited(Bucket.builder()
			.addLimit(Bandwidth.builder()
				.capacity(limit.perPeriod())
				.refillGreedy(limit.perPeriod(), limit.period())
				.build())
			.build(), limit.period())).bucket();
	}
}
