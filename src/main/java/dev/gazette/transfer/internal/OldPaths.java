package dev.gazette.transfer.internal;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * An old address as Gazette keys it: the path alone (the old site's host is gone), percent-decoded (so a Hebrew slug
 * matches however a browser encodes it), without the trailing slash WordPress puts on every permalink.
 */
public final class OldPaths {

	private OldPaths() {
	}

	/** The key for a permalink or a request path; empty when there is no usable path. */
	public static String of(String urlOrPath) {
		if (urlOrPath == null || urlOrPath.isBlank()) {
			return "";
		}
		String path;
		try {
			URI uri = URI.create(urlOrPath.strip().replace(" ", "%20"));
			path = uri.getRawPath();
		}
		catch (IllegalArgumentException ex) {
			path = urlOrPath.strip().replaceFirst("^https?://[^/]*", "").replaceFirst("[?#].*$", "");
		}
		if (path == null) {
			return "";
		}
		String decoded;
		try {
			decoded = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			decoded = path;
		}
		while (decoded.length() > 1 && decoded.endsWith("/")) {
			decoded = decoded.substring(0, decoded.length() - 1);
		}
		return decoded.startsWith("/") ? decoded : "/" + decoded;
	}

	/** A permalink's query parameter, such as {@code p} in {@code /?p=123}; null when absent. */
	public static String parameter(String url, String name) {
		try {
			String query = URI.create(url.strip().replace(" ", "%20")).getRawQuery();
			if (query == null) {
				return null;
			}
			for (String pair : query.split("&")) {
				if (pair.startsWith(name + "=")) {
					return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
				}
			}
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		return null;
	}
}
