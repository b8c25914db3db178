package dev.gazette.account;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HexFormat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import org.springframework.stereotype.Component;

/**
 * Token buckets per (kind of action, key): a client (its address, an IPv6 address by its /64) or an e-mail address
 * with a client. The one throttle of the site: other features' limits per client use it too
 * ({@link #tryAcquireForClient}). Buckets live in this node's
 * memory and are forgotten when idle; behind a load balancer each node enforces its own share, which keeps the
 * limits meaningful without a shared store (Bucket4j can move them to the database when needed).
 */
@Component
public class Throttle {

	enum Action {
		SIGN_IN_ADDRESS, SIGN_IN_ACCOUNT, SIGN_IN_ACCOUNT_TOTAL, SIGN_UP, RESET
	}

	private final AccountProperties properties;

	/** A bucket is forgotten when idle for twice its period: by then it is full again anyway. */
	private record Limited(Bucket bucket, Duration period) {
	}

	private final Cache<String, Limited> buckets;

	Throttle(AccountProperties properties) {
		this.properties = properties;
		this.buckets = Caffeine.newBuilder()
			.expireAfter(Expiry.accessing((String key, Limited limited) -> limited.period().multipliedBy(2)))
			.maximumSize(100_000)
			.build();
	}

	/** Takes one attempt from the bucket; zero when it was allowed, else how long until the next one is. */
	Duration tryAcquire(Action action, String key) {
		return tryAcquire(action.name(), key, limit(action), properties.period());
	}

	/**
	 * Another feature's limit per client, kept the way the accounts' own are: takes one attempt from the bucket of
	 * this kind for the client at this network address (an IPv6 address counts by its /64). Zero when it was
	 * allowed, else how long until the next attempt can succeed (for {@code Retry-After}).
	 */
	public Duration tryAcquireForClient(String kind, String clientAddress, int limit, Duration period) {
		return tryAcquire(kind, client(clientAddress), limit, period);
	}

	private Duration tryAcquire(String kind, String key, int limit, Duration period) {
		ConsumptionProbe probe = buckets.get(kind + "|" + key, k -> new Limited(newBucket(limit, period), period))
			.bucket()
			.tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
	}

	private int limit(Action action) {
		return switch (action) {
			case SIGN_IN_ADDRESS -> properties.signInPerAddress();
			case SIGN_IN_ACCOUNT -> properties.signInPerAccount();
			case SIGN_IN_ACCOUNT_TOTAL -> properties.signInPerAccountTotal();
			case SIGN_UP -> properties.signUpPerAddress();
			case RESET -> properties.resetPerAddress();
		};
	}

	/**
	 * The client a network address stands for: an IPv4 address as it is, an IPv6 address by its /64 (one household or
	 * one server gets a whole /64, so its other addresses are the same client).
	 */
	static String client(String address) {
		if (address == null || address.indexOf(':') < 0) {
			return String.valueOf(address);
		}
		try {
			byte[] bytes = InetAddress.getByName(address).getAddress();
			if (bytes.length != 16) {
				return address;
			}
			return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
		}
		catch (UnknownHostException ex) {
			return address;
		}
	}

	private static Bucket newBucket(int capacity, Duration period) {
		return Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
			.build();
	}
}
