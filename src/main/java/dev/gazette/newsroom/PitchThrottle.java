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
 * Token buckets for pitches: one per client address, and one per sender's e-mail address (each pitch is acknowledged
 * by mail, so without it the form could be used to send many mails to one stranger). Like the other throttles it lives in this node's memory and is
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

	/**
	 * Takes one pitch from both buckets, or from neither: empty when allowed, else how long until it may try again.
	 */
	Optional<Duration> tryAcquire(String clientAddress, String email) {
		Bucket address = bucket("address|" + clientAddress);
		ConsumptionProbe probe = address.tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			return Optional.of(wait(probe));
		}
		ConsumptionProbe recipient = bucket("email|" + email).tryConsumeAndReturnRemaining(1);
		if (!recipient.isConsumed()) {
			address.addTokens(1);
			return Optional.of(wait(recipient));
		}
		return Optional.empty();
	}

	private Bucket bucket(String key) {
		return buckets.get(key, k -> Bucket.builder()
			.addLimit(Bandwidth.builder()
				.capacity(properties.perAddress())
				.refillGreedy(properties.perAddress(), properties.period())
				.build())
			.build());
	}

	private Duration wait(ConsumptionProbe probe) {
		long nanos = probe.getNanosToWaitForRefill();
		return nanos == Long.MAX_VALUE ? properties.period() : Duration.ofNanos(nanos);
	}
}
