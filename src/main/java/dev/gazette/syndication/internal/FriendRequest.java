package dev.gazette.syndication.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.gazette.mail.EmailAddresses;

/**
 * What a reader typed into the “email a copy to a friend” form, checked: up to {@link #MAX_RECIPIENTS} addresses,
 * the sender's name and an optional plain-text note. Nothing about it is trusted: addresses must be bare addresses
 * (no names, no groups, nothing that could add a header), the name one line without control or direction-override
 * characters, the note plain text.
 */
public record FriendRequest(List<String> recipients, String senderName, String note) {

	static final int MAX_RECIPIENTS = 5;

	static final int MAX_NAME = 60;

	static final int MAX_NOTE = 500;

	/** The longest text the address field takes before it is not worth reading (5 addresses of 254 and separators). */
	static final int MAX_ADDRESS_FIELD = 1_300;

	private static final Pattern SEPARATORS = Pattern.compile("[,;\\s]+");

	/** C0 and C1 controls, and the characters that reverse or isolate the direction of the text around them. */
	private static final Pattern UNSAFE_IN_NAME = Pattern.compile("[\\p{Cc}\\u202A-\\u202E\\u2066-\\u2069]");

	private static final Pattern CONTROL_IN_NOTE = Pattern.compile("[\\p{Cc}\\u202A-\\u202E\\u2066-\\u2069&&[^\\n\\t]]");

	/**
	 * Checks the form's fields.
	 * @throws Refused naming every field that is wrong
	 */
	public static FriendRequest of(String to, String name, String note) {
		Map<String, String> errors = new LinkedHashMap<>();
		List<String> recipients = recipients(to, errors);
		String senderName = name == null ? "" : name.strip();
		if (senderName.isEmpty()) {
			errors.put("name", "Please give your name, so your friends know who sent it.");
		}
		else if (senderName.codePointCount(0, senderName.length()) > MAX_NAME) {
			errors.put("name", "Your name can be at most " + MAX_NAME + " characters long.");
		}
		else if (UNSAFE_IN_NAME.matcher(senderName).find()) {
			errors.put("name", "Your name can only have letters, digits, spaces and punctuation, on one line.");
		}
		String cleanNote = note == null ? "" : CONTROL_IN_NOTE.matcher(note.replace("\r\n", "\n").replace('\r', '\n'))
			.replaceAll("")
			.strip();
		int noteLength = cleanNote.codePointCount(0, cleanNote.length());
		if (noteLength > MAX_NOTE) {
			errors.put("note", "Please keep the note to " + MAX_NOTE + " characters; it has " + noteLength + ".");
		}
		if (!errors.isEmpty()) {
			throw new Refused(errors);
		}
		return new FriendRequest(recipients, senderName, cleanNote.isEmpty() ? null : cleanNote);
	}

	private static List<String> recipients(String to, Map<String, String> errors) {
		String field = to == null ? "" : to.strip();
		if (field.isEmpty()) {
			errors.put("to", "Please give at least one e-mail address.");
			return List.of();
		}
		if (field.length() > MAX_ADDRESS_FIELD) {
			errors.put("to", "Please give at most " + MAX_RECIPIENTS + " e-mail addresses.");
			return List.of();
		}
		Set<String> seen = new LinkedHashSet<>();
		List<String> recipients = new ArrayList<>();
		List<String> malformed = new ArrayList<>();
		for (String address : SEPARATORS.split(field)) {
			if (address.isEmpty()) {
				continue;
			}
			if (!EmailAddresses.isValid(address)) {
				malformed.add(address);
			}
			else if (seen.add(address.toLowerCase(Locale.ROOT))) {
				recipients.add(address);
			}
		}
		if (!malformed.isEmpty()) {
			errors.put("to", (malformed.size() == 1 ? "This is not an e-mail address: " : "These are not e-mail addresses: ")
					+ String.join(", ", malformed.stream().map(a -> "“" + a + "”").toList()) + ".");
		}
		else if (recipients.size() > MAX_RECIPIENTS) {
			errors.put("to", "You can send it to at most " + MAX_RECIPIENTS + " addresses at a time; you gave "
					+ recipients.size() + ".");
		}
		return List.copyOf(recipients);
	}

	/** The form's fields that are wrong, each with what to do about it. */
	public static final class Refused extends RuntimeException {

		private final transient Map<String, String> errors;

		Refused(Map<String, String> errors) {
			super("The form has mistakes: " + errors.keySet());
			this.errors = Map.copyOf(errors);
		}

		Map<String, String> errors() {
			return errors;
		}
	}
}
