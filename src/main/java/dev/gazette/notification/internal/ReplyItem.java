package dev.gazette.notification.internal;

/**
 * One reply in a notification mail: who wrote it, on which article, the start of its text and its permalink. Public
 * for the mail templates only.
 */
public record ReplyItem(String authorName, String articleHeadline, String excerpt, String link) {
}
