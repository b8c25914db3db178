package dev.gazette.syndication;

/**
 * A feed a page offers, for its {@code <link rel="alternate">} autodiscovery tag and for a visible link.
 *
 * @param title what feed readers call it, such as {@code World — The Meridian Gazette (RSS)}
 * @param type {@code application/rss+xml} or {@code application/atom+xml}
 * @param href its absolute address
 * @param format {@code RSS} or {@code Atom}, for a visible link
 */
public record FeedLink(String title, String type, String href, String format) {
}
