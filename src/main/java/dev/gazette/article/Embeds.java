package dev.gazette.article;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Links that a body turns into a click-to-load embed when one stands alone on its own line: YouTube, X (Twitter),
 * Bluesky, Mastodon, OpenStreetMap maps, and audio files. The page holds a placeholder ({@code figure.embed} with the
 * plain link inside) and nothing that reaches the other site; the reader's click (the {@code embeds.js} script)
 * loads the frame. Which site a page may frame is read back from its sanitised body ({@link #frameOrigins}), so the
 * Content-Security-Policy is widened for that site only, and only on pages that have such an embed.
 */
public final class Embeds {

	/** A recognised link: which provider, the link as pasted, and what a click loads (a frame, or audio). */
	public record Embed(String provider, String link, String source) {

		public boolean audio() {
			return provider.equals("audio");
		}

		/** The scheme and host the click loads from: what the page's policy must let in. */
		public String origin() {
			return origin(source).orElseThrow();
		}

		static Optional<String> origin(String url) {
			try {
				URI uri = new URI(url);
				if (!"https".equals(uri.getScheme()) || uri.getHost() == null || !HOST.matcher(uri.getHost()).matches()) {
					return Optional.empty();
				}
				return Optional.of("https://" + uri.getHost().toLowerCase(Locale.ROOT)
						+ (uri.getPort() > 0 ? ":" + uri.getPort() : ""));
			}
			catch (URISyntaxException ex) {
				return Optional.empty();
			}
		}
	}

	/** The providers, as {@code data-embed} names them. */
	public static final Pattern PROVIDER = Pattern.compile("youtube|x|bluesky|mastodon|map|audio");

	static final Pattern HOST = Pattern.compile("[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?)+",
			Pattern.CASE_INSENSITIVE);

	private static final String HOST_PART = "[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?)+";

	/**
	 * Every address a click may load, and nothing else: the sanitiser lets {@code data-embed-src} through only when
	 * it matches, so a body's raw HTML cannot smuggle in another frame.
	 */
	public static final Pattern SOURCE = Pattern.compile(String.join("|",
			"https://www\\.youtube-nocookie\\.com/embed/[A-Za-z0-9_-]{11}",
			"https://platform\\.twitter\\.com/embed/Tweet\\.html\\?id=[0-9]{1,25}",
			"https://embed\\.bsky\\.app/embed/[A-Za-z0-9.:_-]{1,253}/app\\.bsky\\.feed\\.post/[A-Za-z0-9]{1,64}",
			"https://" + HOST_PART + "/@[A-Za-z0-9_]{1,64}/[0-9]{1,25}/embed",
			"https://www\\.openstreetmap\\.org/export/embed\\.html\\?bbox=-?[0-9.]{1,12},-?[0-9.]{1,12},-?[0-9.]{1,12},"
					+ "-?[0-9.]{1,12}&layer=mapnik(&marker=-?[0-9.]{1,12},-?[0-9.]{1,12})?",
			"https://" + HOST_PART + "(/[A-Za-z0-9._~%-]{1,200}){1,20}\\.(mp3|ogg|oga|opus|m4a|wav)"),
			Pattern.CASE_INSENSITIVE);

	private static final Pattern YOUTUBE_ID = Pattern.compile("[A-Za-z0-9_-]{11}");

	private static final Pattern BSKY_POST = Pattern.compile("/profile/([A-Za-z0-9.:_-]{1,253})/post/([A-Za-z0-9]{1,64})");

	private static final Pattern MASTODON_POST = Pattern.compile("/@([A-Za-z0-9_]{1,64})/([0-9]{1,25})/?");

	private static final Pattern X_POST = Pattern.compile("/[A-Za-z0-9_]{1,15}/status/([0-9]{1,25})/?");

	private static final Pattern OSM_MAP = Pattern.compile("map=([0-9]{1,2})/(-?[0-9]{1,3}(?:\\.[0-9]{1,8})?)/(-?[0-9]{1,3}(?:\\.[0-9]{1,8})?)");

	private static final Pattern AUDIO_PATH = Pattern.compile("(/[A-Za-z0-9._~%-]{1,200}){1,20}\\.(mp3|ogg|oga|opus|m4a|wav)",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern EMBED_SOURCE_IN_HTML = Pattern.compile("<figure class=\"embed\" data-embed=\"("
			+ PROVIDER.pattern() + ")\" data-embed-src=\"([^\"]+)\"");

	private Embeds() {
	}

	/** The embed a link stands for, when it is one of the providers' links; empty for any other address. */
	public static Optional<Embed> of(String link) {
		if (link == null || link.length() > 2_000) {
			return Optional.empty();
		}
		URI uri;
		try {
			uri = new URI(link.strip());
		}
		catch (URISyntaxException ex) {
			return Optional.empty();
		}
		if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getRawUserInfo() != null) {
			return Optional.empty();
		}
		String host = uri.getHost().toLowerCase(Locale.ROOT);
		String path = uri.getRawPath() == null ? "" : uri.getRawPath();
		String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
		String original = uri.toString();
		Optional<String> source = switch (host) {
			case "www.youtube.com", "youtube.com", "m.youtube.com" -> youtube(path.equals("/watch") ? parameter(query, "v")
					: path.startsWith("/shorts/") ? path.substring(8) : null);
			case "youtu.be" -> youtube(path.length() > 1 ? path.substring(1) : null);
			case "x.com", "www.x.com", "twitter.com", "www.twitter.com", "mobile.twitter.com" -> matched(X_POST, path)
				.map(m -> "https://platform.twitter.com/embed/Tweet.html?id=" + m.group(1));
			case "bsky.app" -> matched(BSKY_POST, path)
				.map(m -> "https://embed.bsky.app/embed/" + m.group(1) + "/app.bsky.feed.post/" + m.group(2));
			case "www.openstreetmap.org", "openstreetmap.org" -> map(uri.getRawFragment(), query);
			default -> Optional.empty();
		};
		String provider = switch (host) {
			case "www.youtube.com", "youtube.com", "m.youtube.com", "youtu.be" -> "youtube";
			case "x.com", "www.x.com", "twitter.com", "www.twitter.com", "mobile.twitter.com" -> "x";
			case "bsky.app" -> "bluesky";
			case "www.openstreetmap.org", "openstreetmap.org" -> "map";
			default -> null;
		};
		if (source.isEmpty() && provider == null && HOST.matcher(host).matches() && uri.getPort() < 0) {
			Optional<Matcher> mastodon = matched(MASTODON_POST, path);
			if (mastodon.isPresent() && query.isEmpty()) {
				provider = "mastodon";
				source = Optional.of("https://" + host + "/@" + mastodon.get().group(1) + "/" + mastodon.get().group(2)
						+ "/embed");
			}
			else if (AUDIO_PATH.matcher(path).matches() && query.isEmpty()) {
				provider = "audio";
				source = Optional.of("https://" + host + path);
			}
		}
		if (source.isEmpty() || !SOURCE.matcher(source.get()).matches()) {
			return Optional.empty();
		}
		return Optional.of(new Embed(provider, original, source.get()));
	}

	/**
	 * The sites a sanitised body's embeds load frames from ({@code https://host}), for the page's
	 * {@code frame-src}; empty for a body with none.
	 */
	public static Set<String> frameOrigins(String bodyHtml) {
		return origins(bodyHtml, false);
	}

	/** The sites a sanitised body's audio embeds play from, for the page's {@code media-src}. */
	public static Set<String> mediaOrigins(String bodyHtml) {
		return origins(bodyHtml, true);
	}

	private static Set<String> origins(String bodyHtml, boolean audio) {
		Set<String> origins = new TreeSet<>();
		if (bodyHtml == null || !bodyHtml.contains("data-embed")) {
			return origins;
		}
		Matcher m = EMBED_SOURCE_IN_HTML.matcher(bodyHtml);
		while (m.find()) {
			String source = unescape(m.group(2));
			if (audio == m.group(1).equals("audio") && SOURCE.matcher(source).matches()) {
				Embed.origin(source).ifPresent(origins::add);
			}
		}
		return origins;
	}

	/** An attribute value as the sanitiser wrote it ({@code &#64;} for @, {@code &#61;} for =, {@code &amp;}). */
	private static String unescape(String value) {
		Matcher m = Pattern.compile("&#([0-9]{1,7});|&amp;").matcher(value);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) == null ? "&"
					: new String(Character.toChars(Integer.parseInt(m.group(1))))));
		}
		m.appendTail(out);
		return out.toString();
	}

	private static Optional<String> youtube(String id) {
		return id != null && YOUTUBE_ID.matcher(id).matches() ? Optional.of("https://www.youtube-nocookie.com/embed/" + id)
				: Optional.empty();
	}

	private static Optional<String> map(String fragment, String query) {
		String text = (fragment == null ? "" : fragment) + "&" + query;
		Matcher m = OSM_MAP.matcher(text);
		if (!m.find()) {
			return Optional.empty();
		}
		int zoom = Integer.parseInt(m.group(1));
		double lat = Double.parseDouble(m.group(2));
		double lon = Double.parseDouble(m.group(3));
		if (zoom > 19 || Math.abs(lat) > 85 || Math.abs(lon) > 180) {
			return Optional.empty();
		}
		// A box around the point about as wide as the map at that zoom level shows in a column.
		double half = 360.0 / Math.pow(2, zoom) * 0.75;
		String marker = parameter(query, "mlat") != null && parameter(query, "mlon") != null
				&& parameter(query, "mlat").matches("-?[0-9]{1,3}(\\.[0-9]{1,8})?")
				&& parameter(query, "mlon").matches("-?[0-9]{1,3}(\\.[0-9]{1,8})?")
						? "&marker=" + parameter(query, "mlat") + "," + parameter(query, "mlon") : "";
		return Optional.of("https://www.openstreetmap.org/export/embed.html?bbox=" + coordinate(lon - half) + ","
				+ coordinate(lat - half / 2) + "," + coordinate(lon + half) + "," + coordinate(lat + half / 2)
				+ "&layer=mapnik" + marker);
	}

	private static String coordinate(double value) {
		return String.format(Locale.ROOT, "%.5f", value);
	}

	private static String parameter(String query, String name) {
		for (String pair : query.split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0 && pair.substring(0, eq).equals(name)) {
				return pair.substring(eq + 1);
			}
		}
		return null;
	}

	private static Optional<Matcher> matched(Pattern pattern, String text) {
		Matcher m = pattern.matcher(text);
		return m.matches() ? Optional.of(m) : Optional.empty();
	}
}
