package dev.gazette.mail;

import java.util.regex.Pattern;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * Whether a text someone typed is an e-mail address Gazette takes: the one rule for every form and API that asks for
 * one (joining, a change of address, the newsletter, pitches, a guest's comment, e-mail a friend, an author's public
 * address).
 * <p>
 * It lives with the mail because the mail library has the last word: an address that passed a looser pattern here and
 * then failed {@link Mail}'s own check answered 500 ({@code <b>@x.example}, {@code x@x.example,root}). So an address
 * must be what Jakarta Mail's strict parser takes <em>and</em> Gazette's shape: a single addr-spec — no display name,
 * group, comment, quotes or angle brackets —, at most 64 characters before the {@code @} and 254 in all, and a dotted
 * domain (or {@code localhost}). Whether anyone reads it is for a confirmation link to prove.
 */
public final class EmailAddresses {

	public static final int MAX_LENGTH = 254;

	private static final int MAX_LOCAL_PART = 64;

	/** Characters an addr-spec without quotes never has, and whitespace and controls anywhere. */
	private static final Pattern FORBIDDEN = Pattern.compile("[\\s\\p{Cntrl}<>()\\[\\]\\\\,;:\"]");

	/** Labels of a domain: no empty label, no leading or trailing hyphen. */
	private static final Pattern DOMAIN = Pattern
		.compile("(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?\\.)+[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?");

	private EmailAddresses() {
	}

	public static boolean isValid(String address) {
		if (address == null || address.isEmpty() || address.length() > MAX_LENGTH || FORBIDDEN.matcher(address).find()) {
			return false;
		}
		int at = address.indexOf('@');
		if (at < 1 || at != address.lastIndexOf('@') || at > MAX_LOCAL_PART) {
			return false;
		}
		String domain = address.substring(at + 1);
		if (!domain.equalsIgnoreCase("localhost") && !DOMAIN.matcher(domain).matches()) {
			return false;
		}
		return acceptedByTheMailLibrary(address);
	}

	private static boolean acceptedByTheMailLibrary(String address) {
		try {
			InternetAddress parsed = new InternetAddress(address, true);
			parsed.validate();
			return !parsed.isGroup() && parsed.getPersonal() == null && address.equals(parsed.getAddress());
		}
		catch (AddressException ex) {
			return false;
		}
	}
}
