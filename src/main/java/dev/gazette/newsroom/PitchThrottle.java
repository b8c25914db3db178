package dev.gazette.newsroom;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import org.springframework.stereotype.Component;

/**
 * One token bucket per client address for pitches. Like the other throttles it lives in this node's memory and is
 * forgotten when idle; behind a load balancer each node enforces its own share.
 */
@Component
class PitchThrottle {

	private final PitchProperties properties;

	private final Cache<String, Bucket> buckets;

	PitchThrottle(PitchProperties properties) {
		this.properties = properties;
		this.buckets = Caffeine.newBuilder().expireAfterAccess(properties.period().multipliedBy(2)).maximumSize(100_000).build();
	}

	/** Takes one pitch from the address's bucket: empty when allowed, else how long until it may try again. */
	Optional<Duration> tryAcquire(String clientAddress) {
		Bucket bucket = buckets.get(clientAddress, key -> Bucket.builder()
			.addLimit(Bandwidth.builder()
				.capacity(properties.perAddress())
				.refillGreedy(properties.perAddress(), properties.period())
				.build())
			.build());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		if (probe.isConsumed()) {
			return Optional.empty();
		}
		long nanos = probe.getNanosToWaitForRefill();
		return Optional.of(nanos == Long.MAX_VALUE ? properties.period() : Duration.ofNanos(nanos));
	}
}
