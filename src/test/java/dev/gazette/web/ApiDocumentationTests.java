package dev.gazette.web;

import java.util.ArrayList;
import java.util.List;

import dev.gazette.support.Http;
import dev.gazette.support.Json;
import dev.gazette.support.RunningGazette;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document at /api/v1/openapi.json describes every operation of the JSON API, with its methods. */
@RunningGazette
class ApiDocumentationTests {

	@LocalServerPort
	int port;

	@Test
	void everyOperationOfTheApiIsDocumented() {
		JsonNode paths = Json.read(new Http(port).getJson("/api/v1/openapi.json")).get("paths");
		List<String> documented = new ArrayList<>();
		paths.propertyNames().forEach(path -> paths.get(path).propertyNames()
			.forEach(method -> documented.add(method.toUpperCase() + " " + path)));

		assertThat(documented).contains("GET /api/v1/articles", "GET /api/v1/articles/{slug}",
				"GET /api/v1/articles/{slug}/comments", "POST /api/v1/articles/{slug}/comments",
				"PATCH /api/v1/comments/{id}", "DELETE /api/v1/comments/{id}", "POST /api/v1/accounts", "GET /api/v1/me",
				"GET /api/v1/moderation/queue", "POST /api/v1/comments/{id}/decision",
				"POST /api/v1/comments/{id}/reports", "POST /api/v1/moderation/score", "GET /api/v1/moderation/model",
				"POST /api/v1/moderation/model", "PUT /api/v1/articles/{slug}/discussion",
				"POST /api/v1/newsletter/subscriptions", "GET /api/v1/search");
		assertThat(documented).allSatisfy(operation -> assertThat(operation).contains("/api/v1/"));
	}
}
