/**
 * The newsletter: a daily or weekly digest of new articles, optionally limited to chosen sections.
 * <p>
 * Accounts subscribe from the newsletter page or their settings ({@code account.newsletter}, with their choices in
 * {@code newsletter_preference}); guests by e-mail address with double opt-in: a confirmation link, and unconfirmed
 * requests expire. A scheduled job on every node builds each period's issue once ({@code newsletter_issue}, unique per
 * frequency and period: the insert is the claim) with one delivery row per recipient and, for each, a job of the job
 * queue that mails it, taking the row from 'pending' in the transaction that writes its mail. Empty digests are not sent. Every digest carries a
 * one-click unsubscribe link (RFC 8058); its token is kept only as a hash.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Newsletter", allowedDependencies = { "account",
		"article", "mail", "publication", "ratelimit", "jobs", "refusal" })
package dev.gazette.newsletter;
