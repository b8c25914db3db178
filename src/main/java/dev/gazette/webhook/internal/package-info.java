/**
 * The whole of the webhook feature: the registry ({@code Webhooks}), the listener that turns published articles and
 * comments into delivery rows and jobs, the signed delivery ({@code WebhookDelivery}, {@code Signatures}), the payload
 * integrators receive ({@code WebhookEvent}), its settings and the admin page with its view (public for jte). No other
 * module calls into webhooks, so the module's base package holds only its description.
 */
package dev.gazette.webhook.internal;
