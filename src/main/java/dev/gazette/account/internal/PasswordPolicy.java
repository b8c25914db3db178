package dev.gazette.account.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What makes a password acceptable: at least {@value #MIN_LENGTH} characters, at most {@value #MAX_BYTES} bytes in
 * UTF-8 (BCrypt reads no more, and Spring's encoder refuses a longer one outright), and not one of the common
 * passwords shipped in {@code account/common-passwords.txt}, nor made of a single repeated character.
 */
@Component
public class PasswordPolicy {

	static final int MIN_LENGTH = 10;

	static final int MAX_BYTES = 72;

	private final Set<String> common = load();

	/** Why the password is refused, in words for the person choosing it; empty when it is fine. */
	public Optional<String> problemWith(String password, String email) {
		if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
			return Optional.of("Choose a password of at least " + MIN_LENGTH + " characters.");
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			return Optional.of("Choose a password of at most " + MAX_BYTES
					+ " characters (letters with accents or from other alphabets count as two or three).");
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (common.contains(lower) || lower.chars().distinct().count() <= 2) {
			return Optional.of("That password is too common to be safe. Try a few unrelated words together.");
		}
		if (email != null && lower.contains(email.toLowerCase(Locale.ROOT).split("@")[0]) && email.indexOf('@') > 3) {
			return Optional.of("Your password should not contain your e-mail address.");
		}
		return Optional.empty();
	}

	private static Set<String> load() {
		Set<String> words = new HashSet<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(
				new ClassPathResource("account/common-passwords.txt").getInputStream(), StandardCharsets.UTF_8))) {
			reader.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
				.map(line -> line.trim().toLowerCase(Locale.ROOT))
				.forEach(words::add);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the list of common passwords", ex);
		}
		return words;
	}
}
