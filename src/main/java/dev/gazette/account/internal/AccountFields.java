package dev.gazette.account.internal;

import java.util.Locale;
import java.util.Optional;

import dev.gazette.mail.EmailAddresses;

/**
 * What a usable address, display name and bio are, in one place: joining, inviting, the first admin's set-up and the
 * profile all ask the same questions and must give the same answers, and sign-in must find an address the way
 * joining stored it.
 */
public final class AccountFields {

	public static final int MAX_NAME = 60;

	public static final int MAX_BIO = 1_000;

	private AccountFields() {
	}

	public static String normalise(String email) {
		return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
	}

	public static String cleanName(String name) {
		return name == null ? "" : name.replaceAll("[\\p{Cc}\\s]+", " ").strip();
	}

	public static Optional<String> emailProblem(String email) {
		if (email.isEmpty()) {
			return Optional.of("Please give your e-mail address.");
		}
		if (!EmailAddresses.isValid(email)) {
			return Optional.of("That does not look like an e-mail address.");
		}
		return Optional.empty();
	}

	public static Optional<String> nameProblem(String name) {
		if (name.isEmpty()) {
			return Optional.of("Please choose a display name.");
		}
		if (name.codePointCount(0, name.length()) > MAX_NAME) {
			return Optional.of("A display name can be at most " + MAX_NAME + " characters long.");
		}
		return Optional.empty();
	}
}
