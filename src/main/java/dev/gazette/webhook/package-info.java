/**
 * Webhooks for integrators: admins register URLs at {@code /admin/webhooks} to be called when an article or a comment
 * is published. Each event becomes one row per webhook ({@code webhook_delivery}) and one job of the job queue
 * ({@code webhook.deliver}), written by an after-commit listener; a worker on some node claims the job, POSTs the
 * JSON signed with HMAC-SHA256 over the timestamp and the body, and the queue retries failures with exponential
 * back-off until it gives up.
 * <p>
 * Only admins register URLs, and any http or https address is accepted, loopback and private networks included (an
 * integration often runs beside Gazette). That is a server-side request forgery surface in the hands of admins only;
 * deployments that must keep admins off their internal network should filter outbound traffic.
 * <p>
 * No other feature calls into webhooks (they listen to events), so everything is in {@code webhook.internal}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Webhooks", allowedDependencies = { "article",
		"comment", "publication", "account", "jobs", "refusal", "transaction" })
package dev.gazette.webhook;
