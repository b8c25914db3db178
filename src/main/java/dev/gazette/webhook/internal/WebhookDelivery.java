package dev.gazette.webhook.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.gazette.jobs.BackOff;
import dev.gazette.jobs.Job;
import dev.gazette.jobs.JobHandler;
import dev.gazette.jobs.JobKind;
import dev.gazette.jobs.JobResult;
import dev.gazette.jobs.Jobs;
import dev.gazette.webhook.internal.DeliveryQueue.Delivery;
import dev.gazette.webhook.internal.Webhooks.Webhook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Calls webhooks. Each delivery is a job ({@value #KIND}) of the job queue: every
 * {@code gazette.webhooks.poll-interval} each node claims the due ones (no two nodes call for the same delivery at
 * once; a claim lapses after a few call time-outs in case its node died), POSTs them with a time-out, and records the
 * answer. A 2xx answer is delivered; anything else, or no answer, is retried with exponential back-off until
 * {@code max-attempts}, then the delivery has failed (and its job is dead, for an admin to retry). Redirects are not
 * followed. Delivery is at least once: receivers deduplicate by {@code Gazette-Delivery}.
 */
@Component
class WebhookDelivery implements JobHandler<WebhookDelivery.Deliver> {

	static final String KIND = "webhook.deliver";

	private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);

	/** The job: which {@code webhook_delivery} row to make. */
	record Deliver(long deliveryId) {
	}

	private final DeliveryQueue queue;

	private final Webhooks webhooks;

	private final WebhookProperties properties;

	private final Clock clock;

	private final HttpClient http;

	private final ObjectProvider<Jobs> jobs;

	private final JobKind<Deliver> kind;

	WebhookDelivery(DeliveryQueue queue, Webhooks webhooks, WebhookProperties properties, Clock clock,
			ObjectProvider<Jobs> jobs) {
		this.queue = queue;
		this.webhooks = webhooks;
		this.properties = properties;
		this.clock = clock;
		this.jobs = jobs;
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.timeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		// The claim outlasts one call, so a live node never loses it. Calls go out at the next poll, as they always
		// have: integrators are used to a few seconds' delay.
		this.kind = JobKind.of(KIND, Deliver.class,
				BackOff.exponential(properties.firstRetry(), properties.maxRetry(), properties.maxAttempts()),
				properties.pollInterval())
			.claimedFor(properties.timeout().multipliedBy(3).plus(Duration.ofMinutes(1)))
			.atNextPoll();
	}

	@Override
	public JobKind<Deliver> kind() {
		return kind;
	}

	/**
	 * Calls for every due delivery this node can claim, on the calling thread.
	 * @return how many calls it made
	 */
	int deliverDue() {
		return jobs.getObject().runDue(KIND);
	}

	/** Makes the call, unless it was answered already or its webhook is gone. */
	@Override
	public JobResult run(Job<Deliver> job) {
		long id = job.payload().deliveryId();
		Optional<Delivery> delivery = queue.find(id);
		Optional<Webhook> webhook = delivery.flatMap(d -> webhooks.find(d.webhookId()));
		if (webhook.isEmpty() || !queue.markDelivering(id)) {
			return JobResult.DONE;
		}
		return call(delivery.get(), webhook.get());
	}

	private JobResult call(Delivery delivery, Webhook webhook) {
		Instant now = clock.instant();
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(webhook.url()))
				.timeout(properties.timeout())
				.header("Content-Type", "application/json; charset=utf-8")
				.header("User-Agent", "Gazette-Webhooks/1")
				.header("Gazette-Event", delivery.eventType())
				.header("Gazette-Delivery", delivery.deliveryId())
				.header("Gazette-Signature", Signatures.header(webhook.secret(), now.getEpochSecond(), delivery.payload()))
				.POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8))
				.build();
			HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
			if (response.statusCode() / 100 == 2) {
				queue.recordDelivered(delivery.id(), response.statusCode(), clock.instant());
				return JobResult.DONE;
			}
			return fail(delivery, response.statusCode(), "HTTP " + response.statusCode());
		}
		catch (IOException | IllegalArgumentException ex) {
			return fail(delivery, null, ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return fail(delivery, null, "interrupted while shutting down");
		}
	}

	private JobResult fail(Delivery delivery, Integer status, String error) {
		queue.recordFailure(delivery.id(), status, error);
		log.info("Webhook delivery {} ({}) failed: {}", delivery.deliveryId(), delivery.eventType(), error);
		return JobResult.retry(error);
	}

	/** The delivery waits for the queue's next attempt, or has failed for good. */
	@Override
	public void failed(Job<Deliver> job, String error, Instant nextAttempt) {
		queue.scheduleRetry(job.payload().deliveryId(), nextAttempt);
	}
}
