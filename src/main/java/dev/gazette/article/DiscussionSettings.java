package dev.gazette.article;

/**
 * How an article's discussion is run: {@code premoderated} holds every comment for a moderator;
 * {@code closeAfterDays} closes it that many days after publication ({@code null}: never); {@code guestsAllowed}
 * overrides the site's setting ({@code null}: the site decides).
 */
public record DiscussionSettings(boolean premoderated, Integer closeAfterDays, Boolean guestsAllowed) {

	public static final DiscussionSettings DEFAULT = new DiscussionSettings(false, null, null);
}
