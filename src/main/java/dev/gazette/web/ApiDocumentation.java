package dev.gazette.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.MethodMetadata;

/**
 * The OpenAPI document served at {@code /api/v1/openapi.json}: its heading, and springdoc's beans made on the first
 * request for it rather than at start.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	@Bean
	OpenAPI gazetteApi() {
		return new OpenAPI().info(new Info().title("Gazette API")
			.version("v1")
			.description("Everything a reader can do in Gazette's web pages, as JSON. Errors are RFC 9457 problem "
					+ "details (application/problem+json)."));
	}

	/**
	 * springdoc's beans (and the Swagger models and the second Jackson they bring) serve only the API document, which
	 * few requests ask for; created at start they cost about 0.4 s of it (README "Start time"). Marked lazy here,
	 * they are made on the document's first request: its controller is found by type for the request mappings
	 * without being created. Only springdoc's are lazy: global lazy initialisation would hide configuration errors
	 * until a request and move work onto readers' requests (README says why).
	 */
	@Bean
	static BeanFactoryPostProcessor apiDocumentationOnFirstRequest() {
		return beanFactory -> {
			for (String name : beanFactory.getBeanDefinitionNames()) {
				BeanDefinition definition = beanFactory.getBeanDefinition(name);
				if (fromSpringdoc(definition)) {
					definition.setLazyInit(true);
				}
			}
		};
	}

	private static boolean fromSpringdoc(BeanDefinition definition) {
		String type = definition.getBeanClassName();
		if (definition instanceof AnnotatedBeanDefinition annotated) {
			MethodMetadata factoryMethod = annotated.getFactoryMethodMetadata();
			if (factoryMethod != null) {
				type = factoryMethod.getDeclaringClassName();
			}
		}
		return type != null && type.startsWith("org.springdoc.");
	}
}
