package dev.gazette.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Secret tokens for the links Gazette mails (verification, password reset, confirmation, unsubscribe) and for
 * other secrets shown once: 256 random bits, URL-safe, and only their SHA-256 kept in the database, so a leaked
 * database opens nothing.
 */
public final class LinkTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	/** The length of a token from {@link #newToken()}: 32 bytes in unpadded base64url. */
	private static final int LENGTH = 43;

	private LinkTokens() {
	}

	/** A new token: 32 random bytes in unpadded base64url (43 characters). */
	public static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** What is stored for a token: its SHA-256, in hex. */
	public static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	/** Whether the text could be a token from {@link #newToken()} at all: anything else is not looked up. */
	public static boolean plausible(String token) {
		return token != null && token.length() == LENGTH
				&& token.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
	}
}
