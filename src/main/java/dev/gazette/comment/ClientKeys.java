package dev.gazette.comment;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.http.HttpServletRequest;

import dev.gazette.ratelimit.ClientAddresses;

import org.springframework.stereotype.Component;

/**
 * Turns a request's network address into a key that identifies the client for spam checks without keeping the
 * address: an HMAC-SHA256 of the client ({@link ClientAddresses#client}: an IPv6 address by its /64, so a guest cannot
 * escape the burst and repeat checks by moving within their network) under a random key made when this node starts
 * and never written anywhere. The keys are only compared within one node's memory for a few minutes, so a restart (a
 * new key) costs nothing, and nobody can go back from a key to an address.
 * <p>
 * Behind a reverse proxy, set {@code server.forward-headers-strategy=native} (or {@code framework}) so that the
 * address is the reader's and not the proxy's; otherwise every guest shares one key.
 */
@Component
public class ClientKeys {

	private final SecretKeySpec key;

	ClientKeys() {
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		this.key = new SecretKeySpec(secret, "HmacSHA256");
	}

	/** The key of the address this request came from. */
	public String of(HttpServletRequest request) {
		return of(request.getRemoteAddr());
	}

	/** The key of a client: addresses that {@link ClientAddresses} counts as one client (an IPv6 /64) share it. */
	String of(String address) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			byte[] digest = mac.doFinal(ClientAddresses.client(address).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}
}
