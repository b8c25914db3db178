package dev.gazette.webhook.internal;

import java.util.List;

/**
 * The webhooks page: registered webhooks with their secrets (admins may read them again), the form, and the latest
 * deliveries. Public for the template only.
 *
 * @param created the webhook just registered, whose secret the page points out, or {@code null}
 * @param problem why the form was refused, or {@code null}
 */
public record WebhooksView(List<Hook> hooks, List<Line> deliveries, List<String> eventKeys, Hook created,
		String problem, String url, String description) {

	public record Hook(long id, String url, String description, String events, String secret, boolean active,
			String created) {
	}

	/** One delivery; {@code lastStatus} is the HTTP status of the last answer, {@code null} when there was none. */
	public record Line(String deliveryId, String event, String url, String status, int attempts, Integer lastStatus,
			String lastError, String created, String next) {
	}
}
