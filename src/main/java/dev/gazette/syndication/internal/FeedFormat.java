package dev.gazette.syndication.internal;

import java.util.Optional;

/** The two feed formats Gazette writes, each at an address ending in {@code rss.xml} or {@code atom.xml}. */
public enum FeedFormat {

	RSS("rss", "rss_2.0", "application/rss+xml", "RSS"), ATOM("atom", "atom_1.0", "application/atom+xml", "Atom");

	private final String key;

	private final String romeType;

	private final String mediaType;

	private final String label;

	FeedFormat(String key, String romeType, String mediaType, String label) {
		this.key = key;
		this.romeType = romeType;
		this.mediaType = mediaType;
		this.label = label;
	}

	public static Optional<FeedFormat> fromKey(String key) {
		for (FeedFormat format : values()) {
			if (format.key.equals(key)) {
				return Optional.of(format);
			}
		}
		return Optional.empty();
	}

	public String fileName() {
		return key + ".xml";
	}

	public String romeType() {
		return romeType;
	}

	public String mediaType() {
		return mediaType;
	}

	public String label() {
		return label;
	}
}
