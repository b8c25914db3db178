package dev.gazette.account;

/** A page that tells the reader one thing and where to go next. */
public record Notice(String title, String message, String linkText, String linkHref) {
}
