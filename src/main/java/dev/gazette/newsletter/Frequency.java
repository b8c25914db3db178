package dev.gazette.newsletter;

import java.util.Locale;
import java.util.Optional;

/** How often a subscriber gets the digest. */
public enum Frequency {

	DAILY, WEEKLY;

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The frequency a form or a request names, if it names one. */
	static Optional<Frequency> parse(String key) {
		if (key == null) {
			return Optional.empty();
		}
		for (Frequency frequency : values()) {
			if (frequency.key().equals(key.strip().toLowerCase(Locale.ROOT))) {
				return Optional.of(frequency);
			}
		}
		return Optional.empty();
	}
}
