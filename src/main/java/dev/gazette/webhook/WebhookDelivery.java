package dev.gazette.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.gazette.webhook.DeliveryQueue.Delivery;
import dev.gazette.webhook.Webhooks.Webhook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Calls webhooks: every {@code gazette.webhooks.poll-interval} each node claims due deliveries (a conditional update,
 * so no two nodes call for the same delivery at once; a claim lapses after {@link #claimFor()} in case its node
 * died), POSTs them with a time-out, and records the answer. A 2xx answer is delivered; anything else, or no answer,
 * is retried with exponential back-off until {@code max-attempts}, then the delivery has failed. Redirects are not
 * followed. Delivery is at least once: receivers deduplicate by {@code Gazette-Delivery}.
 */
@Component
class WebhookDelivery implements SchedulingConfigurer, DisposableBean {

	private static final int BATCH = 50;

	private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);

	private final DeliveryQueue queue;

	private final Webhooks webhooks;

	private final WebhookProperties properties;

	private final Clock clock;

	private final HttpClient http;

	WebhookDelivery(DeliveryQueue queue, Webhooks webhooks, WebhookProperties properties, Clock clock) {
		this.queue = queue;
		this.webhooks = webhooks;
		this.properties = properties;
		this.clock = clock;
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.timeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::deliverQuietly, properties.pollInterval());
	}

	private void deliverQuietly() {
		try {
			deliverDue();
		}
		catch (RuntimeException ex) {
			log.warn("Webhook delivery stopped early; it resumes within {}", properties.pollInterval(), ex);
		}
	}

	/** Longer than one call can take, so a live node never loses its claim. */
	Duration claimFor() {
		return properties.timeout().multipliedBy(3).plus(Duration.ofMinutes(1));
	}

	/**
	 * Calls for every due delivery this node can claim, on the calling thread.
	 * @return how many calls it made
	 */
	int deliverDue() {
		int calls = 0;
		List<Long> due;
		do {
			Instant now = clock.instant();
			due = queue.due(now, BATCH);
			for (long id : due) {
				if (queue.claim(id, now, now.plus(claimFor()))) {
					attempt(id);
					calls++;
				}
			}
		}
		while (due.size() == BATCH);
		return calls;
	}

	private void attempt(long id) {
		Delivery delivery = queue.find(id).orElseThrow();
		Optional<Webhook> webhook = webhooks.find(delivery.webhookId());
		if (webhook.isEmpty()) {
			return;
		}
		Instant now = clock.instant();
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(webhook.get().url()))
				.timeout(properties.timeout())
				.header("Content-Type", "application/json; charset=utf-8")
				.header("User-Agent", "Gazette-Webhooks/1")
				.header("Gazette-Event", delivery.eventType())
				.header("Gazette-Delivery", delivery.deliveryId())
				.header("Gazette-Signature",
						Signatures.header(webhook.get().secret(), now.getEpochSecond(), delivery.payload()))
				.POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8))
				.build();
			HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
			if (response.statusCode() / 100 == 2) {
				queue.recordDelivered(id, response.statusCode(), clock.instant());
			}
			else {
				fail(delivery, response.statusCode(), "HTTP " + response.statusCode());
			}
		}
		catch (IOException | IllegalArgumentException ex) {
			fail(delivery, null, ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			fail(delivery, null, "interrupted while shutting down");
		}
	}

	private void fail(Delivery delivery, Integer status, String error) {
		int attempts = delivery.attempts() + 1;
		Instant next = attempts >= properties.maxAttempts() ? null : clock.instant().plus(properties.backOff(attempts));
		queue.recordFailure(delivery.id(), status, error, next);
		log.info("Webhook delivery {} ({}) failed, attempt {}: {}; {}", delivery.deliveryId(), delivery.eventType(),
				attempts, error, next == null ? "giving up" : "next attempt at " + next);
	}

	@Override
	public void destroy() {
		// The JDK client has no close() on Java 17; its threads are daemons.
	}
}
