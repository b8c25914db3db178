package dev.gazette.syndication;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import org.springframework.stereotype.Component;

/**
 * Token buckets for “email a copy to a friend”: one per client address, one per account, one per recipient, each
 * counting messages. Like the account throttle they live in this node's memory and are forgotten when idle; behind
 * a load balancer each node enforces its own share.
 */
@Component
class FriendThrottle {

	private final EmailAFriendProperties properties;

	private final Cache<String, Bucket> buckets;

	FriendThrottle(EmailAFriendProperties properties) {
		this.properties = properties;
		this.buckets = Caffeine.newBuilder()
			.expireAfterAccess(properties.period().multipliedBy(2))
			.maximumSize(100_000)
			.build();
	}

	/**
	 * Takes one message per recipient from every bucket that applies, or from none.
	 * @param accountId the signed-in sender, or {@code null} for a guest
	 * @return empty when allowed; otherwise how long until the sender could try again
	 */
	java.util.Optional<Duration> tryAcquire(String clientAddress, Long accountId, List<String> recipients) {
		List<Claim> claims = new ArrayList<>();
		claims.add(new Claim(bucket("address|" + clientAddress, properties.perAddress()), recipients.size()));
		if (accountId != null) {
			claims.add(new Claim(bucket("account|" + accountId, properties.perAccount()), recipients.size()));
		}
		for (String recipient : recipients) {
			claims.add(new Claim(bucket("recipient|" + recipient.toLowerCase(Locale.ROOT), properties.perRecipient()), 1));
		}
		List<Claim> taken = new ArrayList<>();
		for (Claim claim : claims) {
			ConsumptionProbe probe = claim.bucket().tryConsumeAndReturnRemaining(claim.tokens());
			if (!probe.isConsumed()) {
				taken.forEach(done -> done.bucket().addTokens(done.tokens()));
				long nanos = probe.getNanosToWaitForRefill();
				return java.util.Optional.of(nanos == Long.MAX_VALUE ? properties.period() : Duration.ofNanos(nanos));
			}
			taken.add(claim);
		}
		return java.util.Optional.empty();
	}

	private Bucket bucket(String key, int capacity) {
		return buckets.get(key, k -> Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, properties.period()).build())
			.build());
	}

	private record Claim(Bucket bucket, int tokens) {
	}
}
