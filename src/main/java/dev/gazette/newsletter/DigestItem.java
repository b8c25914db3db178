package dev.gazette.newsletter;

/** One article in a digest mail. Public for the mail templates only. */
public record DigestItem(String headline, String standfirst, String section, String byline, String link) {
}
