package dev.gazette.account;

/** An account that wants the newsletter, as the newsletter needs it: where to send it and whom to greet. */
public record NewsletterReader(long accountId, String email, String displayName) {
}
