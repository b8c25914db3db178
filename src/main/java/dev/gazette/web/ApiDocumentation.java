package dev.gazette.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The heading of the OpenAPI document served at {@code /api/v1/openapi.json}. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	@Bean
	OpenAPI gazetteApi() {
		return new OpenAPI().info(new Info().title("Gazette API")
			.version("v1")
			.description("Everything a reader can do in Gazette's web pages, as JSON. Errors are RFC 9457 problem "
					+ "details (application/problem+json)."));
	}
}
