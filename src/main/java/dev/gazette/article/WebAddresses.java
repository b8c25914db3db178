package dev.gazette.article;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Whether a text someone typed is a web address Gazette will link to: http or https, with a host, no spaces, quotes
 * or angle brackets, and not too long. Author links, syndication sources, canonical addresses and pitch samples all
 * use this one rule.
 */
public final class WebAddresses {

	private WebAddresses() {
	}

	public static boolean isWebAddress(String value, int maxLength) {
		if (value == null || value.length() > maxLength
				|| value.chars().anyMatch(c -> c <= ' ' || c == '"' || c == '<' || c == '>')) {
			return false;
		}
		try {
			URI uri = new URI(value);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null && !uri.getHost().isEmpty();
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}
}
