package dev.gazette.moderation.internal;

import dev.gazette.moderation.ClassifierModels;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health {@code classifier}: OUT_OF_SERVICE until this node has a moderation model to score comments with, so that
 * readiness ({@code /actuator/health/readiness}, which includes it) keeps a load balancer away until then.
 */
@Component
public class ClassifierHealthIndicator implements HealthIndicator {

	private final ClassifierModels models;

	public ClassifierHealthIndicator(ClassifierModels models) {
		this.models = models;
	}

	@Override
	public Health health() {
		return models.ready() ? Health.up().withDetail("version", models.version()).build()
				: Health.outOfService().withDetail("reason", "the moderation model is loading").build();
	}
}
