package dev.gazette;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(GazetteApplication.class);

	@Test
	void featuresDependOnEachOtherOnlyThroughTheirPublicServices() {
		modules.verify();
	}

	@Test
	void everyFeatureIsAModule() {
		assertThat(modules.stream().map(module -> module.getBasePackage().getName()))
			.containsExactlyInAnyOrder("dev.gazette.publication", "dev.gazette.article", "dev.gazette.comment",
					"dev.gazette.web", "dev.gazette.demo", "dev.gazette.account", "dev.gazette.mail",
					"dev.gazette.moderation", "dev.gazette.syndication", "dev.gazette.notification",
					"dev.gazette.newsletter", "dev.gazette.webhook", "dev.gazette.newsroom", "dev.gazette.media",
					"dev.gazette.portrait", "dev.gazette.availability", "dev.gazette.background",
					"dev.gazette.ratelimit", "dev.gazette.jobs", "dev.gazette.search", "dev.gazette.refusal",
					"dev.gazette.admin", "dev.gazette.live", "dev.gazette.transfer");
	}

	/** Module diagrams and canvases in {@code target/spring-modulith-docs}, for the architecture notes. */
	@Test
	void writesTheModuleDocumentation() {
		new Documenter(modules).writeDocumentation();
	}
}
